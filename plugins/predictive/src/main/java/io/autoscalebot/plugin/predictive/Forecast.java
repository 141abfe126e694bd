package io.autoscalebot.plugin.predictive;

import java.time.Instant;

/**
 * The busiest moment the profile expects within the coming lead time.
 *
 * @param time when that load is expected
 * @param load busy processes to plan for then, level correction and peak weight applied
 * @param meanLoad the mean busy processes expected at the end of the lead, the forecast that is later scored
 * @param season which profile answered: {@code weekly} or {@code daily}
 */
record Forecast(Instant time, double load, double meanLoad, String season) {
}
