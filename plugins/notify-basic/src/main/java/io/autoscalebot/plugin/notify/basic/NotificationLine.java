package io.autoscalebot.plugin.notify.basic;

import io.autoscalebot.api.notify.Notification;
import java.time.temporal.ChronoUnit;

/** The one-line text form of a notification that the console and logger notifiers share. */
final class NotificationLine {

    private NotificationLine() {
    }

    /**
     * @param notification what happened
     * @param withTime whether to start with the time, in UTC to the second
     * @return {@code 2026-11-29T18:00:00Z web SCALE scaled 2 -> 3: ...}, with {@code STARTED} or {@code ENDED} after the
     *     type for a condition; line breaks in the message become spaces, so one notification is always one line
     */
    static String format(Notification notification, boolean withTime) {
        StringBuilder line = new StringBuilder();
        if (withTime) {
            line.append(notification.time().truncatedTo(ChronoUnit.SECONDS)).append(' ');
        }
        line.append(notification.group()).append(' ').append(notification.type());
        if (notification.phase() != Notification.Phase.EVENT) {
            line.append(' ').append(notification.phase());
        }
        return line.append(' ').append(notification.message().replaceAll("\\R", " ")).toString();
    }
}
