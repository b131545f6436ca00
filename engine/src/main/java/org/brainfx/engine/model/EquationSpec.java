package org.brainfx.engine.model;

/** A differential equation {@code dstate/dt = rhs}. */
public record EquationSpec(String state, String rhs, int line) {
    /** An equation from code or JSON (no source line). */
    public EquationSpec(String state, String rhs) {
        this(state, rhs, 0);
    }
}
