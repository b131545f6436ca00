package org.brainfx.engine.loss;

/**
 * The gamma coincidence factor between a model and a target spike train (Kistler et al. 1997;
 * Jolivet et al. 2008), in the reference's form: coincidences are target spikes with a model
 * spike within ±δ; {@code γ = (coinc − 2δ·n_data·r_data) / (½(1 − 2δ·r_data)·(n_model + n_data))}
 * with rates {@code r = n/duration}; the loss is {@code max(0, 1 + 2|r_data − r_model|/r_data − γ)}.
 * A metric (piecewise constant in the parameters: no gradient).
 */
public final class GammaFactor {
    private GammaFactor() {
    }

    /**
     * The coincidence factor.
     *
     * @param model      model spike times, ms, ascending
     * @param data       target spike times, ms, ascending
     * @param delta      coincidence window δ, ms
     * @param durationMs duration of the trains, ms
     */
    public static double gamma(double[] model, double[] data, double delta, double durationMs) {
        if (model.length == 0 && data.length == 0) {
            return 1;
        }
        double rData = data.length / durationMs;
        int coinc = 0;
        int k = 0;
        for (double t : data) {
            while (k + 1 < model.length && Math.abs(model[k + 1] - t) <= Math.abs(model[k] - t)) {
                k++;
            }
            if (model.length > 0 && Math.abs(model[k] - t) <= delta + 1e-12) {
                coinc++;
            }
        }
        double expected = 2 * delta * data.length * rData;
        double norm = 0.5 * (1 - 2 * delta * rData) * (model.length + data.length);
        return (coinc - expected) / norm;
    }

    /**
     * The reference's loss form; with no target spikes it is 0 when the model is silent too and
     * 1 + (model spikes) otherwise.
     */
    public static double loss(double[] model, double[] data, double delta, double durationMs) {
        if (data.length == 0) {
            return model.length == 0 ? 0 : 1 + model.length;
        }
        double rData = data.length / durationMs;
        double rModel = model.length / durationMs;
        return Math.max(0, 1 + 2 * Math.abs(rData - rModel) / rData - gamma(model, data, delta, durationMs));
    }

    /** Spike steps to times in ms (the time of the sample after step {@code t} is {@code (t+1)·dt}). */
    public static double[] times(int[] steps, double dt) {
        double[] t = new double[steps.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (steps[i] + 1) * dt;
        }
        return t;
    }
}
