package org.brainfx.engine.model;

/** An assignment {@code state = expression}, used for resets and after-step rules. */
public record AssignmentSpec(String state, String expression, int line) {
    /** An assignment from code or JSON (no source line). */
    public AssignmentSpec(String state, String expression) {
        this(state, expression, 0);
    }
}
