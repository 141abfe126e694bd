package io.autoscalebot.plugin.webhook;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Offers the {@code webhook} notifier: one JSON POST per notification, Slack-compatible.
 */
public final class WebhookNotifyProvider implements NotifyProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "webhook";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public WebhookNotifyProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "POSTs each notification as JSON to a webhook (Slack-compatible text plus the event's fields), "
                + "retrying within a timeout";
    }

    @Override
    public List<Setting> settings() {
        return WebhookSettings.SCHEMA;
    }

    /**
     * Every check that needs no connection: the URL's form and port, each header's form, the timeout.
     *
     * @param settings settings resolved against {@link #settings()}
     * @return what is wrong, by setting; empty when nothing is; no message quotes the URL or a header value
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return WebhookSettings.problems(settings);
    }

    /**
     * @throws PluginException listing what {@link #validate} finds wrong
     */
    @Override
    public Notify create(Settings settings, PluginContext context) throws PluginException {
        return create(settings, context, Pause.SLEEP);
    }

    /** As {@link #create(Settings, PluginContext)}, waiting between tries with {@code pause}: for tests. */
    Notify create(Settings settings, PluginContext context, Pause pause) throws PluginException {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        }
        return new WebhookNotify(WebhookSettings.from(settings), context.clock(), pause);
    }
}
