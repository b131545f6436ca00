package org.brainfx.app.fit;

/**
 * One fitted parameter as the results table shows it.
 *
 * @param name  the model's name for the parameter
 * @param value the fitted value, in {@code unit}
 * @param unit  the parameter's declared unit ("" when dimensionless)
 */
public record ParameterRow(String name, double value, String unit) {
}
