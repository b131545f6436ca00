package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brainfx.engine.data.connectome.NpyFormat;
import org.brainfx.engine.data.connectome.NpyFormat.Element;
import org.brainfx.engine.task.EvidenceAccumulation;
import org.brainfx.engine.task.EvidenceAccumulationSettings;
import org.brainfx.engine.task.TrialBatch;
import org.brainfx.engine.train.BatchOutcome;
import org.brainfx.engine.train.EiRsnn;
import org.brainfx.engine.train.RsnnBptt;
import org.brainfx.engine.train.RsnnWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's BPTT (float32, event-driven forward, ND4J reverse product) against PyTorch autograd
 * (float64, the peer script written independently from REFERENCE.md) on the same evidence-accumulation
 * batch with the reference network: same loss, same ReLU-surrogate gradient of all four weight matrices.
 */
class BpttAgainstTorchTest {

    @Test
    void gradientEqualsPytorchAutograd(@TempDir Path dir) throws IOException, InterruptedException {
        boolean torch = TorchTrainingPeer.available();
        if (!torch && System.getenv("CI") != null) {
            fail("CI is set but " + TorchTrainingPeer.PYTHON + " cannot import torch; .ci/run installs python3-torch");
        }
        assumeTrue(torch, "no " + TorchTrainingPeer.PYTHON + " with torch here");
        EvidenceAccumulation task = new EvidenceAccumulation(EvidenceAccumulationSettings.defaults().withCues(3).withDelayMs(200));
        TrialBatch batch = task.batch(5, 0, 6);
        EiRsnn net = EiRsnn.reference(task.channels(), 2, 3);
        RsnnWeights w = RsnnWeights.reference(net, 4);
        RsnnWeights g = RsnnWeights.zeros(net);
        BatchOutcome ours;
        try (RsnnBptt bptt = new RsnnBptt(net, batch.trials(), 1)) {
            ours = bptt.gradient(batch, w, g);
        }
        int b = batch.trials();
        int t = batch.steps();
        int c = net.inputs();
        double[] x = new double[b * t * c];
        float[] dense = new float[b * c];
        for (int step = 0; step < t; step++) {
            batch.denseStep(step, dense);
            for (int trial = 0; trial < b; trial++) {
                for (int ch = 0; ch < c; ch++) {
                    x[(trial * t + step) * c + ch] = dense[trial * c + ch];
                }
            }
        }
        npy(dir.resolve("x.npy"), Element.FLOAT32, new int[] {b, t, c}, x);
        double[] labels = new double[b];
        for (int i = 0; i < b; i++) {
            labels[i] = batch.labels()[i];
        }
        npy(dir.resolve("labels.npy"), Element.INT32, new int[] {b}, labels);
        double[] mask = new double[t];
        for (int i = 0; i < t; i++) {
            mask[i] = batch.mask()[i] ? 1 : 0;
        }
        npy(dir.resolve("mask.npy"), Element.UINT8, new int[] {t}, mask);
        int n = net.neurons();
        String[] files = {"w_in", "w_e", "w_i", "w_out"};
        int[][] shapes = {{c, n}, {net.excitatory(), n}, {net.inhibitory(), n}, {n, 2}};
        for (int a = 0; a < 4; a++) {
            npy(dir.resolve(files[a] + ".npy"), Element.FLOAT64, shapes[a], doubles(w.arrays().get(a)));
        }
        npy(dir.resolve("tau_a.npy"), Element.FLOAT64, new int[] {n}, doubles(net.tauAdaptMs()));
        Files.writeString(dir.resolve("params.json"), "{\"dtype\": \"float64\"}", StandardCharsets.UTF_8);

        JsonObject theirs = TorchTrainingPeer.check(dir);
        assertEquals(theirs.get("loss").getAsDouble(), ours.loss(), 1e-5 * ours.loss(), "loss");
        for (int a = 0; a < 4; a++) {
            double[] expected = NpyFormat.readDense(dir.resolve("grad_" + files[a] + ".npy"), shapes[a]);
            float[] actual = g.arrays().get(a);
            double max = 0;
            double dot = 0;
            double ee = 0;
            double aa = 0;
            for (int i = 0; i < actual.length; i++) {
                max = Math.max(max, Math.abs(expected[i] - actual[i]));
                dot += expected[i] * actual[i];
                ee += expected[i] * expected[i];
                aa += (double) actual[i] * actual[i];
            }
            double scale = Math.sqrt(ee / actual.length);
            assertTrue(ee > 0, files[a] + ": torch's gradient is not zero");
            assertTrue(dot / Math.sqrt(ee * aa) > 0.9999, files[a] + ": cosine " + dot / Math.sqrt(ee * aa));
            assertTrue(max < 2e-3 * Math.sqrt(ee) + 1e-3 * scale, files[a] + ": largest difference " + max + " (rms " + scale + ")");
        }
    }

    private static double[] doubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static void npy(Path file, Element type, int[] shape, double[] values) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            NpyFormat.writeArray(o, type, shape, values);
        }
    }
}
