/**
 * Notification rules: which events go out ({@code notify_on}), conditions told once when they start and once when they
 * end, the too-rapid sliding window, and redaction of secrets from every text that leaves the engine.
 */
package io.autoscalebot.engine.notify;
