package io.autoscalebot.plugin.predictive;

import io.autoscalebot.api.PluginException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * When the profile is saved: every {@code save_every} of the engine's time, so a crash loses little, and at shutdown.
 * A dry run never writes: a simulation or a {@code --dry-run} must not change what the live group learnt.
 */
final class ProfileStore {

    private final ProfileFile file;
    private final Duration interval;
    private final System.Logger logger;
    private Instant lastSaved;

    /**
     * @param file the state file, or {@code null} for a dry run that never writes
     * @param interval how often to save while deciding
     * @param logger where a failed periodic save is reported
     */
    ProfileStore(ProfileFile file, Duration interval, System.Logger logger) {
        this.file = file;
        this.interval = interval;
        this.logger = logger;
    }

    /**
     * Saves if {@code save_every} has passed since the last save. A failure is logged, not thrown: a full disk must
     * not stop the group from scaling.
     *
     * @param now the engine's time
     * @param profile what to save
     */
    void saveEvery(Instant now, SeasonalProfile profile) {
        if (lastSaved == null) {
            lastSaved = now;
            return;
        }
        if (file == null || interval.isZero() || now.isBefore(lastSaved.plus(interval))) {
            return;
        }
        lastSaved = now;
        try {
            file.write(profile);
        } catch (IOException e) {
            logger.log(System.Logger.Level.WARNING, "could not save the learnt profile to " + file.path() + " ("
                    + e + "); it is kept in memory and saved again in " + Durations.text(interval));
        }
    }

    /**
     * Saves now.
     *
     * @param profile what to save
     * @throws PluginException if it cannot be written, saying where
     */
    void save(SeasonalProfile profile) throws PluginException {
        if (file == null) {
            return;
        }
        try {
            file.write(profile);
        } catch (IOException e) {
            throw new PluginException("could not save the learnt profile to " + file.path() + " (" + e
                    + "); check that the state directory is writable. The next start relearns what is missing", e);
        }
    }
}
