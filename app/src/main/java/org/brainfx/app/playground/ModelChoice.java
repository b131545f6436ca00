package org.brainfx.app.playground;

/**
 * A model the playground can explore: the open project's model (with its parameter values and
 * stimulus) or a built-in model with its defaults.
 *
 * @param label   what the model menu shows
 * @param builtin the built-in model's name, or null for the project's model
 */
public record ModelChoice(String label, String builtin) {

    /** True for the open project's model. */
    public boolean isProject() {
        return builtin == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
