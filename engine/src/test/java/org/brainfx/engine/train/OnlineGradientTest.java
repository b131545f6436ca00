package org.brainfx.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainfx.engine.task.EvidenceAccumulation;
import org.brainfx.engine.task.TrialBatch;
import org.junit.jupiter.api.Test;

/**
 * The online rules against BPTT: exact where they must agree (no recurrence), the same forward pass
 * on the full network, memory independent of trial length, and aligned with BPTT under recurrence.
 */
class OnlineGradientTest {

    /** The small test network with its E → all and I → all projections cut, so only W_in and W_out act. */
    private static EiRsnn feedForward(SpikeFunction spike) {
        EiRsnn net = RsnnBpttTest.small(spike);
        return net.withMasks(null, new boolean[net.excitatory() * net.neurons()], new boolean[net.inhibitory() * net.neurons()]);
    }

    private static RsnnWeights[] gradients(EiRsnn net, OnlineRule rule, double alpha, TrialBatch batch, RsnnWeights w,
                                           BatchOutcome[] outcomes) {
        RsnnWeights exact = RsnnWeights.zeros(net);
        RsnnWeights online = RsnnWeights.zeros(net);
        try (RsnnBptt bptt = new RsnnBptt(net, batch.trials(), 1);
             OnlineGradient rule2 = new OnlineGradient(net, rule, alpha, batch.trials(), 2)) {
            outcomes[0] = bptt.gradient(batch, w, exact);
            outcomes[1] = rule2.gradient(batch, w, online);
        }
        return new RsnnWeights[] {exact, online};
    }

    static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static void assertClose(float[] expected, float[] actual, double relative, String name) {
        double max = 0;
        for (float e : expected) {
            max = Math.max(max, Math.abs(e));
        }
        assertTrue(max > 0, name + " gradient is not all zero");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * max, name + "[" + i + "]: BPTT " + expected[i] + ", online " + actual[i]);
        }
    }

    private static void dRtrlEqualsBpttWithoutRecurrence(SpikeFunction spike) {
        dRtrlEqualsBpttWithoutRecurrence(feedForward(spike));
    }

    private static void dRtrlEqualsBpttWithoutRecurrence(EiRsnn net) {
        SpikeFunction spike = net.spike();
        TrialBatch batch = RsnnBpttTest.randomBatch(5, 120, 5, 0.2, 30, 7);
        RsnnWeights w = RsnnWeights.kaiming(net, 3, 1.5, 2, 2, 5);
        BatchOutcome[] outcomes = new BatchOutcome[2];
        RsnnWeights[] g = gradients(net, OnlineRule.D_RTRL, 0, batch, w, outcomes);
        assertTrue(spike.smooth() || outcomes[0].rateE() > 0, "the network fires");
        assertEquals(outcomes[0].loss(), outcomes[1].loss(), 1e-6 * outcomes[0].loss(), "loss");
        assertClose(g[0].input(), g[1].input(), 2e-5, "input");
        assertClose(g[0].readout(), g[1].readout(), 2e-6, "readout");
        for (float x : g[1].excitatory()) {
            assertEquals(0f, x, "masked-out E weights get no gradient");
        }
    }

    @Test
    void dRtrlEqualsBpttWithoutRecurrenceWithSmoothSpikes() {
        dRtrlEqualsBpttWithoutRecurrence(SpikeFunction.sigmoid(4));
    }

    @Test
    void dRtrlEqualsBpttWithoutRecurrenceWithTheReluSurrogate() {
        dRtrlEqualsBpttWithoutRecurrence(SpikeFunction.reluSurrogate());
    }

    /** The paper's online variant: the readout of standardized potentials, resets that pass no gradient. */
    @Test
    void dRtrlEqualsBpttWithoutRecurrenceWithThePotentialReadoutAndDetachedResets() {
        for (SpikeFunction spike : new SpikeFunction[] {SpikeFunction.sigmoid(4), SpikeFunction.reluSurrogate()}) {
            for (boolean detach : new boolean[] {false, true}) {
                dRtrlEqualsBpttWithoutRecurrence(feedForward(spike).withReadout(EiRsnn.Readout.POTENTIAL, detach));
            }
            dRtrlEqualsBpttWithoutRecurrence(feedForward(spike).withReadout(EiRsnn.Readout.SPIKES, true));
        }
    }

    /** Detaching the resets changes the gradient, not the forward pass. */
    @Test
    void aDetachedResetChangesTheGradientOnly() {
        EiRsnn net = feedForward(SpikeFunction.reluSurrogate());
        TrialBatch batch = RsnnBpttTest.randomBatch(5, 120, 5, 0.2, 30, 7);
        RsnnWeights w = RsnnWeights.kaiming(net, 3, 1.5, 2, 2, 5);
        BatchOutcome[] attached = new BatchOutcome[2];
        BatchOutcome[] detached = new BatchOutcome[2];
        RsnnWeights[] a = gradients(net, OnlineRule.D_RTRL, 0, batch, w, attached);
        RsnnWeights[] d = gradients(net.withReadout(EiRsnn.Readout.SPIKES, true), OnlineRule.D_RTRL, 0, batch, w, detached);
        assertEquals(attached[0].loss(), detached[0].loss(), "same loss");
        assertEquals(attached[0].rateE(), detached[0].rateE(), "same spikes");
        double c = cosine(a[0].input(), d[0].input());
        assertTrue(c < 0.999999, "the reset's gradient path was cut: cosine " + c);
        assertClose(a[0].readout(), d[0].readout(), 1e-6, "readout (its path does not pass a reset)");
    }

    /**
     * The potential readout on the reference network and task, without recurrence: D-RTRL equals BPTT, and
     * ES-D-RTRL's readout gradient is exact.
     */
    @Test
    void thePotentialReadoutOnTheReferenceTaskWithoutRecurrence() {
        EvidenceAccumulation task = EvidenceAccumulation.reference();
        TrialBatch batch = task.batch(5, 0, 3);
        EiRsnn reference = EiRsnn.reference(task.channels(), 2, 3).withReadout(EiRsnn.Readout.POTENTIAL, true);
        EiRsnn open = reference.withMasks(null, new boolean[reference.excitatory() * reference.neurons()],
                new boolean[reference.inhibitory() * reference.neurons()]);
        RsnnWeights w = RsnnWeights.reference(open, 4);
        BatchOutcome[] outcomes = new BatchOutcome[2];
        RsnnWeights[] g = gradients(open, OnlineRule.D_RTRL, 0, batch, w, outcomes);
        assertClose(g[0].input(), g[1].input(), 1e-4, "input");
        assertClose(g[0].readout(), g[1].readout(), 1e-5, "readout");
        g = gradients(open, OnlineRule.ES_D_RTRL, OnlineRule.PAPER_ALPHA, batch, w, outcomes);
        assertClose(g[0].readout(), g[1].readout(), 1e-5, "ES-D-RTRL readout");
        double c = cosine(g[0].input(), g[1].input());
        assertTrue(c > 0.5, "ES-D-RTRL W_in cosine with BPTT " + c);
    }

    /**
     * The same on the reference network and task, whose loss steps start 2 050 steps in: ∂u/∂w is then
     * advanced only from ~210 steps before them (the readout's leak makes older terms < 2^−30).
     */
    @Test
    void dRtrlEqualsBpttWithoutRecurrenceOnTheReferenceTask() {
        EvidenceAccumulation task = EvidenceAccumulation.reference();
        TrialBatch batch = task.batch(5, 0, 3);
        EiRsnn reference = EiRsnn.reference(task.channels(), 2, 3);
        EiRsnn open = reference.withMasks(null, new boolean[reference.excitatory() * reference.neurons()],
                new boolean[reference.inhibitory() * reference.neurons()]);
        RsnnWeights w = RsnnWeights.reference(open, 4);
        BatchOutcome[] outcomes = new BatchOutcome[2];
        RsnnWeights[] g = gradients(open, OnlineRule.D_RTRL, 0, batch, w, outcomes);
        assertTrue(outcomes[0].rateE() > 0, "the network fires");
        assertClose(g[0].input(), g[1].input(), 1e-4, "input");
        assertClose(g[0].readout(), g[1].readout(), 1e-5, "readout");
    }

    /**
     * ES-D-RTRL factors each weight's trace into a smoothed input times a smoothed neuron trace, which
     * is exact for no α (at α → 0 it is the one-step gradient x^t·D_f^t·δ^t); its readout trace is
     * exact. Measured cosines of W_in's gradient with BPTT without recurrence: small network (τ 20 ms)
     * 0.22, 0.49, 0.84, 0.75 at α 0.05, 0.5, 0.9, 0.95; reference network 0.90, 0.91, 0.935, 0.938,
     * 0.91, 0.85 at α 0.05, 0.5, 0.9, 0.95, 0.98, 0.99.
     */
    @Test
    void esDRtrlHasTheExactReadoutGradientAndAnAlignedInputGradient() {
        EiRsnn net = feedForward(SpikeFunction.reluSurrogate());
        TrialBatch batch = RsnnBpttTest.randomBatch(5, 120, 5, 0.2, 30, 7);
        RsnnWeights w = RsnnWeights.kaiming(net, 3, 1.5, 2, 2, 5);
        for (double alpha : new double[] {0, 0.05, 0.9, 0.99}) {
            BatchOutcome[] outcomes = new BatchOutcome[2];
            RsnnWeights[] g = gradients(net, OnlineRule.ES_D_RTRL, alpha, batch, w, outcomes);
            assertClose(g[0].readout(), g[1].readout(), 2e-6, "readout at alpha " + alpha);
            assertTrue(cosine(g[0].input(), g[1].input()) > 0.1, "alpha " + alpha + ": W_in's gradient points BPTT's way");
        }
        EvidenceAccumulation task = EvidenceAccumulation.reference();
        TrialBatch ea = task.batch(5, 0, 4);
        EiRsnn reference = EiRsnn.reference(task.channels(), 2, 3);
        EiRsnn open = reference.withMasks(null, new boolean[reference.excitatory() * reference.neurons()],
                new boolean[reference.inhibitory() * reference.neurons()]);
        RsnnWeights wr = RsnnWeights.reference(open, 4);
        BatchOutcome[] outcomes = new BatchOutcome[2];
        RsnnWeights[] g = gradients(open, OnlineRule.ES_D_RTRL, OnlineRule.PAPER_ALPHA, ea, wr, outcomes);
        assertClose(g[0].readout(), g[1].readout(), 2e-6, "reference readout");
        double c = cosine(g[0].input(), g[1].input());
        assertTrue(c > 0.9, "reference network without recurrence, alpha 0.9: cosine(W_in) with BPTT " + c);
    }

    @Test
    void theForwardPassIsBpttsOnTheFullNetwork() {
        theForwardPassIsBptts(EiRsnn.Readout.SPIKES);
    }

    @Test
    void theForwardPassIsBpttsWithThePotentialReadout() {
        theForwardPassIsBptts(EiRsnn.Readout.POTENTIAL);
    }

    private static void theForwardPassIsBptts(EiRsnn.Readout readout) {
        EvidenceAccumulation task = EvidenceAccumulation.reference();
        TrialBatch batch = task.batch(21, 0, 3);
        EiRsnn net = EiRsnn.reference(task.channels(), 2, 8).withReadout(readout, readout == EiRsnn.Readout.POTENTIAL);
        RsnnWeights w = RsnnWeights.reference(net, 17);
        BatchOutcome expected;
        try (RsnnBptt bptt = new RsnnBptt(net, 3, 1)) {
            expected = bptt.evaluate(batch, w);
        }
        for (OnlineRule rule : OnlineRule.values()) {
            try (OnlineGradient online = new OnlineGradient(net, rule, OnlineRule.PAPER_ALPHA, 3, 2)) {
                BatchOutcome forward = online.evaluate(batch, w);
                BatchOutcome learning = online.gradient(batch, w, RsnnWeights.zeros(net));
                for (BatchOutcome actual : new BatchOutcome[] {forward, learning}) {
                    assertEquals(expected.loss(), actual.loss(), 1e-6 * expected.loss(), rule + " loss");
                    assertEquals(expected.accuracy(), actual.accuracy(), rule + " accuracy");
                    assertEquals(expected.rateE(), actual.rateE(), rule + " E rate (same spikes)");
                    assertEquals(expected.rateI(), actual.rateI(), rule + " I rate (same spikes)");
                }
                assertTrue(expected.rateE() > 0, "the network fires");
            }
        }
    }

    @Test
    void memoryDoesNotGrowWithTrialLength() {
        EiRsnn spikes = RsnnBpttTest.small(SpikeFunction.reluSurrogate());
        for (EiRsnn net : new EiRsnn[] {spikes, spikes.withReadout(EiRsnn.Readout.POTENTIAL, true)}) {
            for (OnlineRule rule : OnlineRule.values()) {
                assertHeldFloatsDoNotGrow(net, rule);
            }
        }
        EiRsnn reference = EiRsnn.reference(100, 2, 1);
        try (OnlineGradient d = new OnlineGradient(reference, OnlineRule.D_RTRL, 0, 128, 1);
             OnlineGradient es = new OnlineGradient(reference, OnlineRule.ES_D_RTRL, 0.9, 128, 1)) {
            System.out.printf("trace floats for 128 reference trials: D-RTRL %d (%.1f MB), ES-D-RTRL %d (%.2f MB)%n",
                    d.traceFloats(128), d.traceFloats(128) * 4e-6, es.traceFloats(128), es.traceFloats(128) * 4e-6);
        }
    }

    private static void assertHeldFloatsDoNotGrow(EiRsnn net, OnlineRule rule) {
        RsnnWeights w = RsnnWeights.kaiming(net, 3, 1.5, 2, 2, 5);
        try (OnlineGradient online = new OnlineGradient(net, rule, 0.9, 4, 2)) {
            long[] held = new long[2];
            int[] steps = {2_200, 4_400};
            for (int i = 0; i < 2; i++) {
                TrialBatch batch = RsnnBpttTest.randomBatch(4, steps[i], 5, 0.05, 150, 3);
                online.gradient(batch, w, RsnnWeights.zeros(net));
                held[i] = online.heldFloats();
            }
            String what = rule + " (" + net.readout() + " readout)";
            assertEquals(held[0], held[1], what + ": floats held after 2 200 and 4 400 steps");
            assertEquals(online.threads() * online.traceFloats(online.blockTrials()), held[0],
                    what + ": traceFloats counts what the workers hold");
        }
    }

    /** Measured: D-RTRL cosines 0.957 (input), 0.947 (E), 0.947 (I); ES-D-RTRL (α 0.9) 0.901, 0.891, 0.904. */
    @Test
    void withRecurrenceTheRulesAreAlignedWithBptt() {
        EvidenceAccumulation task = EvidenceAccumulation.reference();
        TrialBatch batch = task.batch(5, 0, 4);
        EiRsnn net = EiRsnn.reference(task.channels(), 2, 3);
        RsnnWeights w = RsnnWeights.reference(net, 4);
        for (OnlineRule rule : OnlineRule.values()) {
            BatchOutcome[] outcomes = new BatchOutcome[2];
            RsnnWeights[] g = gradients(net, rule, OnlineRule.PAPER_ALPHA, batch, w, outcomes);
            double[] c = new double[4];
            for (int a = 0; a < 4; a++) {
                c[a] = cosine(g[0].arrays().get(a), g[1].arrays().get(a));
            }
            System.out.printf("%s with recurrence: cosine with BPTT input %.3f, E %.3f, I %.3f, readout %.6f%n",
                    rule, c[0], c[1], c[2], c[3]);
            assertEquals(1, c[3], 1e-5, rule + ": the readout's gradient is exact");
            for (int a = 0; a < 3; a++) {
                assertTrue(c[a] > (rule == OnlineRule.D_RTRL ? 0.8 : 0.7), rule + " " + RsnnWeights.NAMES.get(a) + ": cosine " + c[a]);
            }
        }
    }

    @Test
    void badSettingsAreRefusedWithTheirValue() {
        EiRsnn net = RsnnBpttTest.small(SpikeFunction.reluSurrogate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OnlineGradient(net, OnlineRule.ES_D_RTRL, 1.0, 2, 1));
        assertTrue(e.getMessage().contains("alpha") && e.getMessage().contains("1.0"), e.getMessage());
        assertEquals(OnlineRule.ES_D_RTRL, OnlineRule.parse("es-d-rtrl"));
        assertThrows(IllegalArgumentException.class, () -> OnlineRule.parse("eprop"));
    }
}
