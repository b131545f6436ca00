package org.brainfx.engine.job;

/**
 * A parameter a fit varies: its index in the model, bounds in the model's declared unit, and
 * the factor from that unit to the internal one.
 */
public record FreeParameter(String name, int index, double lower, double upper, String unit, double toInternal) {
    /** Validates the bounds. */
    public FreeParameter {
        if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("parameter '" + name + "' needs finite bounds with lower < upper, got ["
                    + lower + ", " + upper + "]");
        }
    }
}
