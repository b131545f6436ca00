package org.brainfx.engine.loss;

/**
 * The time a spike's upstroke crosses a rate of rise, interpolated between samples: the same
 * measure for a model spike and a recorded one, continuous in the samples, so a spike time built
 * on it is continuous in the model's parameters.
 *
 * <p>The rise of interval {@code k} is {@code D_k = V_k − V_{k−1}}, placed at the interval's
 * midpoint {@code k − ½}. A spike's crossing is where {@code D} reaches the rise {@code r} (the
 * spike detector's dV/dt threshold times dt) on its upstroke, linearly interpolated between
 * {@code D_{k−1} < r ≤ D_k}: {@code t* = k − 3/2 + (r − D_{k−1}) / (D_k − D_{k−1})} steps, which
 * depends on {@code V_{k−2}, V_{k−1}, V_k} only. When the crossing moves to the next interval,
 * the fraction reaches 0 on one side and 1 on the other, so {@code t*} does not jump. For a model
 * whose spike caps the voltage at its peak (AdEx stores {@code V_peak} at the spike step) these
 * samples lie in the early upstroke: the exponential run-away that multiplies an adjoint by up to
 * 1e8 a step comes after them.
 *
 * @param step    the crossing time in steps (fractional; sample {@code k} is the state after step {@code k})
 * @param last    {@code k}, the last of the three samples the time depends on; −1 when the spike
 *                has no crossing (its rise never reached {@code r}: {@code step} is then the spike's
 *                own step and there is no gradient)
 * @param weights the derivatives of {@code t*} by {@code V_{k−2}, V_{k−1}, V_k} in steps per voltage unit
 * @param levelBefore {@code V_{k−1}}, the voltage at which the upstroke took off (NaN without a crossing)
 */
public record SpikeCrossing(double step, int last, double[] weights, double levelBefore) {

    /**
     * The upstroke crossing of a model spike output at step {@code spikeStep}: the start of the last
     * run of intervals rising at least {@code rise} that ends at or before the spike step, found
     * without going back to {@code earliest} (the previous spike's step).
     */
    public static SpikeCrossing ofModelSpike(double[] v, int spikeStep, int earliest, double rise) {
        int k = spikeStep;
        // A cap at the peak can make the spike step itself rise less than the samples before it.
        while (k >= 1 && k - 1 > earliest && v[k] - v[k - 1] < rise) {
            k--;
        }
        if (k < 1 || k - 1 <= earliest) {
            return none(spikeStep);
        }
        while (k - 1 >= 2 && k - 3 > earliest && v[k - 1] - v[k - 2] >= rise) {
            k--;
        }
        return at(v, k, rise, spikeStep);
    }

    /**
     * The upstroke crossing of a recorded spike whose threshold (onset) is sample {@code onset}:
     * the first interval after it whose rise reaches {@code rise}, looked for within {@code maxSteps};
     * the onset itself when there is none.
     */
    public static SpikeCrossing ofRecordedSpike(double[] v, int onset, double rise, int maxSteps) {
        int end = Math.min(v.length - 1, onset + maxSteps);
        for (int k = Math.max(2, onset + 1); k <= end; k++) {
            if (v[k] - v[k - 1] >= rise) {
                return at(v, k, rise, onset);
            }
        }
        return none(onset);
    }

    /** The crossing into interval {@code k} (its rise at least {@code rise}), if the interval before rose less. */
    private static SpikeCrossing at(double[] v, int k, double rise, int fallback) {
        if (k < 2) {
            return none(fallback);
        }
        double before = v[k - 1] - v[k - 2];
        double curvature = v[k] - 2 * v[k - 1] + v[k - 2];
        if (before >= rise || !(curvature > 0)) {
            return none(fallback);
        }
        double u = rise - before;
        double q2 = curvature * curvature;
        double[] w = {(curvature - u) / q2, (2 * u - curvature) / q2, -u / q2};
        return new SpikeCrossing(k - 1.5 + u / curvature, k, w, v[k - 1]);
    }

    private static SpikeCrossing none(int step) {
        return new SpikeCrossing(step, -1, null, Double.NaN);
    }

    /** This crossing measured on samples that start {@code offset} steps later than the ones it was found on. */
    public SpikeCrossing shifted(int offset) {
        return new SpikeCrossing(step + offset, last < 0 ? -1 : last + offset, weights, levelBefore);
    }

    /** True when the time depends on the samples (a gradient can pass). */
    public boolean differentiable() {
        return last >= 0;
    }
}
