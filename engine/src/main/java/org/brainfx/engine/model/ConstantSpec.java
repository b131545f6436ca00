package org.brainfx.engine.model;

/** A named fixed value in {@code unit}; {@code line} is its source line, 0 when not from text. */
public record ConstantSpec(String name, double value, String unit, int line) {
    /** A constant from code or JSON (no source line). */
    public ConstantSpec(String name, double value, String unit) {
        this(name, value, unit, 0);
    }
}
