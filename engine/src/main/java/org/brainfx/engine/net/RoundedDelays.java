package org.brainfx.engine.net;

import java.util.SplittableRandom;

/**
 * Delays of a normal or log-normal distribution drawn directly in whole steps: the probability of each step
 * is that of the delays the step's rounding takes in ({@code floor(ms/dt + 1/2)} = k), so a draw has the
 * distribution of a drawn delay rounded to steps, at the price of one uniform and a table look-up instead of a
 * normal deviate (a logarithm and a square root): the 29-area macaque network's 183 M synaptic delays are
 * drawn ~4× faster. Used only where every step with a chance above 10⁻²⁰ is a valid delay (at least one step
 * and at most {@link Short#MAX_VALUE}); other cases draw and round one by one, where an impossible draw is
 * reported.
 */
final class RoundedDelays {
    private final int first;
    /** cumulative[k]: probability of steps first … first + k; the last is 1. */
    private final double[] cumulative;
    /** guide[g]: the first k whose cumulative probability exceeds g / guide.length. */
    private final int[] guide;

    private RoundedDelays(int first, double[] cumulative) {
        this.first = first;
        this.cumulative = cumulative;
        guide = new int[2 * cumulative.length];
        int k = 0;
        for (int g = 0; g < guide.length; g++) {
            while (k < cumulative.length - 1 && cumulative[k] <= (double) g / guide.length) {
                k++;
            }
            guide[g] = k;
        }
    }

    /** The table for {@code distribution} in steps of {@code dt} ms, or null where draws must be rounded one by one. */
    static RoundedDelays of(Distribution distribution, double dt) {
        double[] support = distribution.support();
        if (support == null || !(support[0] >= dt / 2) || !(support[1] / dt < Short.MAX_VALUE - 1)) {
            return null;
        }
        int first = step(support[0], dt);
        int last = step(support[1], dt);
        double below = distribution.cumulative(edge(first, dt));
        double total = distribution.cumulative(edge(last + 1, dt)) - below;
        if (!(total > 0)) {
            return null;
        }
        double[] cumulative = new double[last - first + 1];
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] = k == cumulative.length - 1 ? 1 : (distribution.cumulative(edge(first + k + 1, dt)) - below) / total;
        }
        return new RoundedDelays(first, cumulative);
    }

    /** One delay in steps. */
    int next(SplittableRandom rng) {
        double u = rng.nextDouble();
        int k = guide[(int) (u * guide.length)];
        while (cumulative[k] <= u) {
            k++;
        }
        return first + k;
    }

    /** The step a delay of {@code ms} rounds to, as {@link Wiring} rounds a drawn delay. */
    private static int step(double ms, double dt) {
        return (int) Math.floor(ms / dt + 0.5 + 1e-9);
    }

    /** The smallest delay in ms that rounds to step {@code k}. */
    private static double edge(int k, double dt) {
        return (k - 0.5 - 1e-9) * dt;
    }
}
