package io.autoscalebot.plugin.heroku.measure;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the service time out of a Heroku router log line such as
 * {@code heroku[router]: at=info method=GET path="/" request_id=5e1f... dyno=web.1 connect=1ms service=37ms status=200}.
 */
public final class RouterLine {

    private static final Pattern SERVICE = Pattern.compile("(?:^|\\s)service=(\\d+)ms(?:\\s|$)");

    private RouterLine() {
    }

    /**
     * @param line one line of the log stream, with or without a server-sent-events {@code data:} prefix
     * @param requestId the request id to look for
     * @return the line's {@code service} in milliseconds when the line is the router's line for that request
     */
    public static OptionalLong serviceMillis(String line, String requestId) {
        if (!line.contains("request_id=" + requestId + " ") && !line.endsWith("request_id=" + requestId)) {
            return OptionalLong.empty();
        }
        Matcher service = SERVICE.matcher(line);
        return service.find() ? OptionalLong.of(Long.parseLong(service.group(1))) : OptionalLong.empty();
    }
}
