package io.autoscalebot.engine.loop;

/**
 * Whether this instance may act on the configuration's groups: measure, decide, scale, notify, record state. Without a
 * {@code [leader]} section it always may ({@link #ALONE}); with one, only while it holds the lease ({@link LeaseKeeper}).
 */
public interface Leadership {

    /** One instance alone on its configuration (its state directory lock keeps others off): it always leads. */
    Leadership ALONE = new Leadership() {
        @Override
        public boolean leads() {
            return true;
        }

        @Override
        public boolean confirm() {
            return true;
        }

        @Override
        public long term() {
            return 0;
        }
    };

    /** What {@link #term()} answers while this instance does not lead. */
    long NO_TERM = -1;

    /** @return true while this instance holds a lease that has not lapsed by its own clock; cheap, no store call */
    boolean leads();

    /**
     * Asks the lease store now, right before a scale: a leader that paused (SIGSTOP, a long GC, a lost network) past
     * its lease must not act on a decision taken before the pause, while a successor may already act.
     *
     * @return true only when the store confirmed this instance still holds the lease
     */
    boolean confirm();

    /**
     * @return which term of leadership this is (the lease's fencing token), or {@link #NO_TERM}: a group that finds a
     *         term other than the one its state was read in reads the state again, since another leader may have
     *         acted in between
     */
    long term();
}
