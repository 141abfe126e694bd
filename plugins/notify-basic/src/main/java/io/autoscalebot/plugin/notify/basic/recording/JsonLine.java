package io.autoscalebot.plugin.notify.basic.recording;

import io.autoscalebot.api.notify.Notification;
import java.util.Map;

/** A notification as one line of JSON, written by hand so the plugin needs no JSON library. */
final class JsonLine {

    private JsonLine() {
    }

    /**
     * @return {@code {"time":"...","group":"web","type":"SCALE","phase":"EVENT","message":"...","details":{...}}} with
     *     the details in their order
     */
    static String of(Notification notification) {
        StringBuilder json = new StringBuilder("{");
        field(json, "time", notification.time().toString()).append(',');
        field(json, "group", notification.group()).append(',');
        field(json, "type", notification.type().name()).append(',');
        field(json, "phase", notification.phase().name()).append(',');
        field(json, "message", notification.message()).append(",\"details\":{");
        String separator = "";
        for (Map.Entry<String, String> detail : notification.details().entrySet()) {
            field(json.append(separator), detail.getKey(), detail.getValue());
            separator = ",";
        }
        return json.append("}}").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return string(string(json, name).append(':'), value);
    }

    /** Escapes as RFC 8259 requires: quote, backslash and every control character. */
    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': json.append("\\\""); break;
                case '\\': json.append("\\\\"); break;
                case '\n': json.append("\\n"); break;
                case '\r': json.append("\\r"); break;
                case '\t': json.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        return json.append('"');
    }
}
