package org.brainfx.app.modelview;

/**
 * One parameter as the parameter table shows it: the project's value (or the model's default),
 * the model's unit, the bounds a fit uses (the fit's bounds when free, else the model's), whether
 * the fit varies it, and the problem with the user's last rejected edit ("" when none).
 *
 * @param lower null when there is no lower bound
 * @param upper null when there is no upper bound
 */
public record ModelParameterRow(String name, double value, String unit, Double lower, Double upper, boolean free,
                                String problem) { }
