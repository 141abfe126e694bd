package io.autoscalebot.plugin.heroku;

import io.autoscalebot.plugin.heroku.api.Sleeper;
import io.autoscalebot.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that returns at once, remembers each wait and moves the test clock by it. */
public final class RecordingSleeper implements Sleeper {

    private final ManualClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** @param clock the clock to move forward by each wait */
    public RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    /** @return every wait asked for, in order */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
