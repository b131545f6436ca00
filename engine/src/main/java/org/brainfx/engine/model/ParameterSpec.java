package org.brainfx.engine.model;

/**
 * A parameter: value and bounds in {@code unit}; trainable ones are what fits and gradients vary.
 *
 * @param lower lower bound, or null for none
 * @param upper upper bound, or null for none
 * @param line  source line in the text form, 0 when not from text
 */
public record ParameterSpec(String name, double value, String unit, Double lower, Double upper,
                            boolean trainable, int line) {
    /** A parameter from code or JSON (no source line). */
    public ParameterSpec(String name, double value, String unit, Double lower, Double upper, boolean trainable) {
        this(name, value, unit, lower, upper, trainable, 0);
    }

    /** This parameter with another value. */
    public ParameterSpec withValue(double newValue) {
        return new ParameterSpec(name, newValue, unit, lower, upper, trainable, line);
    }

    /** This parameter, trainable or fixed. */
    public ParameterSpec withTrainable(boolean isTrainable) {
        return new ParameterSpec(name, value, unit, lower, upper, isTrainable, line);
    }
}
