package org.brainfx.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.brainfx.engine.task.InputGroup;
import org.brainfx.engine.task.Period;
import org.brainfx.engine.task.TrialBatch;
import org.junit.jupiter.api.Test;

/** The BPTT gradient of the E/I network against central differences of the same loss, with a smooth spike. */
class RsnnBpttTest {

    /** A batch of random input spikes (channel c spikes with probability {@code p}) whose last steps count. */
    static TrialBatch randomBatch(int trials, int steps, int channels, double p, int maskedSteps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] start = new int[steps * trials + 1];
        List<Integer> spikes = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < trials; b++) {
                for (int c = 0; c < channels; c++) {
                    if (random.nextDouble() < p) {
                        spikes.add(c);
                    }
                }
                start[t * trials + b + 1] = spikes.size();
            }
        }
        int[] labels = new int[trials];
        for (int b = 0; b < trials; b++) {
            labels[b] = random.nextInt(2);
        }
        boolean[] mask = new boolean[steps];
        for (int t = steps - maskedSteps; t < steps; t++) {
            mask[t] = true;
        }
        return new TrialBatch("random", seed, 0, trials, steps, 1, List.of(new InputGroup("in", 0, channels)),
                new float[steps * trials], start, spikes.stream().mapToInt(Integer::intValue).toArray(),
                List.of("left", "right"), labels, mask, List.of(new Period("all", 0, steps)), Map.of());
    }

    static EiRsnn small(SpikeFunction spike) {
        return new EiRsnn(5, 6, 3, 2, 1, 20, 5, 5, 1, 0, 1, 3, -3,
                EiRsnn.uniformTauAdapt(9, 50, 150, 3), spike, null, null, null);
    }

    @Test
    void gradientMatchesCentralDifferencesWithSmoothSpikes() {
        checkAgainstFiniteDifferences(0, 2e-3);
    }

    /**
     * The smooth spike fires ~90 Hz here; a target near it keeps the loss small, so float noise stays below
     * the differences; its curvature takes a larger Richardson step.
     */
    @Test
    void gradientWithTheRateRegularizerMatchesCentralDifferences() {
        checkAgainstFiniteDifferences(0.02, 2e-3);
    }

    private static void checkAgainstFiniteDifferences(double rateRegularizer, double tolerance) {
        EiRsnn net = small(SpikeFunction.sigmoid(4));
        TrialBatch batch = randomBatch(3, 60, 5, 0.15, 20, 11);
        RsnnWeights w = RsnnWeights.kaiming(net, 3, 1.5, 2, 2, 5);
        try (RsnnBptt bptt = new RsnnBptt(net, 3, 2)) {
            bptt.useRateRegularizer(rateRegularizer, 80);
            RsnnWeights g = RsnnWeights.zeros(net);
            BatchOutcome out = bptt.gradient(batch, w, g);
            assertTrue(out.loss() > 0, "loss " + out.loss());
            int checked = 0;
            for (int a = 0; a < 4; a++) {
                float[] values = w.arrays().get(a);
                float[] grad = g.arrays().get(a);
                for (int i = 0; i < values.length; i += Math.max(1, values.length / 12)) {
                    double fd = richardson(bptt, batch, w, values, i, rateRegularizer > 0 ? 8e-3f : 2e-3f);
                    assertEquals(fd, grad[i], tolerance * Math.abs(fd) + 2e-4,
                            RsnnWeights.NAMES.get(a) + "[" + i + "]: finite difference " + fd + ", BPTT " + grad[i]);
                    checked++;
                }
            }
            assertTrue(checked > 40, "checked " + checked);
        }
    }

    /**
     * The potential readout: W_out's gradient is exact (σ does not depend on it), so it matches central
     * differences; the hidden weights' gradient holds σ constant (what the online rules can follow), so it
     * points the true gradient's way without equalling it.
     */
    @Test
    void thePotentialReadoutsGradientAgainstCentralDifferences() {
        EiRsnn net = small(SpikeFunction.sigmoid(4)).withReadout(EiRsnn.Readout.POTENTIAL, false);
        TrialBatch batch = randomBatch(3, 60, 5, 0.15, 20, 11);
        RsnnWeights w = RsnnWeights.kaiming(net, 3, 1.5, 2, 2, 5);
        try (RsnnBptt bptt = new RsnnBptt(net, 3, 2)) {
            RsnnWeights g = RsnnWeights.zeros(net);
            bptt.gradient(batch, w, g);
            for (int a = 0; a < 4; a++) {
                float[] values = w.arrays().get(a);
                float[] grad = g.arrays().get(a);
                float[] fd = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    fd[i] = (float) richardson(bptt, batch, w, values, i, 2e-3f);
                }
                String name = RsnnWeights.NAMES.get(a);
                if (a == 3) {
                    for (int i = 0; i < values.length; i++) {
                        assertEquals(fd[i], grad[i], 2e-3 * Math.abs(fd[i]) + 2e-4, name + "[" + i + "]");
                    }
                } else {
                    double c = OnlineGradientTest.cosine(fd, grad);
                    assertTrue(c > 0.8, name + ": cosine with the true gradient " + c);
                }
            }
        }
    }

    /**
     * The derivative by Richardson extrapolation of central differences, (4·D(h/2) − D(h))/3: its
     * truncation error is O(h⁴), so a step large enough to stay above float noise is still accurate.
     */
    private static double richardson(RsnnBptt bptt, TrialBatch batch, RsnnWeights w, float[] values, int i, float h) {
        return (4 * central(bptt, batch, w, values, i, h / 2) - central(bptt, batch, w, values, i, h)) / 3;
    }

    private static double central(RsnnBptt bptt, TrialBatch batch, RsnnWeights w, float[] values, int i, float h) {
        float keep = values[i];
        values[i] = keep + h;
        double up = bptt.evaluate(batch, w).loss();
        values[i] = keep - h;
        double down = bptt.evaluate(batch, w).loss();
        values[i] = keep;
        return (up - down) / (2 * h);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        EiRsnn net = small(SpikeFunction.reluSurrogate());
        TrialBatch batch = randomBatch(7, 80, 5, 0.2, 20, 4);
        RsnnWeights w = RsnnWeights.kaiming(net, 3, 1.5, 2, 2, 9);
        RsnnWeights g1 = RsnnWeights.zeros(net);
        RsnnWeights g2 = RsnnWeights.zeros(net);
        BatchOutcome one;
        BatchOutcome two;
        try (RsnnBptt a = new RsnnBptt(net, 7, 1); RsnnBptt b = new RsnnBptt(net, 7, 2)) {
            one = a.gradient(batch, w, g1);
            two = b.gradient(batch, w, g2);
        }
        assertTrue(one.rateE() > 0, "the network fires");
        assertEquals(one.loss(), two.loss(), 1e-6 * one.loss());
        assertEquals(one.accuracy(), two.accuracy());
        for (int a = 0; a < 4; a++) {
            float[] x = g1.arrays().get(a);
            float[] y = g2.arrays().get(a);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], y[i], 1e-5 * (Math.abs(x[i]) + 1e-3), RsnnWeights.NAMES.get(a) + "[" + i + "]");
            }
        }
    }

    @Test
    void longTrialsRunInSmallerBlocksThatFitTheHeap() {
        EiRsnn net = EiRsnn.reference(100, 2, 1);
        try (RsnnBptt b = new RsnnBptt(net, 128, 2)) {
            assertEquals(64, b.block(10), "short trials: a worker's whole share at once");
            long heap = Runtime.getRuntime().maxMemory();
            int steps = (int) Math.min(Integer.MAX_VALUE, heap / (16L * 200 * 8));
            assertTrue(b.block(steps) < 64 && b.block(steps) >= 1, "block " + b.block(steps) + " at " + steps + " steps");
            assertEquals(1, b.block(Integer.MAX_VALUE));
            assertTrue(b.stateFloats(steps) * 4 <= 0.5 * heap + 64L * 200 * 4 * 40, "trajectory within its share of the heap");
        }
    }

    @Test
    void aPotentialThatLeavesTheFloatsIsNamed() {
        EiRsnn net = small(SpikeFunction.reluSurrogate());
        TrialBatch batch = randomBatch(2, 40, 5, 0.3, 5, 2);
        RsnnWeights w = RsnnWeights.kaiming(net, 3, 1.5, 2, 2, 9);
        java.util.Arrays.fill(w.input(), 3e38f);
        try (RsnnBptt b = new RsnnBptt(net, 2, 1)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.evaluate(batch, w));
            assertTrue(e.getMessage().contains("membrane potential") && e.getMessage().contains("at step")
                    && e.getMessage().contains("lower the learning rate"), e.getMessage());
        }
    }

    @Test
    void aMismatchedTaskIsRefusedByName() {
        EiRsnn net = small(SpikeFunction.reluSurrogate());
        TrialBatch batch = randomBatch(2, 10, 4, 0.2, 5, 1);
        try (RsnnBptt b = new RsnnBptt(net, 2, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.evaluate(batch, RsnnWeights.reference(net, 1)));
            assertTrue(e.getMessage().contains("4 input channels") && e.getMessage().contains("5 inputs"), e.getMessage());
        }
    }
}
