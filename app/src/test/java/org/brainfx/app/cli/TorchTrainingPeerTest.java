package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.brainfx.engine.data.connectome.NpyFormat;
import org.brainfx.engine.data.connectome.NpyFormat.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch training peer: its JSON line and failures, and (with Debian's python3-torch, required
 * when {@code CI} is set) a short timing run, its gradient against central finite differences of its
 * own loss, and its forward pass spike for spike against a plain loop of REFERENCE.md's step.
 */
class TorchTrainingPeerTest {
    private static final String LINE = "{\"name\": \"torch\", \"version\": \"1.13.0a0\", \"threads\": 1,"
            + " \"trials\": 128, \"steps\": 2200, \"secondsPerBatch\": 2.9, \"batchSeconds\": [20.3, 2.9, 3.0],"
            + " \"forwardSeconds\": 1.1, \"backwardSeconds\": 1.8, \"peakMB\": 5800.5,"
            + " \"loss\": [0.705, 0.708, 0.703], \"accuracy\": [0.55, 0.52, 0.52]}";

    /** The tiny network of the check-mode tests: trials, steps, channels, E and I neurons, outputs. */
    private static final int B = 3;
    private static final int T = 40;
    private static final int C = 5;
    private static final int NE = 6;
    private static final int NI = 2;
    private static final int N = NE + NI;
    private static final int O = 2;
    private static final String[] WEIGHTS = {"w_in", "w_e", "w_i", "w_out"};

    @TempDir
    Path dir;

    @Test
    void lastLineBecomesARun() throws IOException {
        TorchTrainingPeer.Run run = TorchTrainingPeer.parse("batch 1/3: 20.3 s\n" + LINE + "\n\n");
        assertEquals(new TorchTrainingPeer.Run("1.13.0a0", 1, 128, 2200, 2.9, 1.1, 1.8, 5800.5,
                List.of(20.3, 2.9, 3.0), List.of(0.705, 0.708, 0.703), List.of(0.55, 0.52, 0.52)), run);
    }

    @Test
    void badOutputNamesTheFieldAndQuotesTheLine() {
        assertMessage(LINE.replace("\"peakMB\": 5800.5, ", ""), "lacks \"peakMB\"");
        assertMessage(LINE.replace("\"threads\": 1", "\"threads\": 1.5"), "\"threads\" is not a whole number");
        assertMessage(LINE.replace("[20.3, 2.9, 3.0]", "[20.3, \"x\", 3.0]"), "\"batchSeconds[1]\" is not a finite");
        assertMessage(LINE.replace("\"loss\": [0.705, 0.708, 0.703]", "\"loss\": [0.705]"), "but 1 losses");
        assertMessage(LINE.replace("\"secondsPerBatch\": 2.9", "\"secondsPerBatch\": 0"), "out of range");
        assertMessage(LINE.replace("\"version\": \"1.13.0a0\"", "\"version\": 1"), "\"version\" is not a string");
        assertMessage("Traceback (most recent call last):", "unexpected output from torch_ei_rsnn.py");
        assertMessage("\n", "printed nothing");
    }

    @Test
    void missingTorchAndBadInputAreNamed() {
        assertEquals("torch is not installed for /usr/bin/python3; install Debian's python3-torch"
                        + " (apt install python3-torch)",
                TorchTrainingPeer.failure(1, List.of("Traceback (most recent call last):",
                        "ModuleNotFoundError: No module named 'torch'")));
        assertEquals("the torch peer refused its input: torch_ei_rsnn.py: d/w_e.npy: shape (5, 8), expected (6, 8)",
                TorchTrainingPeer.failure(2, List.of("torch_ei_rsnn.py: d/w_e.npy: shape (5, 8), expected (6, 8)")));
        assertEquals("the torch peer failed: RuntimeError: out of memory",
                TorchTrainingPeer.failure(1, List.of("x", "RuntimeError: out of memory", "")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchTrainingPeer.timeCommand(Path.of("s.py"), 0, 128, 1, 1, 0));
        assertTrue(e.getMessage().contains("0 batches of 128 trials on 1 threads"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TorchTrainingPeer.timeCommand(Path.of("s.py"), 1, 128, 1, 1, Double.NaN));
        assertTrue(e.getMessage().contains("clipping norm must be 0 (none) or positive, not NaN"), e.getMessage());
        assertEquals(List.of("/usr/bin/python3", "s.py", "time", "--batches", "3", "--trials", "128", "--threads",
                "2", "--seed", "7"), TorchTrainingPeer.timeCommand(Path.of("s.py"), 3, 128, 2, 7, 0));
        assertEquals(List.of("/usr/bin/python3", "s.py", "time", "--batches", "3", "--trials", "128", "--threads",
                "2", "--seed", "7", "--clip", "1.0"), TorchTrainingPeer.timeCommand(Path.of("s.py"), 3, 128, 2, 7, 1));
    }

    @Test
    void twoSmallBatchesTimeAndTrain() throws Exception {
        requireTorch();
        TorchTrainingPeer.Outcome outcome = TorchTrainingPeer.time(2, 4, 1, 11, 1.0);
        assertNull(outcome.note());
        TorchTrainingPeer.Run run = outcome.run();
        assertEquals(1, run.threads());
        assertEquals(4, run.trials());
        assertEquals(2200, run.steps(), "7 × (50 + 100) ms of cues, 1 000 ms of delay, 150 ms of recall");
        assertEquals(2, run.batchSeconds().size());
        assertEquals(run.batchSeconds().get(1), run.secondsPerBatch(), "the median of the batches after the first");
        assertTrue(run.forwardSeconds() + run.backwardSeconds() <= run.secondsPerBatch() * 1.0001, run.toString());
        assertTrue(run.peakMB() > 50 && run.peakMB() < 8000, run.toString());
        for (int b = 0; b < 2; b++) {
            // Two outputs near the start: the cross-entropy is near ln 2, and accuracy counts out of 4 trials.
            assertTrue(run.loss().get(b) > 0.3 && run.loss().get(b) < 1.5, run.toString());
            assertEquals(0, run.accuracy().get(b) * 4 % 1, 1e-12, run.toString());
        }
        assertTrue(run.version().startsWith("1.") || run.version().startsWith("2."), run.version());
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheSameLoss() throws Exception {
        requireTorch();
        Random random = new Random(3);
        double[][] w = weights(random);
        double[] x = inputs(random, 0.3);
        String params = "{\"surrogate\": \"sigmoid\", \"sharpness\": 4, \"dtype\": \"float64\"}";
        // Entries of every matrix, E and I presynaptic rows, E and I postsynaptic columns, both outputs.
        int[][] picks = {{0, 1 * N + 2}, {0, 4 * N + 7}, {1, 3 * N + 4}, {1, 0 * N + 7}, {1, 5 * N + 1},
            {2, 1 * N + 0}, {2, 0 * N + 6}, {3, 5 * O + 1}, {3, 6 * O}, {3, 2 * O + 1}};
        double h = 1e-5;
        List<Path> dirs = new ArrayList<>();
        dirs.add(write(dir.resolve("base"), x, w, params));
        for (int k = 0; k < picks.length; k++) {
            for (int sign : new int[] {1, -1}) {
                double[][] shifted = copy(w);
                shifted[picks[k][0]][picks[k][1]] += sign * h;
                dirs.add(write(dir.resolve("p" + k + (sign > 0 ? "+" : "-")), x, shifted, params));
            }
        }
        List<JsonObject> out = TorchTrainingPeer.check(dirs);
        double[][] grad = new double[4][];
        int[][] shapes = shapes();
        for (int m = 0; m < 4; m++) {
            grad[m] = NpyFormat.readDense(dirs.get(0).resolve("grad_" + WEIGHTS[m] + ".npy"), shapes[m]);
        }
        for (int k = 0; k < picks.length; k++) {
            double plus = out.get(1 + 2 * k).get("loss").getAsDouble();
            double minus = out.get(2 + 2 * k).get("loss").getAsDouble();
            double fd = (plus - minus) / (2 * h);
            double g = grad[picks[k][0]][picks[k][1]];
            String what = WEIGHTS[picks[k][0]] + " flat " + picks[k][1] + ": autograd " + g + ", difference " + fd;
            assertTrue(Math.abs(g) > 1e-5, "a gradient this test can tell from zero; " + what);
            assertEquals(fd, g, 1e-9 + 1e-6 * Math.abs(fd), what);
        }
    }

    @Test
    void forwardAndSurrogateGradientMatchAPlainLoopOfTheReferenceStep() throws Exception {
        requireTorch();
        Random random = new Random(5);
        double[][] w = weights(random);
        double[] x = inputs(random, 0.2);
        Path d = write(dir.resolve("relu"), x, w, "{\"dtype\": \"float64\", \"n_e\": 6, \"n_i\": 2}");
        JsonObject out = TorchTrainingPeer.check(d);

        Loop loop = plainLoop(x, w);
        double[] torchSpikes = NpyFormat.readDense(d.resolve("spikes.npy"), B, T, N);
        int count = 0;
        for (int k = 0; k < loop.spikes().length; k++) {
            count += loop.spikes()[k];
            if (loop.spikes()[k] != torchSpikes[k]) {
                fail("spike of neuron " + k % N + " at step " + k / N % T + " of trial " + k / (N * T) + ": loop "
                        + loop.spikes()[k] + ", torch " + torchSpikes[k]);
            }
        }
        assertTrue(count > 20 && count < loop.spikes().length / 2, count + " spikes: a test that sees resets but"
                + " not saturation");
        assertEquals(count, out.get("spikes").getAsInt());
        assertEquals(loop.loss(), out.get("loss").getAsDouble(), 1e-12 * Math.abs(loop.loss()));
        assertEquals(loop.accuracy(), out.get("accuracy").getAsDouble(), 1e-12);
        for (int m = 0; m < 4; m++) {
            double[] g = NpyFormat.readDense(d.resolve("grad_" + WEIGHTS[m] + ".npy"), shapes()[m]);
            double scale = java.util.Arrays.stream(loop.grad()[m]).map(Math::abs).max().orElse(0);
            assertTrue(scale > 1e-4, WEIGHTS[m] + " has a gradient this test can tell from zero");
            for (int k = 0; k < g.length; k++) {
                assertEquals(loop.grad()[m][k], g[k], 1e-10 * scale, "surrogate gradient of " + WEIGHTS[m]
                        + " flat " + k);
            }
        }
    }

    @Test
    void aFileOfTheWrongShapeIsNamedWithTheShapeExpected() throws Exception {
        requireTorch();
        Random random = new Random(7);
        double[][] w = weights(random);
        Path d = write(dir.resolve("bad"), inputs(random, 0.2), w, "{}");
        try (OutputStream o = Files.newOutputStream(d.resolve("w_e.npy"))) {
            NpyFormat.writeArray(o, Element.FLOAT32, new int[] {NE - 1, N}, new double[(NE - 1) * N]);
        }
        Files.writeString(d.resolve("params.json"), "{\"n_e\": 6, \"n_i\": 2}");
        IOException e = assertThrows(IOException.class, () -> TorchTrainingPeer.check(d));
        assertTrue(e.getMessage().contains("refused its input") && e.getMessage().contains("w_e.npy: shape (5, 8),"
                + " expected (6, 8)"), e.getMessage());
        Files.writeString(d.resolve("params.json"), "{\"tau_sin\": 10}");
        e = assertThrows(IOException.class, () -> TorchTrainingPeer.check(d));
        assertTrue(e.getMessage().contains("params.json: unknown parameter(s) tau_sin"), e.getMessage());
    }

    /** Skips where torch does not import, but fails on CI, whose runner installs python3-torch. */
    private static void requireTorch() throws InterruptedException {
        boolean torch = TorchTrainingPeer.available();
        if (!torch && System.getenv("CI") != null) {
            fail("CI is set but " + TorchTrainingPeer.PYTHON + " cannot import torch; .ci/run installs python3-torch");
        }
        assumeTrue(torch, "no " + TorchTrainingPeer.PYTHON + " with torch here");
    }

    /** What the plain loop computes: spikes (trial, step, neuron), loss, accuracy and the four weight gradients. */
    private record Loop(int[] spikes, double loss, double accuracy, double[][] grad) { }

    /**
     * REFERENCE.md's step in plain loops (float64, Heaviside spikes, ReLU surrogate α 0.3 and width 1),
     * forward, then backward through time by hand (every reset and both uses of each spike).
     */
    private static Loop plainLoop(double[] x, double[][] w) {
        double dSyn = Math.exp(-1.0 / 10);
        double dOut = Math.exp(-1.0 / 10);
        double[] tauA = tauA();
        double[] dA = new double[N];
        for (int j = 0; j < N; j++) {
            dA[j] = Math.exp(-1.0 / tauA[j]);
        }
        int[] spikes = new int[B * T * N];
        // Per trial, step and neuron: V before the step, then the step's g_e, g_i, decay, target and V_r.
        double[] vBefore = new double[B * T * N];
        double[] geAt = new double[B * T * N];
        double[] giAt = new double[B * T * N];
        double[] decayAt = new double[B * T * N];
        double[] targetAt = new double[B * T * N];
        double[] vrAt = new double[B * T * N];
        double[] vAfter = new double[B * T * N];
        double[] readout = new double[B * T * O];
        double correct = 0;
        int recall = 0;
        double sum = 0;
        for (int b = 0; b < B; b++) {
            double[] v = new double[N];
            double[] ia = new double[N];
            double[] ge = new double[N];
            double[] gi = new double[N];
            double[] z = new double[N];
            double[] r = new double[O];
            double[] summed = new double[O];
            for (int t = 0; t < T; t++) {
                int at = (b * T + t) * N;
                for (int j = 0; j < N; j++) {
                    z[j] = v[j] >= 1 ? 1 : 0;
                    vBefore[at + j] = v[j];
                }
                for (int j = 0; j < N; j++) {
                    double in = 0;
                    for (int c = 0; c < C; c++) {
                        in += x[(b * T + t) * C + c] * Math.abs(w[0][c * N + j]);
                    }
                    double exc = 0;
                    for (int e = 0; e < NE; e++) {
                        exc += z[e] * Math.abs(w[1][e * N + j]);
                    }
                    double inh = 0;
                    for (int i = 0; i < NI; i++) {
                        inh += z[NE + i] * Math.abs(w[2][i * N + j]);
                    }
                    ge[j] = dSyn * (ge[j] + in + exc);
                    gi[j] = dSyn * (gi[j] + inh);
                    double vr = v[j] - z[j];
                    ia[j] = dA[j] * (ia[j] - z[j]);
                    double g = 1 + ge[j] + gi[j];
                    double decay = Math.exp(-g / 100);
                    double target = (ia[j] + 3 * ge[j] - 3 * gi[j]) / g;
                    v[j] = vr + (1 - decay) * (target - vr);
                    spikes[at + j] = v[j] >= 1 ? 1 : 0;
                    geAt[at + j] = ge[j];
                    giAt[at + j] = gi[j];
                    decayAt[at + j] = decay;
                    targetAt[at + j] = target;
                    vrAt[at + j] = vr;
                    vAfter[at + j] = v[j];
                }
                for (int o = 0; o < O; o++) {
                    double drive = 0;
                    for (int j = 0; j < N; j++) {
                        drive += spikes[at + j] * w[3][j * O + o];
                    }
                    r[o] = dOut * r[o] + drive;
                    readout[(b * T + t) * O + o] = r[o];
                }
                if (mask(t)) {
                    double max = Math.max(r[0], r[1]);
                    sum += max + Math.log(Math.exp(r[0] - max) + Math.exp(r[1] - max)) - r[label(b)];
                    recall++;
                    summed[0] += r[0];
                    summed[1] += r[1];
                }
            }
            correct += (summed[1] > summed[0] ? 1 : 0) == label(b) ? 1 : 0;
        }
        double[][] grad = {new double[C * N], new double[NE * N], new double[NI * N], new double[N * O]};
        for (int b = 0; b < B; b++) {
            double[] gr = new double[O];
            double[] gv = new double[N];
            double[] gia = new double[N];
            double[] gge = new double[N];
            double[] ggi = new double[N];
            double[] gzNext = new double[N];
            for (int t = T - 1; t >= 0; t--) {
                int at = (b * T + t) * N;
                int rt = (b * T + t) * O;
                double max = Math.max(readout[rt], readout[rt + 1]);
                double norm = Math.exp(readout[rt] - max) + Math.exp(readout[rt + 1] - max);
                for (int o = 0; o < O; o++) {
                    gr[o] = (t == T - 1 ? 0 : dOut * gr[o]) + (mask(t)
                            ? (Math.exp(readout[rt + o] - max) / norm - (o == label(b) ? 1 : 0)) / recall : 0);
                }
                double[] gz = new double[N];
                for (int j = 0; j < N; j++) {
                    // z' of this step feeds the readout and, as the next step's z, everything gzNext gathered.
                    double gSpike = gzNext[j];
                    for (int o = 0; o < O; o++) {
                        grad[3][j * O + o] += spikes[at + j] * gr[o];
                        gSpike += gr[o] * w[3][j * O + o];
                    }
                    gv[j] += gSpike * 0.3 * Math.max(1 - Math.abs(vAfter[at + j] - 1), 0);
                    double decay = decayAt[at + j];
                    double target = targetAt[at + j];
                    double vr = vrAt[at + j];
                    double g = 1 + geAt[at + j] + giAt[at + j];
                    double gvr = gv[j] * decay;
                    double gTarget = gv[j] * (1 - decay);
                    double gG = -gv[j] * (target - vr) * decay * (-1.0 / 100) - gTarget * target / g;
                    double gNum = gTarget / g;
                    gia[j] += gNum;
                    gge[j] += 3 * gNum + gG;
                    ggi[j] += -3 * gNum + gG;
                    gz[j] -= dA[j] * gia[j] + gvr;
                    gia[j] *= dA[j];
                    gv[j] = gvr;
                    gge[j] *= dSyn;
                    ggi[j] *= dSyn;
                    for (int c = 0; c < C; c++) {
                        grad[0][c * N + j] += x[(b * T + t) * C + c] * gge[j] * Math.signum(w[0][c * N + j]);
                    }
                }
                for (int j = 0; j < N; j++) {
                    for (int e = 0; e < NE; e++) {
                        double ze = vBefore[at + e] >= 1 ? 1 : 0;
                        grad[1][e * N + j] += ze * gge[j] * Math.signum(w[1][e * N + j]);
                        gz[e] += gge[j] * Math.abs(w[1][e * N + j]);
                    }
                    for (int i = 0; i < NI; i++) {
                        double zi = vBefore[at + NE + i] >= 1 ? 1 : 0;
                        grad[2][i * N + j] += zi * ggi[j] * Math.signum(w[2][i * N + j]);
                        gz[NE + i] += ggi[j] * Math.abs(w[2][i * N + j]);
                    }
                }
                gzNext = gz;
            }
        }
        return new Loop(spikes, sum / recall, correct / B, grad);
    }

    private static boolean mask(int t) {
        return t >= 30;
    }

    private static int label(int b) {
        return b == 0 ? 0 : 1;
    }

    private static double[] tauA() {
        double[] tau = new double[N];
        for (int j = 0; j < N; j++) {
            tau[j] = 500 + 1000.0 * j / (N - 1);
        }
        return tau;
    }

    private static int[][] shapes() {
        return new int[][] {{C, N}, {NE, N}, {NI, N}, {N, O}};
    }

    /** Signed raw weights (the network uses their magnitudes), strong enough for a few spikes per neuron. */
    private static double[][] weights(Random random) {
        double[] sd = {1.5, 1.0, 1.0, 1.0};
        int[][] shapes = shapes();
        double[][] w = new double[4][];
        for (int m = 0; m < 4; m++) {
            w[m] = new double[shapes[m][0] * shapes[m][1]];
            for (int k = 0; k < w[m].length; k++) {
                w[m][k] = sd[m] * random.nextGaussian();
            }
        }
        return w;
    }

    private static double[] inputs(Random random, double p) {
        double[] x = new double[B * T * C];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextDouble() < p ? 1 : 0;
        }
        return x;
    }

    private static double[][] copy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int m = 0; m < w.length; m++) {
            c[m] = w[m].clone();
        }
        return c;
    }

    /** One check folder in the formats the lead's gradient test writes (float32 inputs, int32 labels, uint8 mask). */
    private static Path write(Path d, double[] x, double[][] w, String params) throws IOException {
        Files.createDirectories(d);
        npy(d.resolve("x.npy"), Element.FLOAT32, new int[] {B, T, C}, x);
        double[] labels = new double[B];
        for (int b = 0; b < B; b++) {
            labels[b] = label(b);
        }
        npy(d.resolve("labels.npy"), Element.INT32, new int[] {B}, labels);
        double[] mask = new double[T];
        for (int t = 0; t < T; t++) {
            mask[t] = mask(t) ? 1 : 0;
        }
        npy(d.resolve("mask.npy"), Element.UINT8, new int[] {T}, mask);
        int[][] shapes = shapes();
        for (int m = 0; m < 4; m++) {
            npy(d.resolve(WEIGHTS[m] + ".npy"), Element.FLOAT64, shapes[m], w[m]);
        }
        npy(d.resolve("tau_a.npy"), Element.FLOAT64, new int[] {N}, tauA());
        Files.writeString(d.resolve("params.json"), params, StandardCharsets.UTF_8);
        return d;
    }

    private static void npy(Path file, Element type, int[] shape, double[] values) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            NpyFormat.writeArray(o, type, shape, values);
        }
    }

    private static void assertMessage(String stdout, String part) {
        IOException e = assertThrows(IOException.class, () -> TorchTrainingPeer.parse(stdout));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
