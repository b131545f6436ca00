package org.brainfx.engine.train;

import java.util.List;

/**
 * Adam on the weights of an {@link EiRsnn}, in brainstate's form (as the reference trains): moments
 * bias-corrected, ε added to the corrected second moment's root, β (0.9, 0.999), ε 1e-8. Its state
 * (moments and step count) is part of a checkpoint, so a resumed run continues exactly.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final RsnnWeights first;
    private final RsnnWeights second;
    private long step;

    /** Fresh moments for weights shaped like {@code net}'s. */
    public Adam(EiRsnn net, double learningRate) {
        this(learningRate, RsnnWeights.zeros(net), RsnnWeights.zeros(net), 0);
    }

    /** Restored state (from a checkpoint). */
    public Adam(double learningRate, RsnnWeights first, RsnnWeights second, long step) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("Adam's learning rate must be > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.first = first;
        this.second = second;
        this.step = step;
    }

    /** Takes one step of {@code weights} (in place) against {@code gradient}. */
    public void update(RsnnWeights weights, RsnnWeights gradient) {
        step++;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        List<float[]> w = weights.arrays();
        List<float[]> g = gradient.arrays();
        List<float[]> m = first.arrays();
        List<float[]> v = second.arrays();
        for (int a = 0; a < w.size(); a++) {
            float[] wa = w.get(a);
            float[] ga = g.get(a);
            float[] ma = m.get(a);
            float[] va = v.get(a);
            for (int i = 0; i < wa.length; i++) {
                double gi = ga[i];
                double mi = BETA1 * ma[i] + (1 - BETA1) * gi;
                double vi = BETA2 * va[i] + (1 - BETA2) * gi * gi;
                ma[i] = (float) mi;
                va[i] = (float) vi;
                wa[i] -= (float) (learningRate * (mi / c1) / (Math.sqrt(vi / c2) + EPSILON));
            }
        }
    }

    /** The first moments. */
    public RsnnWeights first() {
        return first;
    }

    /** The second moments. */
    public RsnnWeights second() {
        return second;
    }

    /** Steps taken. */
    public long step() {
        return step;
    }

    /** The learning rate. */
    public double learningRate() {
        return learningRate;
    }
}
