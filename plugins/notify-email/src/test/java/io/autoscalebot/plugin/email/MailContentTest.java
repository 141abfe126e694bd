package io.autoscalebot.plugin.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.testkit.TestContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailContentTest {

    @Test
    void subjectNamesGroupTypeAndMessageAfterThePrefix() {
        MailContent content = MailContent.of(EmailFixtures.scaledWeb(), "[autoscalebot]");

        assertThat(content.subject())
                .isEqualTo("[autoscalebot] web: SCALE scaled 2 -> 3 (3 of the last 3 measurements above 1200 ms)");
    }

    @Test
    void subjectShowsThePhaseOfACondition() {
        Notification started = TestContexts.notification().type(EventType.ABOVE_MAX).group("worker")
                .time(EmailFixtures.NOW).phase(Notification.Phase.STARTED)
                .message("worker: wanted 12, held at max 10").build();

        MailContent content = MailContent.of(started, "[prod]");

        assertThat(content.subject()).isEqualTo("[prod] worker: ABOVE_MAX STARTED wanted 12, held at max 10");
    }

    @Test
    void subjectHasNoLeadingSpaceWhenThePrefixIsEmpty() {
        MailContent content = MailContent.of(EmailFixtures.scaledWeb(), "");

        assertThat(content.subject()).startsWith("web: SCALE scaled 2 -> 3");
    }

    @Test
    void subjectKeepsAMessageThatDoesNotStartWithTheGroup() {
        Notification event = TestContexts.notification().type(EventType.SCALE_FAILED).time(EmailFixtures.NOW)
                .message("platform refused the scale").build();

        assertThat(MailContent.of(event, "[a]").subject()).isEqualTo("[a] web: SCALE_FAILED platform refused the scale");
    }

    @Test
    void subjectJoinsTheLinesOfAMultiLineMessage() {
        Notification event = TestContexts.notification().type(EventType.SCALE_FAILED).time(EmailFixtures.NOW)
                .message("web: scale failed\r\nBcc: someone@example.com").build();

        assertThat(MailContent.of(event, "[a]").subject())
                .isEqualTo("[a] web: SCALE_FAILED scale failed Bcc: someone@example.com")
                .doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void bodyIsJustTheMessageWhenThereAreNoDetails() {
        Notification event = TestContexts.notification().type(EventType.SCALE_FAILED).time(EmailFixtures.NOW)
                .message("web: scale failed").build();

        assertThat(MailContent.of(event, "[a]").body()).isEqualTo("web: scale failed");
    }

    @Test
    void bodyHoldsTheMessageThenEachDetailOnItsOwnLine() {
        MailContent content = MailContent.of(EmailFixtures.scaledWeb(), "[autoscalebot]");

        assertThat(content.body()).isEqualTo("web: scaled 2 -> 3 (3 of the last 3 measurements above 1200 ms)\n\n"
                + "from: 2\n"
                + "to: 3\n"
                + "reason: 3 of the last 3 measurements above 1200 ms");
    }
}
