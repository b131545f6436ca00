package org.brainfx.engine.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.brainfx.engine.net.BenchmarkNetworks;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkResult;
import org.brainfx.engine.net.NetworkSimulator;
import org.brainfx.engine.net.RunOptions;

/**
 * Times the standard network benchmarks ({@link BenchmarkNetworks}): building (model compilation and
 * synapse generation, the first build of a JVM) and running (the time loop alone after a short
 * warm-up run, best of a few runs, in wall and processor time), with the rates they give, so that runs
 * can be compared with a peer simulator's on the same networks.
 */
public final class NetworkBenchmark {
    private final int repeats;
    private final double durationMs;

    /** A benchmark that keeps the best of {@code repeats} runs of {@code durationMs} ms. */
    public NetworkBenchmark(int repeats, double durationMs) {
        this.repeats = Math.max(1, repeats);
        this.durationMs = durationMs;
    }

    /** One measured network: what {@code bench --networks --json} writes per entry. */
    public record Measurement(String name, int neurons, long synapses, int threads, double buildSeconds, double runSeconds,
                              double cpuSeconds, Map<String, Double> meanRateHz, Map<String, Double> cvIsi,
                              double bytesPerSynapse) { }

    /** Builds and runs one benchmark network; {@code log} hears what is being done. */
    public Measurement measure(String name, int neurons, int threads, long seed, Consumer<String> log) {
        log.accept(name + " " + neurons + " neurons, " + threads + " thread" + (threads == 1 ? "" : "s") + ": building");
        Network net = NetworkFactory.build(BenchmarkNetworks.of(name, neurons, seed), null);
        // The time loop is what is measured: its SIMD steps compiled, as in any run long enough to warm them.
        try {
            NetworkSimulator.warmUpSimd(net);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted while warming up", e);
        }
        NetworkSimulator.run(net, RunOptions.defaults().withThreads(threads).withDuration(Math.min(durationMs, 200.0)));
        NetworkResult best = null;
        for (int r = 0; r < repeats; r++) {
            NetworkResult run = NetworkSimulator.run(net, RunOptions.defaults().withThreads(threads).withDuration(durationMs));
            log.accept(String.format(java.util.Locale.ROOT, "%s %d neurons, %d thread%s: run %d of %d %.3f s (CPU %.3f s)", name,
                    neurons, threads, threads == 1 ? "" : "s", r + 1, repeats, run.runSeconds(), run.cpuSeconds()));
            if (best == null || run.runSeconds() < best.runSeconds()) {
                best = run;
            }
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, Double> cvs = new LinkedHashMap<>();
        for (String p : best.populations()) {
            rates.put(p, best.meanRateHz(p));
            double cv = best.meanCvIsi(p);
            cvs.put(p, Double.isNaN(cv) ? null : cv);
        }
        return new Measurement(name, net.neuronCount(), net.synapseCount(), best.threads(), net.buildSeconds(), best.runSeconds(),
                best.cpuSeconds(), rates, cvs, net.synapseCount() == 0 ? 0 : net.synapseBytes() / (double) net.synapseCount());
    }
}
