package io.autoscalebot.plugin.heroku.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitBudgetTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void letsTheFirstCallGoBeforeAnyRemainingWasSeen() {
        RateLimitBudget budget = new RateLimitBudget(100);

        assertThat(budget.waitBeforeNextCall(T0)).isZero();
        assertThat(budget.estimate(T0)).isEqualTo(RateLimitBudget.ACCOUNT_LIMIT);
    }

    @Test
    void estimatesTheRefillOfOneTokenEvery800MillisecondsUpToTheLimit() {
        RateLimitBudget budget = new RateLimitBudget(100);
        budget.observe(10, T0);

        assertThat(budget.estimate(T0.plusSeconds(8))).isEqualTo(20);
        assertThat(budget.estimate(T0.plus(Duration.ofHours(2)))).isEqualTo(RateLimitBudget.ACCOUNT_LIMIT);
    }

    @Test
    void waitsUntilTheBudgetIsBackAtTheReserve() {
        RateLimitBudget budget = new RateLimitBudget(100);
        budget.observe(90, T0);

        assertThat(budget.waitBeforeNextCall(T0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(budget.waitBeforeNextCall(T0.plusSeconds(3))).isEqualTo(Duration.ofSeconds(5));
        assertThat(budget.waitBeforeNextCall(T0.plusSeconds(8))).isZero();
    }

    @Test
    void neverWaitsWithoutAReserve() {
        RateLimitBudget budget = new RateLimitBudget(0);
        budget.observe(0, T0);

        assertThat(budget.waitBeforeNextCall(T0)).isZero();
    }
}
