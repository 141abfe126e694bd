/**
 * The {@code file} lease plugin: the {@code [leader]} lease in a file that every instance on one host reaches.
 */
module io.autoscalebot.plugin.leasefile {
    requires io.autoscalebot.api;

    provides io.autoscalebot.api.lease.LeaseProvider
            with io.autoscalebot.plugin.leasefile.FileLeaseProvider;
}
