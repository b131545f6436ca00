package org.brainfx.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The input layout NeuroGym's ring tasks share: a fixation input, then blocks of ring inputs
 * (stimulus directions θ_i = 2πi/n), each input a group of Poisson channels under a
 * {@link RateEncoding}; and the noisy stimulus they all draw, {@code value + N(0, σ/√dt)} per step
 * and input (NeuroGym's {@code add_randn} with {@code sigma / sqrt(dt)}, dt in ms).
 */
final class RingInputs {
    private RingInputs() {
    }

    /** Groups: {@code fixation}, then for each block name {@code <block> 1 … <block> n}, then the extras. */
    static List<InputGroup> groups(int channelsPerInput, int ring, List<String> blocks, List<String> extras) {
        List<InputGroup> g = new ArrayList<>();
        int first = 0;
        g.add(new InputGroup("fixation", first, channelsPerInput));
        first += channelsPerInput;
        for (String block : blocks) {
            for (int i = 0; i < ring; i++) {
                g.add(new InputGroup(block + " " + (i + 1), first, channelsPerInput));
                first += channelsPerInput;
            }
        }
        for (String extra : extras) {
            g.add(new InputGroup(extra, first, channelsPerInput));
            first += channelsPerInput;
        }
        return List.copyOf(g);
    }

    /** The ring's preferred directions, 2πi/n. */
    static double[] theta(int ring) {
        double[] th = new double[ring];
        for (int i = 0; i < ring; i++) {
            th[i] = 2 * Math.PI * i / ring;
        }
        return th;
    }

    /**
     * Writes a noisy ring stimulus into groups {@code firstGroup …}: input i gets
     * {@code amplitude·cos(θ_i − direction) + offset + noise} at every step of [from, to).
     * The noise is drawn step by step, input by input, from the trial's stream.
     */
    static void stimulus(BatchBuilder b, int trial, int firstGroup, double[] theta, double direction, double amplitude,
                         double offset, double noiseSd, int from, int to, RateEncoding enc) {
        SplittableRandom rng = b.random(trial);
        int n = theta.length;
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = amplitude * Math.cos(theta[i] - direction) + offset;
        }
        for (int t = from; t < to; t++) {
            for (int i = 0; i < n; i++) {
                double v = noiseSd > 0 ? mean[i] + noiseSd * rng.nextGaussian() : mean[i];
                b.set(trial, firstGroup + i, t, enc.hz(v));
            }
        }
    }
}
