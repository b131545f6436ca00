package org.brainfx.app.playground;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * One quantity the playground varies with a slider: a model parameter or a stimulus setting,
 * its value in {@link #unit()} and the value it started from (where Reset returns it to).
 */
public final class PlaygroundSlider {

    private final String name;
    private final String unit;
    private final SliderScale scale;
    private final double start;
    private final DoubleProperty value;

    /**
     * A slider at {@code start}.
     *
     * @param name  the quantity's name as the model (or the stimulus) calls it
     * @param unit  the unit of the value as declared ("" when dimensionless)
     * @param scale the range the slider spans
     */
    public PlaygroundSlider(String name, String unit, SliderScale scale, double start) {
        this.name = name;
        this.unit = unit == null ? "" : unit;
        this.scale = scale;
        this.start = start;
        this.value = new SimpleDoubleProperty(this, name, start);
    }

    /** The quantity's name. */
    public String name() {
        return name;
    }

    /** The value's unit as declared ("" when dimensionless). */
    public String unit() {
        return unit;
    }

    /** The range the slider spans. */
    public SliderScale scale() {
        return scale;
    }

    /** The value Reset returns to. */
    public double start() {
        return start;
    }

    /** The current value, in {@link #unit()}. */
    public DoubleProperty valueProperty() {
        return value;
    }

    /** The current value, in {@link #unit()}. */
    public double value() {
        return value.get();
    }

    /** Sets the value, clamped to the slider's range. */
    public void set(double newValue) {
        value.set(Math.max(scale.lower(), Math.min(scale.upper(), newValue)));
    }

    /** Returns to the starting value. */
    public void reset() {
        value.set(start);
    }
}
