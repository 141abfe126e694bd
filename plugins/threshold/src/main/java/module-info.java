/**
 * Threshold decide plugins: scale up when measurements stay above {@code max_value}, down when they stay below
 * {@code min_value}. {@code consecutive-threshold} counts a streak; {@code average-threshold} averages the newest readings.
 */
module io.autoscalebot.plugin.threshold {
    requires io.autoscalebot.api;

    provides io.autoscalebot.api.decide.DecideProvider with
            io.autoscalebot.plugin.threshold.ConsecutiveThresholdProvider,
            io.autoscalebot.plugin.threshold.AverageThresholdProvider;
}
