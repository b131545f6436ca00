package org.brainfx.engine.task;

/**
 * A named stretch of a trial, steps {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param name  the period's name as the task's source defines it (e.g. {@code cue 3}, {@code recall})
 * @param start first step
 * @param end   one past the last step
 */
public record Period(String name, int start, int end) {

    /** Number of steps. */
    public int steps() {
        return end - start;
    }
}
