package org.brainfx.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.task.EvidenceAccumulation;
import org.brainfx.engine.task.TrialBatch;
import org.junit.jupiter.api.Test;

/**
 * The trained network's forward pass reproduces the paper's E/I step (REFERENCE.md "The E/I network
 * step exactly as the reference code does it") spike for spike on whole evidence-accumulation trials:
 * an independent plain loop of that step in float32 (the reference code's precision), with dense products, against the
 * trainer's float, event-driven pass; and the loss from the loop's readout.
 */
class RsnnReferenceStepTest {
    private static final int TRIALS = 3;

    @Test
    void forwardPassEqualsTheReferenceStep() {
        EvidenceAccumulation task = EvidenceAccumulation.reference();
        TrialBatch batch = task.batch(21, 0, TRIALS);
        EiRsnn net = EiRsnn.reference(task.channels(), 2, 8);
        RsnnWeights w = RsnnWeights.reference(net, 17);
        List<List<Integer>> actual = new ArrayList<>();
        BatchOutcome outcome;
        try (RsnnBptt bptt = new RsnnBptt(net, TRIALS, 1)) {
            RsnnWeights g = RsnnWeights.zeros(net);
            outcome = bptt.gradient(batch, w, g);
            for (int b = 0; b < TRIALS; b++) {
                int trial = b;
                bptt.firstSlice().spikes(b, (t, k) -> actual.add(List.of(trial, t, k)));
            }
        }
        double[] loss = new double[1];
        List<List<Integer>> expected = reference(net, w, batch, loss);
        assertTrue(expected.size() > 1000, "the network fires: " + expected.size() + " spikes");
        assertEquals(expected.size(), actual.size(), "spike count");
        assertEquals(expected, actual, "spikes as [trial, step, neuron]");
        assertEquals(loss[0], outcome.loss(), 1e-4 * loss[0], "loss");
    }

    /** The reference step, written out as the paper's code takes it, in its float32; spikes as [trial, step, neuron]. */
    private static List<List<Integer>> reference(EiRsnn net, RsnnWeights w, TrialBatch batch, double[] loss) {
        int n = net.neurons();
        int nE = net.excitatory();
        float dSyn = (float) Math.exp(-1.0 / 10);
        float dOut = (float) Math.exp(-1.0 / 10);
        List<List<Integer>> spikes = new ArrayList<>();
        double lossSum = 0;
        for (int b = 0; b < batch.trials(); b++) {
            float[] v = new float[n];
            float[] ia = new float[n];
            float[] ge = new float[n];
            float[] gi = new float[n];
            float[] r = new float[2];
            for (int t = 0; t < batch.steps(); t++) {
                float[] z = new float[n];
                for (int k = 0; k < n; k++) {
                    z[k] = v[k] - 1 >= 0 ? 1 : 0;
                }
                float[] x = new float[net.inputs()];
                int cell = batch.cell(t, b);
                for (int s = batch.spikeStart()[cell]; s < batch.spikeStart()[cell + 1]; s++) {
                    x[batch.spikeChannel()[s]] = 1;
                }
                for (int k = 0; k < n; k++) {
                    float addE = 0;
                    float addI = 0;
                    for (int c = 0; c < net.inputs(); c++) {
                        addE += x[c] * Math.abs(w.input()[c * n + k]);
                    }
                    for (int p = 0; p < n; p++) {
                        if (p < nE) {
                            addE += z[p] * Math.abs(w.excitatory()[p * n + k]);
                        } else {
                            addI += z[p] * Math.abs(w.inhibitory()[(p - nE) * n + k]);
                        }
                    }
                    ge[k] = dSyn * (ge[k] + addE);
                    gi[k] = dSyn * (gi[k] + addI);
                    float vr = v[k] - z[k];
                    ia[k] = (float) Math.exp(-1.0 / net.tauAdaptMs()[k]) * (ia[k] - z[k]);
                    float g = 1 + ge[k] + gi[k];
                    v[k] = vr + (float) (1 - Math.exp(-g / 100.0)) * ((ia[k] + 3 * ge[k] - 3 * gi[k]) / g - vr);
                    if (v[k] - 1 >= 0) {
                        spikes.add(List.of(b, t, k));
                    }
                }
                for (int o = 0; o < 2; o++) {
                    r[o] *= dOut;
                    for (int k = 0; k < n; k++) {
                        r[o] += (v[k] - 1 >= 0 ? 1 : 0) * w.readout()[k * 2 + o];
                    }
                }
                if (batch.mask()[t]) {
                    double max = Math.max(r[0], r[1]);
                    lossSum += max + Math.log(Math.exp(r[0] - max) + Math.exp(r[1] - max)) - r[batch.labels()[b]];
                }
            }
        }
        loss[0] = lossSum / (batch.trials() * batch.maskedSteps());
        return spikes;
    }
}
