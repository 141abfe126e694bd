package io.autoscalebot.plugin.leasefile;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.LeaseProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code file} lease: {@code [leader] plugin = "file"}. Instances on one host (a deploy overlap, a one-off run
 * beside the service) share a file; it does not work across hosts, since a network file system's locks and clocks
 * cannot be trusted: use {@code redis} there.
 */
public final class FileLeaseProvider implements LeaseProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "file";

    static final String PATH = "path";

    private static final List<Setting> SCHEMA = List.of(
            Setting.of(PATH, SettingType.STRING).defaultValue("")
                    .doc("The lease file every instance on this host uses. Empty (the default): leader.lease in the "
                            + "state directory's leader/lease-file folder, shared by instances with the same "
                            + "state_dir. Relative paths are relative to the working directory. The groups' last "
                            + "scales and open conditions, for the next leader, are kept beside it in PATH.state/."));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public FileLeaseProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "The [leader] lease in a file on one host, with an expiry and an epoch as fencing token";
    }

    @Override
    public List<Setting> settings() {
        return SCHEMA;
    }

    @Override
    public Lease create(Settings settings, PluginContext context) {
        String path = settings.string(PATH);
        Path file = path.isBlank() ? context.stateDirectory().resolve("leader.lease") : Path.of(path);
        return new FileLease(file, context.clock());
    }
}
