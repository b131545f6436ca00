package org.brainfx.app.fit;

/**
 * One fitted parameter as the results table shows it.
 *
 * @param name  the model's name for the parameter
 * @param value the fitted value, in {@code unit}
 * @param unit  the parameter's declared unit ("" when dimensionless)
 * @param lower the lower bound of the fit, in {@code unit}
 * @param upper the upper bound of the fit, in {@code unit}
 * @param start the value the project held when the fit started, in {@code unit}
 * @param truth the value that made a synthetic target, in {@code unit} (NaN: not known, e.g. a recording)
 */
public record ParameterRow(String name, double value, String unit, double lower, double upper, double start,
                           double truth) {
    /** A row whose true value is not known. */
    public ParameterRow(String name, double value, String unit, double lower, double upper, double start) {
        this(name, value, unit, lower, upper, start, Double.NaN);
    }
}
