package io.autoscalebot.api.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void wordsALazyReasonOnlyWhenFirstReadAndThenOnce() {
        AtomicInteger worded = new AtomicInteger();
        Decision decision = Decision.scaleTo(4, () -> "busy " + worded.incrementAndGet());

        assertThat(worded).hasValue(0);
        assertThat(decision.target()).isEqualTo(OptionalInt.of(4));
        assertThat(decision.reason()).isEqualTo("busy 1");
        assertThat(decision.reason()).isEqualTo("busy 1");
        assertThat(worded).hasValue(1);
    }

    @Test
    void aLazyReasonIsTheSameDecisionAsTheTextGivenAtOnce() {
        assertThat(Decision.hold(() -> "on target")).isEqualTo(Decision.hold("on target"))
                .hasSameHashCodeAs(Decision.hold("on target"))
                .hasToString(Decision.hold("on target").toString());
        assertThat(Decision.scaleTo(3, () -> "up")).isEqualTo(Decision.scaleTo(3, "up"))
                .isNotEqualTo(Decision.scaleTo(2, "up"));
        assertThat(Decision.hold(() -> "x").isHold()).isTrue();
    }

    @Test
    void aReasonSupplierThatFailsOrGivesNothingBecomesTheReasonInsteadOfThrowingAtTheReader() {
        Decision throwing = Decision.hold(() -> {
            throw new IllegalStateException("boom");
        });
        Decision empty = Decision.scaleTo(2, () -> null);

        assertThat(throwing.reason()).contains("could not be worded").contains("boom");
        assertThat(empty.reason()).contains("returned null");
    }

    @Test
    void refusesANullSupplierOrANegativeTargetWhenDeciding() {
        assertThatThrownBy(() -> Decision.hold((Supplier<String>) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Decision.scaleTo(-1, () -> "down")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decision.hold((String) null)).isInstanceOf(NullPointerException.class);
    }
}
