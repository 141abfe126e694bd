package io.autoscalebot.plugin.leaseredis;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.LeaseProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code redis} lease: {@code [leader] plugin = "redis"}. One key holds {@code TOKEN HOLDER} with a time to live;
 * a second key counts the epochs that serve as fencing tokens.
 */
public final class RedisLeaseProvider implements LeaseProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "redis";

    static final String URL = "url";
    static final String KEY = "key";

    private static final List<Setting> SCHEMA = List.of(
            Setting.of(URL, SettingType.STRING).defaultValue("redis://localhost:6379/0").asSecret()
                    .example("redis://:PASSWORD@redis.internal:6379/0")
                    .doc("The Redis every instance reaches: redis://[[USER]:PASSWORD@]HOST[:PORT][/DB], or rediss:// "
                            + "for TLS. Percent-encode special characters in the password. Shown as ****."),
            Setting.of(KEY, SettingType.STRING).defaultValue("autoscalebot:leader")
                    .doc("The key holding the lease; KEY:epoch counts the fencing tokens and KEY:state:group/NAME "
                            + "keeps each group's last scales and open conditions for the next leader. Give each "
                            + "configuration that shares a Redis its own key."));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public RedisLeaseProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "The [leader] lease in Redis: SET NX PX, compare-and-renew in Lua, an INCR epoch as fencing token";
    }

    @Override
    public List<Setting> settings() {
        return SCHEMA;
    }

    /** Checks the URL's form and the key without connecting. No message quotes the URL: it may hold a password. */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        String url = settings.string(URL);
        try {
            URI uri = new URI(url);
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                problems.add(new SettingProblem(URL, "url must start with redis:// or rediss://, like "
                        + "redis://localhost:6379/0"));
            } else if (uri.getHost() == null) {
                problems.add(new SettingProblem(URL, "url has no host, like redis://localhost:6379/0"));
            }
        } catch (URISyntaxException e) {
            problems.add(new SettingProblem(URL, "url is not a valid URL (" + e.getReason() + "); like "
                    + "redis://localhost:6379/0, with special characters of the password percent-encoded"));
        }
        if (settings.string(KEY).isBlank()) {
            problems.add(new SettingProblem(KEY, "key is empty: give one, like \"autoscalebot:leader\""));
        }
        return problems;
    }

    /** @throws PluginException listing what {@link #validate} finds wrong */
    @Override
    public Lease create(Settings settings, PluginContext context) throws PluginException {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(String.join("; ", problems.stream().map(SettingProblem::message).toList()));
        }
        return new RedisLease(URI.create(settings.string(URL)), settings.string(KEY));
    }
}
