package io.autoscalebot.api.measure;

import io.autoscalebot.api.Api;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading of how loaded a group is: a value, a failure with its reason, or an instruction from the app.
 *
 * <p>A failed measurement is never read as a value: decide plugins see {@link #succeeded()} false and hold. A final
 * class rather than a record so that later API versions can add to a reading (labels, a breakdown by process) without
 * breaking a compiled plugin: create one with {@link #of}, {@link #failed} or {@link #instruction}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class Measurement {

    private final Instant time;
    private final double value;
    private final String unit;
    private final String failure;
    private final Instruction instruction;

    private Measurement(Instant time, double value, String unit, String failure, Instruction instruction) {
        this.time = Objects.requireNonNull(time, "time");
        this.unit = Objects.requireNonNull(unit, "unit");
        if (failure == null && instruction == null && (Double.isNaN(value) || Double.isInfinite(value))) {
            throw new IllegalArgumentException("a successful measurement needs a finite value, got " + value
                    + "; report a failed measurement instead");
        }
        this.value = value;
        this.failure = failure;
        this.instruction = instruction;
    }

    /**
     * @param time when the reading was taken, from the plugin context's clock
     * @param value the reading, finite
     * @param unit the unit of {@code value} for people ({@code ms}, {@code tasks}); empty when unitless
     * @return a successful reading
     * @throws IllegalArgumentException if the value is NaN or infinite: report a failed reading instead
     */
    public static Measurement of(Instant time, double value, String unit) {
        return new Measurement(time, value, unit, null, null);
    }

    /**
     * @param time when the reading was attempted
     * @param reason why it failed, shown to users; must not contain a secret
     * @return a failed reading
     */
    public static Measurement failed(Instant time, String reason) {
        return new Measurement(time, Double.NaN, "", Objects.requireNonNull(reason, "reason"), null);
    }

    /**
     * @param time when the app gave the instruction
     * @param instruction what the app asks for
     * @return a reading that is an instruction from the app
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    public static Measurement instruction(Instant time, Instruction instruction) {
        return new Measurement(time, Double.NaN, "", null, Objects.requireNonNull(instruction, "instruction"));
    }

    /** @return when the reading was taken, from the engine's clock */
    public Instant time() {
        return time;
    }

    /** @return the reading (milliseconds, tasks, ...); {@code NaN} when failed or an instruction */
    public double value() {
        return value;
    }

    /** @return the unit of {@link #value()} for people; empty when unitless */
    public String unit() {
        return unit;
    }

    /** @return why the reading failed, or {@code null} when it succeeded */
    public String failure() {
        return failure;
    }

    /** @return the app's direct instruction, or {@code null} when the reading is a value or a failure */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    public Instruction instruction() {
        return instruction;
    }

    /** @return true when the reading did not fail */
    public boolean succeeded() {
        return failure == null;
    }

    /** @return true when the reading carries a value (it succeeded and is not an instruction) */
    public boolean hasValue() {
        return failure == null && instruction == null;
    }

    /** @return the reading for people, short whatever its size: {@code 512 ms}, {@code 1e308 jobs}, {@code failed: timeout}, {@code instruction up} */
    public String describe() {
        if (failure != null) {
            return "failed: " + failure;
        }
        if (instruction != null) {
            return "instruction " + instruction;
        }
        String number = Numbers.format(value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Measurement that && time.equals(that.time) && Double.compare(value, that.value) == 0
                && unit.equals(that.unit) && Objects.equals(failure, that.failure)
                && Objects.equals(instruction, that.instruction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, value, unit, failure, instruction);
    }

    @Override
    public String toString() {
        return "Measurement[time=" + time + ", value=" + value + ", unit=" + unit + ", failure=" + failure
                + ", instruction=" + instruction + "]";
    }
}
