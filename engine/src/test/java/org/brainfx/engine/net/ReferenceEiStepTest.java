package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The E/I network of Wang et al. (2024, arXiv 2406.19708) as a network project reproduces the
 * reference code's step spike for spike: an independent plain loop of that step (written from the
 * paper's code: input and recurrent spikes added to the conductances before their decay, the
 * adaptation current decayed before the voltage's exponential-Euler step, conductances inside its
 * linear term) against the engine, on a short trial with random Kaiming-like weights and Poisson input.
 *
 * <p>Two conventions map one onto the other: the reference adds a spike to g before the step's decay
 * (a spike counts d·w on arrival), the engine after the step (Brian2's order), so the engine's weights
 * are the reference's times d = exp(−dt/τ_syn); and the reference's input at step t acts in step t,
 * so the engine gets it one step earlier.
 */
class ReferenceEiStepTest {
    private static final int E = 160;
    private static final int I = 40;
    private static final int N = E + I;
    private static final int INPUTS = 100;
    private static final int STEPS = 400;
    private static final double DT = 1;
    private static final double D_SYN = Math.exp(-DT / 10);

    @Test
    void engineStepEqualsTheReferenceStep(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        double[][] wIn = weights(random, INPUTS, N, 1.0);
        double[][] wE = weights(random, E, N, 0.5);
        double[][] wI = weights(random, I, N, 2.0);
        double[] tauA = new double[N];
        for (int k = 0; k < N; k++) {
            tauA[k] = 500 + 1000 * random.nextDouble();
        }
        boolean[][] input = new boolean[STEPS][INPUTS];
        for (int t = 1; t < STEPS; t++) {
            for (int c = 0; c < INPUTS; c++) {
                input[t][c] = random.nextDouble() < (c < 75 ? 0.04 : 0.01);
            }
        }
        List<List<Integer>> expected = reference(wIn, wE, wI, tauA, input);
        assertTrue(expected.size() > 100, "the reference network fires: " + expected.size());

        NetworkResult r = NetworkSimulator.run(NetworkFactory.build(engineNetwork(dir, wIn, wE, wI, tauA, input), dir),
                RunOptions.defaults());
        List<List<Integer>> actual = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            for (int k = 0; k < r.spikeSteps().get(p).length; k++) {
                actual.add(List.of(r.spikeSteps().get(p)[k], r.spikeNeurons().get(p)[k] + (p == 0 ? 0 : E)));
            }
        }
        actual.sort((a, b) -> a.get(0).equals(b.get(0)) ? a.get(1) - b.get(1) : a.get(0) - b.get(0));
        assertEquals(expected, actual, "spikes as [step, neuron]");
    }

    /** |Kaiming-normal| weights as the reference draws them: truncated at 2 sd, sd = sqrt(scale/fan-in)/0.8796. */
    private static double[][] weights(SplittableRandom random, int pre, int post, double scale) {
        double sd = Math.sqrt(scale / pre) / 0.8796;
        double[][] w = new double[pre][post];
        for (double[] row : w) {
            for (int j = 0; j < post; j++) {
                double x;
                do {
                    x = gaussian(random);
                } while (Math.abs(x) > 2);
                row[j] = Math.abs(x * sd);
            }
        }
        return w;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The reference step as the paper's code (Wang et al. 2024) takes it, for STEPS steps; spikes as [step, neuron]. */
    private static List<List<Integer>> reference(double[][] wIn, double[][] wE, double[][] wI, double[] tauA, boolean[][] input) {
        double[] v = new double[N];
        double[] ia = new double[N];
        double[] ge = new double[N];
        double[] gi = new double[N];
        List<List<Integer>> spikes = new ArrayList<>();
        for (int t = 0; t < STEPS; t++) {
            double[] z = new double[N];
            for (int k = 0; k < N; k++) {
                z[k] = v[k] - 1 >= 0 ? 1 : 0;
            }
            double[] addE = new double[N];
            double[] addI = new double[N];
            for (int c = 0; c < INPUTS; c++) {
                if (input[t][c]) {
                    for (int k = 0; k < N; k++) {
                        addE[k] += wIn[c][k];
                    }
                }
            }
            for (int p = 0; p < N; p++) {
                if (z[p] != 0) {
                    for (int k = 0; k < N; k++) {
                        if (p < E) {
                            addE[k] += wE[p][k];
                        } else {
                            addI[k] += wI[p - E][k];
                        }
                    }
                }
            }
            for (int k = 0; k < N; k++) {
                ge[k] = D_SYN * (ge[k] + addE[k]);
                gi[k] = D_SYN * (gi[k] + addI[k]);
                double vr = v[k] - z[k];
                ia[k] = Math.exp(-DT / tauA[k]) * (ia[k] - z[k]);
                double g = 1 + ge[k] + gi[k];
                v[k] = vr + (1 - Math.exp(-DT * g / 100)) * ((ia[k] + 3 * ge[k] - 3 * gi[k]) / g - vr);
                if (v[k] - 1 >= 0) {
                    spikes.add(List.of(t, k));
                }
            }
        }
        return spikes;
    }

    private static NetworkSpec engineNetwork(Path dir, double[][] wIn, double[][] wE, double[][] wI, double[] tauA,
                                             boolean[][] input) throws IOException {
        ModelSpec alif = ModelText.parse(String.join("\n",
                "model ei_alif",
                "state V = 0",
                "state Ia = 0",
                "param tau = 100 ms fixed",
                "param tau_a = 1000 ms fixed",
                "input I",
                "dIa/dt = -Ia/tau_a",
                "dV/dt = (-V + I + Ia)/tau",
                "spike (V - 1)/1 > 0",
                "reset V = V - 1",
                "reset Ia = Ia - 1",
                "integrator exp_euler",
                "update sequential"));
        NetworkBuilder b = NetworkBuilder.network("reference-ei").dt(DT).duration(STEPS * DT);
        b.population("E", E, "excitatory", alif).parameter("tau_a", ValueSpec.fromFile(values(dir, "tauE.txt", tauA, 0, E))).add();
        b.population("I", I, "inhibitory", alif).parameter("tau_a", ValueSpec.fromFile(values(dir, "tauI.txt", tauA, E, N))).add();
        List<List<Double>> spikes = new ArrayList<>();
        for (int t = 1; t < STEPS; t++) {
            for (int c = 0; c < INPUTS; c++) {
                if (input[t][c]) {
                    spikes.add(List.of((double) c, (t - 1) * DT));
                }
            }
        }
        b.source(new SourceSpec("input", "spike_times", INPUTS, null, null, spikes));
        for (String post : List.of("E", "I")) {
            int offset = post.equals("E") ? 0 : E;
            int size = post.equals("E") ? E : I;
            project(b, dir, "input", post, wIn, offset, size, 3, "e");
            project(b, dir, "E", post, wE, offset, size, 3, "e");
            project(b, dir, "I", post, wI, offset, size, -3, "i");
        }
        return b.build();
    }

    private static void project(NetworkBuilder b, Path dir, String pre, String post, double[][] w, int offset, int size,
                                double reversal, String receptor) throws IOException {
        StringBuilder csv = new StringBuilder("pre,post,weight\n");
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < size; j++) {
                csv.append(i).append(",").append(j).append(",").append(D_SYN * w[i][offset + j]).append('\n');
            }
        }
        Path file = dir.resolve(pre + "-" + post + ".csv");
        Files.writeString(file, csv);
        b.projection(pre, post).receptor(receptor).synapse("exp", Map.of("tau", 10.0)).conductance(reversal)
                .connectivity(new ConnectivitySpec("explicit", null, null, true, null, null, null, null, file.toString())).add();
    }

    private static String values(Path dir, String name, double[] all, int from, int to) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int k = from; k < to; k++) {
            s.append(all[k]).append('\n');
        }
        Files.writeString(dir.resolve(name), s);
        return dir.resolve(name).toString();
    }
}
