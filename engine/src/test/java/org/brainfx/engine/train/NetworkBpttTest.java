package org.brainfx.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.net.BenchmarkNetworks;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkBuilder;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkResult;
import org.brainfx.engine.net.NetworkSimulator;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.RunOptions;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.ValueSpec;
import org.junit.jupiter.api.Test;

/**
 * The network's reverse pass — neuron kernels with spikes, synaptic propagation, delays, conductance
 * and current receptors, gap junctions, a Poisson source — against central finite differences of the same loss
 * on a small network with smooth spikes (σ(α·x) forward, so the surrogate gradient is exact).
 */
class NetworkBpttTest {
    private static final ModelSpec NEURON = ModelText.parse(String.join("\n",
            "model lifs",
            "state V = -60 mV",
            "param tau = 10 ms in [1, 100]",
            "param bias = 14 mV fixed",
            "input I : mV",
            "dV/dt = (-60 mV - V + bias + I)/tau",
            "spike V > -52 mV",
            "reset V = -65 mV",
            "surrogate sigmoid alpha=1",
            "integrator exp_euler"));
    private static final int STEPS = 60;

    static NetworkSpec smallNetwork() {
        return NetworkBuilder.network("small").dt(0.1).duration(STEPS * 0.1).seed(11)
                .population("E", 6, "excitatory", NEURON).initial("V", ValueSpec.uniform(-60, -50))
                .parameter("tau", ValueSpec.uniform(8, 12)).add()
                .population("I", 3, "inhibitory", NEURON).initial("V", ValueSpec.uniform(-60, -50)).add()
                .source(SourceSpec.poisson("S", 5, 400))
                .projection("S", "E").receptor("in").conductance(0).synapse("exp", Map.of("tau", 2.0))
                .connectivity(ConnectivitySpec.fixedProbability(0.6)).weights(ValueSpec.uniform(0.05, 0.2)).add()
                .projection("E", "E").conductance(0).synapse("exp", Map.of("tau", 3.0))
                .connectivity(ConnectivitySpec.fixedProbability(0.5)).weights(ValueSpec.uniform(0.1, 0.4))
                .delays(ValueSpec.uniform(0, 0.4)).add()
                .projection("E", "I").synapse("alpha", Map.of("tau", 2.0))
                .connectivity(ConnectivitySpec.allToAll(false)).weights(ValueSpec.uniform(0.5, 1.5)).add()
                .projection("I", "E").synapse("exp", Map.of("tau", 4.0))
                .connectivity(ConnectivitySpec.allToAll(false)).weights(ValueSpec.uniform(1, 3)).delays(ValueSpec.constant(0.2)).add()
                .projection("E", "I").name("gap").synapse("gap_junction", Map.of())
                .connectivity(ConnectivitySpec.fixedProbability(0.5)).weights(ValueSpec.uniform(0.05, 0.2)).add()
                .build();
    }

    /** Squared distance of V from −55 mV plus a cost per spike: reaches both the states and the spikes. */
    static final NetworkLoss LOSS = new NetworkLoss() {
        @Override
        public double forward(int step, int population, double[][] state, double[] spike) {
            double sum = 0;
            for (int i = 0; i < spike.length; i++) {
                double d = state[0][i] + 55;
                sum += 0.01 * d * d + 0.5 * spike[i];
            }
            return sum;
        }

        @Override
        public void backward(int step, int population, double[][] state, double[] spike, double[][] adjState, double[] adjSpike) {
            for (int i = 0; i < spike.length; i++) {
                adjState[0][i] += 0.02 * (state[0][i] + 55);
                adjSpike[i] += 0.5;
            }
        }
    };

    @Test
    void gradientMatchesCentralDifferences() {
        Network net = NetworkFactory.buildSmooth(smallNetwork(), null);
        NetworkBptt bptt = new NetworkBptt(net, STEPS);
        double[][] w = NetworkBptt.weightsOf(net);
        NetworkGradient g = bptt.gradient(w, LOSS);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int k = 0; k < w.length; k++) {
            for (int s = 0; s < w[k].length; s += Math.max(1, w[k].length / 4)) {
                int proj = k;
                int syn = s;
                double fd = central(x -> {
                    double old = w[proj][syn];
                    w[proj][syn] = x;
                    double l = bptt.loss(w, LOSS);
                    w[proj][syn] = old;
                    return l;
                }, w[k][s]);
                checked += compare("weight " + net.projections().get(k).name() + "[" + s + "]", g.weights().get(k)[s], fd, failures);
            }
        }
        for (int p = 0; p < 2; p++) {
            var pop = net.populations().get(p);
            for (String name : List.of("tau", "tau_e", "tau_i", "E_e")) {
                int idx = pop.model().checked().parameterIndex(name);
                if (idx < 0) {
                    continue;
                }
                double[] values = pop.parameters()[idx];
                double fd = central(x -> {
                    double old = values[1];
                    values[1] = x;
                    double l = bptt.loss(w, LOSS);
                    values[1] = old;
                    return l;
                }, values[1]);
                checked += compare(pop.name() + "." + name + "[1]", g.parameters().get(p)[idx][1], fd, failures);
            }
            double[] v0 = pop.initial()[pop.voltage()];
            double fd = central(x -> {
                double old = v0[2];
                v0[2] = x;
                double l = bptt.loss(w, LOSS);
                v0[2] = old;
                return l;
            }, v0[2]);
            checked += compare(pop.name() + ".V(0)[2]", g.initial().get(p)[pop.voltage()][2], fd, failures);
        }
        assertTrue(checked >= 20, "checked " + checked + " derivatives");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void forwardPassSpikesAsTheSimulatorDoes() {
        Network net = NetworkFactory.build(BenchmarkNetworks.coba(400, 3), null);
        int steps = 500;
        NetworkResult sim = NetworkSimulator.run(net, RunOptions.defaults().withDuration(steps * 0.1));
        List<List<Integer>> spikes = new ArrayList<>();
        new NetworkBptt(net, steps).loss(NetworkBptt.weightsOf(net), new NetworkLoss() {
            @Override
            public double forward(int step, int population, double[][] state, double[] spike) {
                for (int i = 0; i < spike.length; i++) {
                    if (spike[i] != 0) {
                        spikes.add(List.of(population, step, i));
                    }
                }
                return 0;
            }

            @Override
            public void backward(int step, int population, double[][] state, double[] spike, double[][] a, double[] b) {
            }
        });
        List<List<Integer>> expected = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            for (int k = 0; k < sim.spikeSteps().get(p).length; k++) {
                expected.add(List.of(p, sim.spikeSteps().get(p)[k], sim.spikeNeurons().get(p)[k]));
            }
        }
        expected.sort((a, b) -> a.get(1).equals(b.get(1)) ? a.get(0).equals(b.get(0)) ? a.get(2) - b.get(2) : a.get(0) - b.get(0)
                : a.get(1) - b.get(1));
        spikes.sort((a, b) -> a.get(1).equals(b.get(1)) ? a.get(0).equals(b.get(0)) ? a.get(2) - b.get(2) : a.get(0) - b.get(0)
                : a.get(1) - b.get(1));
        assertTrue(expected.size() > 50, "the network fires: " + expected.size());
        assertEquals(expected, spikes);
    }

    private static double central(java.util.function.DoubleUnaryOperator f, double x) {
        double h = 1e-5 * Math.max(1, Math.abs(x));
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    private static int compare(String what, double analytic, double fd, List<String> failures) {
        double error = Math.abs(analytic - fd) / Math.max(1e-6, Math.max(Math.abs(analytic), Math.abs(fd)));
        if (error > 1e-5) {
            failures.add(what + ": reverse " + analytic + ", finite differences " + fd + " (relative error " + error + ")");
        }
        return 1;
    }
}
