package org.brainfx.engine.task;

import java.util.List;

/** Validation of task settings: every refusal names the task, the field, the value and what is allowed. */
final class Checks {
    private Checks() {
    }

    static IllegalArgumentException bad(String task, String field, Object value, String allowed) {
        return new IllegalArgumentException(task + " settings: " + field + " = " + value + "; " + allowed);
    }

    static double dt(String task, double dtMs) {
        if (!(dtMs > 0) || !Double.isFinite(dtMs)) {
            throw bad(task, "dtMs", dtMs, "the time step must be a finite number of ms > 0");
        }
        return dtMs;
    }

    /** A duration as a whole number of steps (0 allowed when {@code min} is 0). */
    static int steps(String task, String field, double ms, double dtMs, int min) {
        if (!Double.isFinite(ms) || ms < 0) {
            throw bad(task, field, ms, "a duration must be a finite number of ms >= 0");
        }
        double steps = ms / dtMs;
        long rounded = Math.round(steps);
        if (Math.abs(steps - rounded) > 1e-6 * Math.max(1, steps)) {
            throw bad(task, field, ms, "a duration must be a whole number of time steps (dtMs = " + dtMs + ")");
        }
        if (rounded < min) {
            throw bad(task, field, ms, "it must last at least " + min + " time step" + (min == 1 ? "" : "s")
                    + " (" + min * dtMs + " ms)");
        }
        if (rounded > 10_000_000) {
            throw bad(task, field, ms, "at most 10 000 000 time steps per period");
        }
        return (int) rounded;
    }

    /** A rate in Hz that a channel can express as one spike per step at most. */
    static double rate(String task, String field, double hz, double dtMs) {
        if (!Double.isFinite(hz) || hz < 0) {
            throw bad(task, field, hz, "a rate must be a finite number of Hz >= 0");
        }
        if (hz * dtMs / 1000.0 > 1) {
            throw bad(task, field, hz, "a channel fires at most once per time step, so the rate must not exceed "
                    + 1000.0 / dtMs + " Hz at dtMs = " + dtMs);
        }
        return hz;
    }

    static double probability(String task, String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw bad(task, field, p, "a probability must lie in [0, 1]");
        }
        return p;
    }

    static int atLeast(String task, String field, int n, int min) {
        if (n < min) {
            throw bad(task, field, n, "it must be at least " + min);
        }
        return n;
    }

    static double nonNegative(String task, String field, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw bad(task, field, v, "it must be a finite number >= 0");
        }
        return v;
    }

    /** Coherences in percent: at least one, each in [0, 100]. */
    static List<Double> coherences(String task, String field, List<Double> cohs) {
        if (cohs.isEmpty()) {
            throw bad(task, field, cohs, "give at least one coherence (percent, 0–100)");
        }
        for (Double c : cohs) {
            if (c == null || !(c >= 0 && c <= 100)) {
                throw bad(task, field, cohs, "every coherence must be a percentage in [0, 100]");
            }
        }
        return List.copyOf(cohs);
    }
}
