package org.brainfx.app.network.sim;

/**
 * The teaching sliders' values: the input rate as a multiple of the project's spike-source rates,
 * the relative strength of inhibition g = w_I/w_E (the project's own g when the weights give one,
 * else a multiple of it), and a factor on every synaptic weight.
 */
public record TeachingKnobs(double inputScale, double g, double weightScale) {
    /** Each value must be finite and ≥ 0. */
    public TeachingKnobs {
        check("input rate", inputScale);
        check("g", g);
        check("weight scale", weightScale);
    }

    private static void check(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number ≥ 0, got " + v);
        }
    }
}
