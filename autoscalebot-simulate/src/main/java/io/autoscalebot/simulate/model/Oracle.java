package io.autoscalebot.simulate.model;

import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;

/**
 * The autoscaler that knows the future: it serves exactly d(t) processes in every step and starts each one boot time
 * before the step that needs it, so its processes are billed from then. No real policy can do better on both the SLO
 * and cost, which makes it the yardstick of the cost ratio.
 */
public final class Oracle {

    private Oracle() {
    }

    /**
     * The oracle's billed supply: in each step the most processes any step within the coming boot time needs, since
     * those must already be starting. {@code s(t) = max d(t..t+b)} with {@code b = ceil(boot / step)}.
     *
     * @param demand d(t)
     * @param step the length of each step
     * @param boot how long a process takes to start
     * @return s(t)
     */
    public static int[] plan(int[] demand, Duration step, Duration boot) {
        int bootSteps = (int) Math.ceil(Trace.seconds(boot) / Trace.seconds(step));
        int[] supply = new int[demand.length];
        // Monotonic queue of step indices whose demand decreases, over the window [t, t + bootSteps].
        int[] window = new int[demand.length];
        int head = 0;
        int tail = 0;
        for (int t = demand.length - 1; t >= 0; t--) {
            while (tail > head && demand[window[tail - 1]] <= demand[t]) {
                tail--;
            }
            window[tail++] = t;
            while (window[head] > t + bootSteps) {
                head++;
            }
            supply[t] = demand[window[head]];
        }
        return supply;
    }

    /**
     * @param trace the workload
     * @param demand the SLO's demand model
     * @return the oracle's replay: billed supply per {@link #plan}, serving exactly d(t), so the SLO always holds
     */
    public static Provisioning replay(Trace trace, Demand demand) {
        int[] needed = demand.over(trace);
        QueueModel queue = demand.queue();
        double[] response = new double[needed.length];
        for (int t = 0; t < needed.length; t++) {
            response[t] = queue.responseTime(needed[t], trace.ratePerSecond(t));
        }
        return new Provisioning(trace.step(), plan(needed, trace.step(), queue.boot()), needed, response);
    }
}
