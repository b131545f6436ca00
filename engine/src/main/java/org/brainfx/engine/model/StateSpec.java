package org.brainfx.engine.model;

/**
 * A state variable and its initial value, in {@code unit}.
 *
 * @param line source line in the text form, 0 when not from text
 */
public record StateSpec(String name, double initial, String unit, int line) {
    /** A state from code or JSON (no source line). */
    public StateSpec(String name, double initial, String unit) {
        this(name, initial, unit, 0);
    }
}
