package io.autoscalebot.plugin.email;

import io.autoscalebot.api.notify.Notification;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The subject and body of the e-mail for one notification.
 *
 * @param subject one line: {@code [autoscalebot] web: SCALE scaled 2 -> 3}
 * @param body the message, a blank line, then each detail as {@code name: value} on its own line
 */
record MailContent(String subject, String body) {

    /** Checks that no part is null. */
    MailContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /**
     * Writes the e-mail for a notification.
     *
     * @param notification what happened
     * @param subjectPrefix the text that starts the subject; nothing is added when it is empty
     * @return the subject and body
     */
    static MailContent of(Notification notification, String subjectPrefix) {
        String message = withoutGroupPrefix(notification);
        StringBuilder subject = new StringBuilder();
        if (!subjectPrefix.isEmpty()) {
            subject.append(subjectPrefix).append(' ');
        }
        subject.append(notification.group()).append(": ").append(notification.type());
        if (notification.phase() != Notification.Phase.EVENT) {
            subject.append(' ').append(notification.phase());
        }
        if (!message.isEmpty()) {
            subject.append(' ').append(message);
        }
        StringJoiner body = new StringJoiner("\n");
        body.add(notification.message());
        if (!notification.details().isEmpty()) {
            body.add("");
        }
        for (Map.Entry<String, String> detail : notification.details().entrySet()) {
            body.add(detail.getKey() + ": " + detail.getValue());
        }
        return new MailContent(oneLine(subject.toString()), body.toString());
    }

    // The engine's messages start with the group ("web: scaled 2 -> 3"); the subject already names it after the prefix.
    private static String withoutGroupPrefix(Notification notification) {
        String groupPrefix = notification.group() + ": ";
        String message = notification.message();
        return message.startsWith(groupPrefix) ? message.substring(groupPrefix.length()) : message;
    }

    // A line break in a subject would end the header early; mail clients show the subject on one line anyway.
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
