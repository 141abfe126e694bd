/**
 * The lifecycle, provider and version types shared by the four plugin roles. The roles themselves live in
 * {@code measure}, {@code decide}, {@code scale} and {@code notify}; settings declarations in {@code settings}.
 */
package io.autoscalebot.api;
