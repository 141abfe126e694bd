package io.autoscalebot.simulate.model;

import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;

/**
 * The autoscaler that knows the future: it serves exactly d(t) processes in every step and starts each one boot time
 * before the step that needs it, so its processes are billed from then. No real policy can do better on both the SLO
 * and cost, which makes it the yardstick of the cost ratio. Its cost is billed with the real boot time
 * ({@link #billedProcessHours}), not the boot rounded up to whole steps: a 40 s boot costs 40 s, not a 60 s step.
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
     * What the oracle is billed with the real boot time. The k-th process is needed in the steps where
     * {@code d(t) >= k}; it is started {@code boot} before each stretch of them (the first stretch of step 0 is already
     * running, as a replay's initial processes are), and kept through a gap between two stretches when the gap is
     * shorter than a boot, since stopping and starting again would cost the boot anyway. So each gap costs
     * {@code min(gap, boot)}, each stretch not at step 0 one boot, and every needed step its length.
     *
     * @param demand d(t)
     * @param step the length of each step
     * @param boot how long a process takes to start
     * @return process-hours
     */
    public static double billedProcessHours(int[] demand, Duration step, Duration boot) {
        double stepSeconds = Trace.seconds(step);
        double bootSeconds = Trace.seconds(boot);
        int top = 0;
        for (int needed : demand) {
            top = Math.max(top, needed);
        }
        double seconds = 0;
        for (int k = 1; k <= top; k++) {
            int neededUntil = -1;
            for (int t = 0; t < demand.length; t++) {
                if (demand[t] < k) {
                    continue;
                }
                if (neededUntil < 0) {
                    seconds += t == 0 ? 0 : bootSeconds;
                } else if (neededUntil < t) {
                    seconds += Math.min((t - neededUntil) * stepSeconds, bootSeconds);
                }
                seconds += stepSeconds;
                neededUntil = t + 1;
            }
        }
        return seconds / 3600;
    }

    /**
     * @param trace the workload
     * @param demand the SLO's demand model
     * @return the oracle's replay: supply per {@link #plan} (boots in whole steps, for the step-by-step metrics),
     *     billed per {@link #billedProcessHours}, serving exactly d(t), so the SLO always holds
     */
    public static Provisioning replay(Trace trace, Demand demand) {
        int[] needed = demand.over(trace);
        QueueModel queue = demand.queue();
        double[] response = new double[needed.length];
        for (int t = 0; t < needed.length; t++) {
            response[t] = queue.responseTime(needed[t], trace.ratePerSecond(t));
        }
        return new Provisioning(trace.step(), plan(needed, trace.step(), queue.boot()), needed, response,
                billedProcessHours(needed, trace.step(), queue.boot()));
    }
}
