package org.brainfx.engine.model;

/** An external input such as injected current, in {@code unit}, given per lane and step. */
public record InputSpec(String name, String unit, int line) {
    /** An input from code or JSON (no source line). */
    public InputSpec(String name, String unit) {
        this(name, unit, 0);
    }
}
