/**
 * The {@code local} scale plugin: runs a group as copies of a command on this machine, for development, demos and
 * single-host deployments.
 */
module io.autoscalebot.plugin.local {
    requires io.autoscalebot.api;

    provides io.autoscalebot.api.scale.ScaleProvider with io.autoscalebot.plugin.local.LocalProvider;
}
