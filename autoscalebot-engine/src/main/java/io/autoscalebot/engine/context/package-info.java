/**
 * The engine's implementations of what the API hands plugins: a plugin instance's context with the deadline of the call
 * in progress, the decide context, scale events and notifications. Exported only to the modules that build them for
 * plugins (the plugin testkit), never to plugins themselves, which see the API's interfaces.
 */
package io.autoscalebot.engine.context;
