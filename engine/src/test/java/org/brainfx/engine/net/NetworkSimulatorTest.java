package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.junit.jupiter.api.Test;

/** The network time loop: sources, delays, currents, monitors, listeners, threads, divergence. */
class NetworkSimulatorTest {
    /** A neuron whose voltage only integrates its input: V jumps show the synapses exactly. */
    static final ModelSpec INTEGRATOR = ModelText.parse(String.join("\n",
            "model integrator",
            "state V = 0 mV",
            "param tau = 1e9 ms fixed",
            "input I : mV",
            "dV/dt = (I - V)/tau",
            "spike V > 1000 mV",
            "reset V = 0 mV",
            "integrator exp_euler"));

    @Test
    void timedSpikesArriveAfterTheirDelayAsVoltageJumps() {
        NetworkSpec spec = NetworkBuilder.network("delays").dt(0.1).duration(5)
                .population("P", 2, "other", INTEGRATOR).add()
                .source(new SourceSpec("S", "spike_times", 1, null, null, List.of(List.of(0.0, 1.0))))
                .projection("S", "P").synapse("delta", Map.of()).connectivity(ConnectivitySpec.allToAll(true))
                .weights(ValueSpec.constant(2)).delays(ValueSpec.constant(0.5)).add()
                .monitor(MonitorSpec.states("P", List.of("V"), List.of(0)))
                .build();
        NetworkResult r = NetworkSimulator.run(NetworkFactory.build(spec, null), RunOptions.defaults());
        double[] v = r.traces().get("P").values()[0][0];
        // The spike at 1.0 ms (step 10) with a 0.5 ms delay is delivered at step 15, after that step's update.
        assertEquals(0.0, v[14], 0.0);
        assertEquals(2.0, v[15], 1e-12);
        assertEquals(2.0, v[40], 1e-6);
    }

    @Test
    void gapJunctionsPullCoupledVoltagesTogetherAndConserveTheirSum() {
        ModelSpec capacitor = ModelText.parse(String.join("\n", "model capacitor", "state V = 0 mV", "param c = 1 ms fixed",
                "input I : mV", "dV/dt = I/c", "integrator euler"));
        NetworkSpec spec = NetworkBuilder.network("gap").dt(0.1).duration(20)
                .population("A", 1, "other", capacitor).initial("V", ValueSpec.constant(10)).add()
                .population("B", 1, "other", capacitor).add()
                .projection("A", "B").synapse("gap_junction", Map.of()).connectivity(ConnectivitySpec.oneToOne())
                .weights(ValueSpec.constant(0.25)).add()
                .monitor(MonitorSpec.states("A", List.of("V"), List.of(0))).monitor(MonitorSpec.states("B", List.of("V"), List.of(0)))
                .build();
        NetworkResult r = NetworkSimulator.run(NetworkFactory.build(spec, null), RunOptions.defaults());
        double[] a = r.traces().get("A").values()[0][0];
        double[] b = r.traces().get("B").values()[0][0];
        for (int t = 0; t < a.length; t++) {
            assertEquals(10.0, a[t] + b[t], 1e-9, "charge conserved at step " + t);
        }
        // Euler: the difference shrinks by 1 − 2·g·dt/c = 0.95 a step.
        assertEquals(10 * Math.pow(0.95, 100), a[99] - b[99], 1e-9);
    }

    @Test
    void tsodyksMarkramSynapsesDepressAndFacilitateAsTheirRecurrenceSays() {
        List<List<Double>> train = new java.util.ArrayList<>();
        for (int k = 0; k < 10; k++) {
            train.add(List.of(0.0, 5.0 + 20.0 * k));
        }
        for (int delayed = 0; delayed <= 1; delayed++) {
            NetworkBuilder.ProjectionBuilder p = NetworkBuilder.network("stp").dt(0.1).duration(250)
                    .population("P", 1, "other", INTEGRATOR).add()
                    .source(new SourceSpec("S", "spike_times", 1, null, null, train))
                    .projection("S", "P").synapse("delta", Map.of()).connectivity(ConnectivitySpec.allToAll(true))
                    .weights(ValueSpec.constant(1)).plasticity(PlasticitySpec.tsodyksMarkram(0.2, 200, 50));
            if (delayed == 1) {
                p.delays(ValueSpec.uniform(1, 1.0001));
            }
            NetworkSpec spec = p.add().monitor(MonitorSpec.states("P", List.of("V"), List.of(0))).build();
            double[] v = NetworkSimulator.run(NetworkFactory.build(spec, null), RunOptions.defaults()).traces().get("P").values()[0][0];
            double u = 0;
            double x = 1;
            double expected = 0;
            for (int k = 0; k < 10; k++) {
                if (k > 0) {
                    u *= Math.exp(-20.0 / 200);
                    x = 1 + (x - 1) * Math.exp(-20.0 / 50);
                }
                u += 0.2 * (1 - u);
                expected += u * x;
                x -= u * x;
                int arrival = 50 + 200 * k + 10 * delayed;
                assertEquals(expected, v[arrival + 5], 1e-5, "after spike " + k + (delayed == 1 ? " (delayed)" : ""));
            }
        }
    }

    @Test
    void poissonSourcesFireAtTheirRate() {
        NetworkSpec spec = NetworkBuilder.network("poisson").dt(0.1).duration(1000).seed(3)
                .population("P", 1, "other", INTEGRATOR).add()
                .source(SourceSpec.poisson("S", 1000, 20))
                .projection("S", "P").synapse("delta", Map.of()).connectivity(ConnectivitySpec.allToAll(true))
                .weights(ValueSpec.constant(0.001)).add()
                .monitor(MonitorSpec.states("P", List.of("V"), List.of(0)))
                .build();
        NetworkResult r = NetworkSimulator.run(NetworkFactory.build(spec, null), RunOptions.defaults());
        double[] v = r.traces().get("P").values()[0][0];
        double spikes = v[v.length - 1] / 0.001;
        // 1000 generators × 20 Hz × 1 s = 20 000 spikes, sd ≈ 141.
        assertEquals(20_000, spikes, 5 * 141, "Poisson spikes delivered");
    }

    @Test
    void fastPoissonSourcesFireSeveralTimesInAStepWithPoissonCounts() {
        NetworkSpec spec = NetworkBuilder.network("fast").dt(0.1).duration(100).seed(4)
                .population("P", 200, "other", INTEGRATOR).add()
                .source(SourceSpec.poisson("S", 200, 20_000))
                .projection("S", "P").synapse("delta", Map.of()).connectivity(ConnectivitySpec.oneToOne())
                .weights(ValueSpec.constant(0.01)).add()
                .monitor(MonitorSpec.states("P", List.of("V"), java.util.stream.IntStream.range(0, 200).boxed().toList()))
                .build();
        NetworkResult r = NetworkSimulator.run(NetworkFactory.build(spec, null), RunOptions.defaults());
        double[][] v = r.traces().get("P").values()[0];
        double mean = 0;
        double sq = 0;
        for (double[] neuron : v) {
            double count = neuron[neuron.length - 1] / 0.01;
            mean += count / v.length;
            sq += count * count / v.length;
        }
        // 20 kHz for 100 ms: 2 000 spikes per generator, Poisson: variance 2 000.
        assertEquals(2000, mean, 5 * Math.sqrt(2000.0 / 200), "mean count");
        assertEquals(2000, sq - mean * mean, 0.3 * 2000, "variance of the counts");
    }

    @Test
    void stepRampAndOrnsteinUhlenbeckCurrentsDriveTheirNeurons() {
        ModelSpec follower = ModelText.parse(String.join("\n", "model follower", "state V = 0 mV", "param tau = 0.1 ms fixed",
                "input I : mV", "dV/dt = (I - V)/tau", "integrator exp_euler"));
        NetworkSpec spec = NetworkBuilder.network("currents").dt(0.1).duration(2000).seed(5)
                .population("P", 3, "other", follower).add()
                .current(new CurrentSpec("P", null, "step", 5.0, 10.0, 20.0, null, null, null, List.of(0)))
                .current(new CurrentSpec("P", null, "ramp", 10.0, 0.0, 100.0, null, null, null, List.of(1)))
                .current(new CurrentSpec("P", null, "ou", null, null, null, 2.0, 3.0, 10.0, List.of(2)))
                .monitor(MonitorSpec.states("P", List.of("V"), List.of(0, 1, 2)))
                .build();
        NetworkResult r = NetworkSimulator.run(NetworkFactory.build(spec, null), RunOptions.defaults());
        double[][] v = r.traces().get("P").values()[0];
        assertEquals(0.0, v[0][50], 1e-12, "no step before 10 ms");
        assertEquals(5.0, v[0][150], 1e-3, "the step's amplitude during 10-20 ms");
        assertEquals(0.0, v[0][400], 1e-3, "nothing after 20 ms");
        assertEquals(5.0, v[1][500], 0.05, "ramp half way at 50 ms");
        double mean = 0;
        double sq = 0;
        for (double x : v[2]) {
            mean += x / v[2].length;
            sq += x * x / v[2].length;
        }
        assertEquals(2.0, mean, 0.5, "OU mean");
        assertEquals(3.0, Math.sqrt(sq - mean * mean), 0.6, "OU sd");
    }

    @Test
    void whiteNoiseCurrentsDrawAnIndependentValueEveryStepInsideTheirWindow() {
        // With forward Euler and tau = dt, V after a step equals that step's input exactly.
        ModelSpec copier = ModelText.parse(String.join("\n", "model copier", "state V = 0 mV", "param tau = 0.1 ms fixed",
                "input I : mV", "dV/dt = (I - V)/tau", "integrator euler"));
        NetworkSpec spec = NetworkBuilder.network("white").dt(0.1).duration(1000).seed(3)
                .population("P", 2, "other", copier).add()
                .current(new CurrentSpec("P", null, "white", null, null, null, 14.2, 4.0, null, List.of(0)))
                .current(new CurrentSpec("P", null, "white", null, 100.0, 200.0, 1.0, 0.0, null, List.of(1)))
                .monitor(MonitorSpec.states("P", List.of("V"), List.of(0, 1)))
                .build();
        double[][] v = NetworkSimulator.run(NetworkFactory.build(spec, null), RunOptions.defaults()).traces().get("P").values()[0];
        double mean = 0;
        double sq = 0;
        double lag = 0;
        int n = v[0].length;
        for (int k = 0; k < n; k++) {
            mean += v[0][k] / n;
            sq += v[0][k] * v[0][k] / n;
        }
        double var = sq - mean * mean;
        for (int k = 1; k < n; k++) {
            lag += (v[0][k] - mean) * (v[0][k - 1] - mean) / (n - 1) / var;
        }
        assertEquals(14.2, mean, 0.15, "white noise mean");
        assertEquals(4.0, Math.sqrt(var), 0.15, "white noise sd");
        assertEquals(0.0, lag, 0.05, "successive steps independent");
        assertEquals(0.0, v[1][500], 1e-12, "nothing before start");
        assertEquals(1.0, v[1][1500], 1e-12, "the mean inside the window");
        assertEquals(0.0, v[1][2500], 1e-12, "nothing after stop");
        String message = assertThrows(NetworkException.class, () -> NetworkFactory.build(NetworkBuilder.network("bad")
                .population("P", 1, "other", copier).add()
                .current(new CurrentSpec("P", null, "white", null, null, null, 0.0, -1.0, null, null)).build(), null)).getMessage();
        assertTrue(message.contains("white noise needs sigma >= 0"), message);
    }

    @Test
    void twoThreadsGiveTheSameSpikesAsOne() {
        NetworkSpec spec = BenchmarkNetworks.coba(8000, 2);
        assertOneAndTwoThreadsAgree(NetworkFactory.build(spec, null), 100.0);
    }

    private static void assertOneAndTwoThreadsAgree(Network net, double durationMs) {
        NetworkResult one = NetworkSimulator.run(net, RunOptions.defaults().withDuration(durationMs));
        NetworkResult two = NetworkSimulator.run(net, RunOptions.defaults().withDuration(durationMs).withThreads(2));
        assertEquals(2, two.threads());
        assertTrue(one.spikeCount() > 1000, "the network fires: " + one.spikeCount());
        for (int p = 0; p < net.populations().size(); p++) {
            assertArrayEquals(one.spikeSteps().get(p), two.spikeSteps().get(p));
            assertArrayEquals(one.spikeNeurons().get(p), two.spikeNeurons().get(p));
        }
    }

    /** Delays per synapse, short-term plasticity and jumps dropped on refractory neurons, delivered by halves. */
    @Test
    void twoThreadsDeliverDelaysPlasticityAndDroppedJumpsAsOne() {
        NetworkSpec cuba = BenchmarkNetworks.cuba(4000, 3);
        List<ProjectionSpec> changed = new ArrayList<>();
        for (ProjectionSpec p : cuba.projections()) {
            boolean fromE = p.pre().equals("E");
            changed.add(new ProjectionSpec(p.name(), p.pre(), p.post(), fromE ? p.synapse() : "delta",
                    fromE ? p.synapseParameters() : Map.of(), p.output(), p.reversal(), p.receptor(), p.target(),
                    p.connectivity(), fromE ? p.weights() : ValueSpec.constant(0.5),
                    fromE ? ValueSpec.uniform(0.1, 3.0) : null, p.sign(), p.trainable(),
                    fromE && p.post().equals("I") ? PlasticitySpec.tsodyksMarkram(0.2, 50.0, 200.0) : null));
        }
        NetworkSpec spec = new NetworkSpec(cuba.name(), cuba.description(), cuba.dt(), cuba.duration(),
                cuba.seed(), cuba.populations(), cuba.sources(), changed, cuba.currents(), cuba.monitors());
        Network net = NetworkFactory.build(spec, null);
        assertTrue(net.projections().stream().anyMatch(p -> p.rows().delaySteps() != null && p.plasticity() != null));
        assertTrue(net.projections().stream().anyMatch(BuiltProjection::unlessRefractory));
        assertOneAndTwoThreadsAgree(net, 200.0);
    }

    @Test
    void listenerSeesEverySpikeAndCancelStopsEarly() {
        Network net = NetworkFactory.build(BenchmarkNetworks.cuba(4000, 1), null);
        AtomicLong seen = new AtomicLong();
        List<Integer> steps = new ArrayList<>();
        NetworkResult r = NetworkSimulator.run(net, RunOptions.defaults().withDuration(300.0).withListener(p -> {
            steps.add(p.step());
            p.spikeSteps().forEach(a -> seen.addAndGet(a.length));
        }));
        assertEquals(r.spikeCount(), seen.get(), "the listener got every spike once");
        assertEquals(r.completedSteps(), steps.get(steps.size() - 1), "the last snapshot is the end");
        NetworkResult cancelled = NetworkSimulator.run(net, RunOptions.defaults().withDuration(100_000.0).withCancel(() -> true));
        assertTrue(cancelled.completedSteps() < cancelled.steps(), "cancel stops the run: " + cancelled.completedSteps());
    }

    @Test
    void divergenceIsReportedWithPopulationNeuronStateAndTime() {
        ModelSpec unstable = ModelText.parse(String.join("\n", "model unstable", "state V = 1 mV", "param tau = 1 ms fixed",
                "input I : mV", "dV/dt = V/tau", "integrator euler"));
        NetworkSpec spec = NetworkBuilder.network("blowup").dt(0.1).duration(1000)
                .population("P", 4, "other", unstable).add().build();
        NetworkException e = assertThrows(NetworkException.class,
                () -> NetworkSimulator.run(NetworkFactory.build(spec, null), RunOptions.defaults()));
        assertTrue(e.getMessage().contains("population 'P', neuron 0: state 'V' became"), e.getMessage());
        assertTrue(e.getMessage().contains("ms)"), e.getMessage());
    }

    @Test
    void ratesAndCvAreComputedFromTheSpikes() {
        NetworkResult r = NetworkSimulator.run(NetworkFactory.build(BenchmarkNetworks.cuba(4000, 1), null),
                RunOptions.defaults().withDuration(200.0));
        double[] binned = r.rates().get(0);
        double mean = 0;
        for (double hz : binned) {
            mean += hz / binned.length;
        }
        assertEquals(r.meanRateHz("E"), mean, 1e-9, "binned rates average to the mean rate");
        assertTrue(r.meanCvIsi("E") > 0 && r.meanCvIsi("E") < 3, "CV " + r.meanCvIsi("E"));
    }
}
