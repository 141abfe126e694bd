package io.autoscalebot.api.measure;

import io.autoscalebot.api.Api;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading of how loaded a group is: a value, a failure with its reason, or an instruction from the app.
 *
 * <p>A failed measurement is never read as a value: decide plugins see {@link #succeeded()} false and hold.
 *
 * @param time when the reading was taken, from the engine's clock
 * @param value the reading (milliseconds, tasks, ...); {@code NaN} when failed or an instruction
 * @param unit the unit of {@code value} for people ({@code ms}, {@code tasks}); empty when unitless
 * @param failure why the reading failed, or {@code null} when it succeeded
 * @param instruction a direct instruction from the app, or {@code null}
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record Measurement(Instant time, double value, String unit, String failure, Instruction instruction) {

    /** Checks the parts are consistent. */
    public Measurement {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(unit, "unit");
        if (failure == null && instruction == null && (Double.isNaN(value) || Double.isInfinite(value))) {
            throw new IllegalArgumentException("a successful measurement needs a finite value, got " + value
                    + "; report a failed measurement instead");
        }
        if (failure != null && instruction != null) {
            throw new IllegalArgumentException("a measurement is a failure or an instruction, not both");
        }
    }

    /** @return a successful reading */
    public static Measurement of(Instant time, double value, String unit) {
        return new Measurement(time, value, unit, null, null);
    }

    /** @return a failed reading; {@code reason} is shown to users and must not contain a secret */
    public static Measurement failed(Instant time, String reason) {
        return new Measurement(time, Double.NaN, "", Objects.requireNonNull(reason, "reason"), null);
    }

    /** @return a reading that is an instruction from the app */
    public static Measurement instruction(Instant time, Instruction instruction) {
        return new Measurement(time, Double.NaN, "", null, Objects.requireNonNull(instruction, "instruction"));
    }

    /** @return true when the reading did not fail */
    public boolean succeeded() {
        return failure == null;
    }

    /** @return true when the reading carries a value (it succeeded and is not an instruction) */
    public boolean hasValue() {
        return failure == null && instruction == null;
    }

    /** @return the reading for people: {@code 512 ms}, {@code failed: timeout}, {@code instruction up} */
    public String describe() {
        if (failure != null) {
            return "failed: " + failure;
        }
        if (instruction != null) {
            return "instruction " + instruction;
        }
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.2f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
