package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.junit.jupiter.api.Test;

/** Pausing, resuming, stopping a paused run, and pacing a run: none of them changes what is simulated. */
class NetworkPauseTest {
    private static final ModelSpec LIF = ModelText.parse(String.join("\n",
            "model lif", "state V = 0 mV", "param tau = 20 ms fixed", "input I : mV",
            "dV/dt = (-V + I)/tau", "spike V > 20 mV", "reset V = 10 mV", "refractory 2 ms", "integrator exp_euler"));

    /** A small driven E/I network that fires throughout. */
    static NetworkSpec smallEi(double durationMs) {
        return NetworkBuilder.network("ei").dt(0.1).duration(durationMs).seed(7)
                .population("E", 80, "excitatory", LIF).initial("V", ValueSpec.uniform(0, 20)).add()
                .population("I", 20, "inhibitory", LIF).initial("V", ValueSpec.uniform(0, 20)).add()
                .source(SourceSpec.poisson("ext", 100, 8000))
                .projection("ext", "E").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedInDegree(1))
                .weights(ValueSpec.constant(0.3)).add()
                .projection("ext", "I").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedInDegree(1))
                .weights(ValueSpec.constant(0.3)).add()
                .projection("E", "E").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedProbability(0.1))
                .weights(ValueSpec.constant(0.2)).delays(ValueSpec.constant(1.5)).add()
                .projection("I", "E").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedProbability(0.1))
                .weights(ValueSpec.constant(0.8)).delays(ValueSpec.constant(1.5)).add()
                .monitor(MonitorSpec.spikes())
                .build();
    }

    @Test
    void aPausedRunWaitsWithoutSpinningAndResumesToTheSameSpikes() throws Exception {
        Network net = NetworkFactory.build(smallEi(300), null);
        NetworkResult unpaused = NetworkSimulator.run(net, RunOptions.defaults());
        assertTrue(unpaused.spikeCount() > 100, "the network fires: " + unpaused.spikeCount());

        PauseGate gate = new PauseGate();
        gate.pause();
        AtomicInteger lastStep = new AtomicInteger();
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<NetworkResult> run = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            return NetworkSimulator.run(net, RunOptions.defaults().withPause(gate).withListener(p -> lastStep.set(p.step())));
        });
        waitFor(() -> lastStep.get() == NetworkSimulator.CHECKPOINT_STEPS && runner.get().getState() == Thread.State.WAITING, "the run to wait at its first checkpoint");
        long cpuBefore = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(runner.get().getId());
        Thread.sleep(200);
        long cpuAfter = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(runner.get().getId());
        assertEquals(NetworkSimulator.CHECKPOINT_STEPS, lastStep.get(), "no step while paused");
        assertTrue(cpuAfter - cpuBefore < 20_000_000L, "a paused run uses no processor: " + (cpuAfter - cpuBefore) / 1e6 + " ms");
        assertFalse(run.isDone());

        gate.resume();
        NetworkResult resumed = run.get(30, TimeUnit.SECONDS);
        assertEquals(unpaused.steps(), resumed.completedSteps());
        for (int p = 0; p < 2; p++) {
            assertArrayEquals(unpaused.spikeSteps().get(p), resumed.spikeSteps().get(p));
            assertArrayEquals(unpaused.spikeNeurons().get(p), resumed.spikeNeurons().get(p));
        }
    }

    @Test
    void stoppingAPausedRunEndsItAtThePause() throws Exception {
        Network net = NetworkFactory.build(smallEi(300), null);
        PauseGate gate = new PauseGate();
        gate.pause();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger lastStep = new AtomicInteger();
        CompletableFuture<NetworkResult> run = CompletableFuture.supplyAsync(() -> NetworkSimulator.run(net,
                RunOptions.defaults().withPause(gate).withCancel(stop::get).withListener(p -> lastStep.set(p.step()))));
        waitFor(() -> lastStep.get() == NetworkSimulator.CHECKPOINT_STEPS, "the run to pause");
        stop.set(true);
        gate.resume();
        NetworkResult r = run.get(30, TimeUnit.SECONDS);
        assertEquals(NetworkSimulator.CHECKPOINT_STEPS, r.completedSteps());
    }

    @Test
    void aPacedRunTakesAtLeastItsSimulatedTimeOverThePaceAndSimulatesTheSame() {
        Network net = NetworkFactory.build(smallEi(200), null);
        NetworkResult fast = NetworkSimulator.run(net, RunOptions.defaults());
        long t0 = System.nanoTime();
        // 200 ms simulated at 1 000 ms a second: no less than 0.2 s (less the last checkpoint's steps).
        NetworkResult paced = NetworkSimulator.run(net, RunOptions.defaults().withPace(1000));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds >= 0.19, "paced run took " + seconds + " s");
        assertArrayEquals(fast.spikeSteps().get(0), paced.spikeSteps().get(0));
    }

    @Test
    void aPacedRunThatFellBehindDoesNotRaceToCatchUp() {
        Network net = NetworkFactory.build(smallEi(400), null);
        AtomicBoolean stalled = new AtomicBoolean();
        // A stall the pace does not see as a pause: the listener holds the simulating thread for 300 ms once.
        NetworkListener stallOnce = p -> {
            if (p.step() > 1000 && stalled.compareAndSet(false, true)) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        long t0 = System.nanoTime();
        NetworkSimulator.run(net, RunOptions.defaults().withPace(1000).withListener(stallOnce));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(stalled.get());
        // Racing to make up for the stall would end at 0.4 s; at most real time after it, at 0.7 s.
        assertTrue(seconds >= 0.68, "the run after the stall kept the pace: " + seconds + " s");
    }

    @Test
    void perNeuronRatesAndCvsAgreeWithThePopulationMeans() {
        NetworkResult r = NetworkSimulator.run(NetworkFactory.build(smallEi(500), null), RunOptions.defaults());
        double[] rates = r.neuronRatesHz("E");
        assertEquals(80, rates.length);
        assertEquals(r.meanRateHz("E"), java.util.Arrays.stream(rates).average().orElseThrow(), 1e-9);
        double[] cvs = r.neuronCvIsi("E");
        assertEquals(r.meanCvIsi("E"), java.util.Arrays.stream(cvs).filter(c -> !Double.isNaN(c)).average().orElseThrow(), 1e-12);
    }

    @Test
    void aNegativePaceIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RunOptions.defaults().withPace(-1));
        assertTrue(e.getMessage().contains("pace"), e.getMessage());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
