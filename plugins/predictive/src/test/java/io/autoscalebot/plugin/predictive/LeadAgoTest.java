package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadAgoTest {

    @Test
    void isNaNUntilAValueIsALeadOld() {
        LeadAgo past = new LeadAgo(Duration.ofMinutes(2));
        past.add(0, 5);

        assertThat(past.leadBefore(60)).isNaN();
        assertThat(past.leadBefore(120)).isEqualTo(5);
    }

    @Test
    void givesTheNewestValueAtLeastALeadOldAndKeepsItForLaterCalls() {
        LeadAgo past = new LeadAgo(Duration.ofMinutes(2));
        past.add(0, 1);
        past.add(60, 2);
        past.add(120, 3);

        // At 3 minutes, 0 and 60 are a lead old or more: the newer, 2, is the reference; 3 is not yet.
        assertThat(past.leadBefore(180)).isEqualTo(2);
        assertThat(past.leadBefore(200)).isEqualTo(2);
        assertThat(past.leadBefore(240)).isEqualTo(3);
    }
}
