package org.brainfx.engine.train;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The trainable parameters of an {@link EiRsnn}, row-major with the presynaptic side as rows:
 * input → all ({@code inputs × neurons}), E → all ({@code E × neurons}), I → all ({@code I × neurons})
 * and the readout ({@code neurons × outputs}). The first three are raw values whose magnitudes are the
 * effective weights (Dale's law); the readout is used as is. Mutable: the optimizer updates it in
 * place; {@link #copy()} takes a snapshot.
 */
public final class RsnnWeights {
    /** The projections' names, in the order of {@link #arrays()}. */
    public static final List<String> NAMES = List.of("input", "excitatory", "inhibitory", "readout");

    private final float[] input;
    private final float[] excitatory;
    private final float[] inhibitory;
    private final float[] readout;

    /** Wraps the four arrays (not copied); their lengths must match {@code net}. */
    public RsnnWeights(EiRsnn net, float[] input, float[] excitatory, float[] inhibitory, float[] readout) {
        int n = net.neurons();
        check("input", input, net.inputs() * n);
        check("excitatory", excitatory, net.excitatory() * n);
        check("inhibitory", inhibitory, net.inhibitory() * n);
        check("readout", readout, n * net.outputs());
        this.input = input;
        this.excitatory = excitatory;
        this.inhibitory = inhibitory;
        this.readout = readout;
    }

    private static void check(String name, float[] w, int length) {
        if (w.length != length) {
            throw new IllegalArgumentException("the " + name + " weights need " + length + " values, got " + w.length);
        }
    }

    /** All zeros, the shape of {@code net}'s weights (a gradient accumulator). */
    public static RsnnWeights zeros(EiRsnn net) {
        int n = net.neurons();
        return new RsnnWeights(net, new float[net.inputs() * n], new float[net.excitatory() * n],
                new float[net.inhibitory() * n], new float[n * net.outputs()]);
    }

    /**
     * The reference's "Kaiming normal" initialization: normal values truncated at ±2 sd with
     * sd = sqrt(scale / fan-in)/0.8796 (so the truncated distribution has the Kaiming variance), fan-in
     * the presynaptic size; scales input {@code feedForward}, E {@code recurrent}, I
     * {@code recurrent·inhibitoryRatio}, readout {@code readout}. Masked-out entries are 0.
     */
    public static RsnnWeights kaiming(EiRsnn net, double feedForward, double recurrent, double inhibitoryRatio,
                                      double readout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = net.neurons();
        return new RsnnWeights(net,
                truncatedNormal(random, net.inputs(), n, feedForward, net.inputMask()),
                truncatedNormal(random, net.excitatory(), n, recurrent, net.excitatoryMask()),
                truncatedNormal(random, net.inhibitory(), n, recurrent * inhibitoryRatio, net.inhibitoryMask()),
                truncatedNormal(random, n, net.outputs(), readout, null));
    }

    /** The reference's scales: input 1, recurrent 0.5, inhibitory ×4, readout 2. */
    public static RsnnWeights reference(EiRsnn net, long seed) {
        return kaiming(net, 1, 0.5, 4, 2, seed);
    }

    /** Truncated-normal weights of the reference's "Kaiming normal" (masked-out entries 0), rows = fan-in. */
    static float[] truncatedNormal(SplittableRandom random, int rows, int cols, double scale, boolean[] mask) {
        float[] w = new float[rows * cols];
        if (rows == 0) {
            return w;
        }
        double sd = Math.sqrt(scale / rows) / 0.8796;
        for (int i = 0; i < w.length; i++) {
            double x;
            do {
                x = gaussian(random);
            } while (Math.abs(x) > 2);
            w[i] = mask == null || mask[i] ? (float) (x * sd) : 0f;
        }
        return w;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Raw input → all weights, inputs × neurons. */
    public float[] input() {
        return input;
    }

    /** Raw E → all weights, E × neurons. */
    public float[] excitatory() {
        return excitatory;
    }

    /** Raw I → all weights, I × neurons. */
    public float[] inhibitory() {
        return inhibitory;
    }

    /** Readout weights, neurons × outputs. */
    public float[] readout() {
        return readout;
    }

    /** The four arrays in {@link #NAMES} order (live, not copies). */
    public List<float[]> arrays() {
        return List.of(input, excitatory, inhibitory, readout);
    }

    /** A deep copy. */
    public RsnnWeights copy() {
        return new RsnnWeights(input.clone(), excitatory.clone(), inhibitory.clone(), readout.clone());
    }

    private RsnnWeights(float[] input, float[] excitatory, float[] inhibitory, float[] readout) {
        this.input = input;
        this.excitatory = excitatory;
        this.inhibitory = inhibitory;
        this.readout = readout;
    }

    /** Adds {@code other} into this, element by element. */
    public void add(RsnnWeights other) {
        List<float[]> mine = arrays();
        List<float[]> theirs = other.arrays();
        for (int a = 0; a < mine.size(); a++) {
            float[] x = mine.get(a);
            float[] y = theirs.get(a);
            for (int i = 0; i < x.length; i++) {
                x[i] += y[i];
            }
        }
    }

    /** Sets every value to 0. */
    public void clear() {
        for (float[] a : arrays()) {
            java.util.Arrays.fill(a, 0f);
        }
    }

    /** The Euclidean norm over all four arrays. */
    public double norm() {
        double s = 0;
        for (float[] a : arrays()) {
            for (float v : a) {
                s += (double) v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** The number of values. */
    public int size() {
        return input.length + excitatory.length + inhibitory.length + readout.length;
    }
}
