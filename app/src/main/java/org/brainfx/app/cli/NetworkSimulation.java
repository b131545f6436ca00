package org.brainfx.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.brainfx.app.charts.NetworkPictures;
import org.brainfx.engine.net.BuiltPopulation;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkResult;
import org.brainfx.engine.net.NetworkSimulator;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.RunOptions;

/**
 * {@code brainfx simulate NETWORK_PROJECT}: builds and runs a network project with a progress bar,
 * writes {@code spikes.csv} ({@code t_ms,population,neuron}), {@code rates.csv}, {@code raster.png}
 * and {@code rates.png}, and prints neurons, synapses, rates and CVs per population with the build
 * and run times.
 */
final class NetworkSimulation {
    static final String SPIKES_FILE = "spikes.csv";
    static final String RATES_FILE = "rates.csv";
    static final String RASTER_FILE = "raster.png";
    static final String RATES_PNG = "rates.png";
    private static final int WIDTH = 1200;

    private NetworkSimulation() {
    }

    /**
     * Neuron-steps from which a command runs the network on two threads by default. Below, one is faster
     * in a fresh JVM: the JIT compiler needs the second core while the kernels warm up (COBA-LIF, 4 000
     * neurons, 1 s: 0.68 s on one thread against 0.95 s on two from a cold start; 0.83 and 0.42 s warm).
     */
    static final double TWO_THREADS_FROM_NEURON_STEPS = 1e8;

    /** Runs the project; {@code duration}, {@code seed} and {@code threads} (null: chosen) override the project's when given. */
    static int run(PrintWriter out, PrintWriter err, Path projectPath, Double duration, Long seed, Integer threads, Path outDir)
            throws IOException {
        long start = System.nanoTime();
        NetworkProject project = NetworkProjectFiles.read(projectPath);
        NetworkSpec spec = project.network();
        if (seed != null) {
            spec = new NetworkSpec(spec.name(), spec.description(), spec.dt(), spec.duration(), seed, spec.populations(),
                    spec.sources(), spec.projections(), spec.currents(), spec.monitors());
        }
        if (duration != null && !(duration > 0 && Double.isFinite(duration))) {
            throw new IllegalArgumentException("--duration must be a positive number of ms, got " + duration);
        }
        Network net = NetworkFactory.build(spec, NetworkProjectFiles.baseDir(projectPath));
        double neuronSteps = (double) net.neuronCount() * (duration != null ? duration : spec.duration()) / spec.dt();
        int threadCount = threads != null ? threads
                : neuronSteps >= TWO_THREADS_FROM_NEURON_STEPS ? Math.min(2, Runtime.getRuntime().availableProcessors()) : 1;
        String name = project.name() != null && !project.name().isBlank() ? project.name() : spec.name();
        SimulationProgressBar bar = new SimulationProgressBar(err, ProgressBar.stderrIsTerminal(), "simulate " + name);
        NetworkResult result = NetworkSimulator.run(net, new RunOptions(duration, threadCount, bar::update, () -> false));
        bar.finish(String.format(Locale.ROOT, "%d steps in %.2f s", result.completedSteps(), result.runSeconds()));
        Path dir = outDir != null ? outDir : Path.of("out", name);
        Files.createDirectories(dir);
        List<NetworkPictures.PopulationSpikes> pops = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int p = 0; p < result.populations().size(); p++) {
            BuiltPopulation bp = net.populations().get(p);
            pops.add(new NetworkPictures.PopulationSpikes(bp.name(), bp.type(), bp.size(), result.spikeSteps().get(p),
                    result.spikeNeurons().get(p)));
            types.add(bp.type());
        }
        // The four files are independent: written side by side, the two PNG encodings and the spike
        // list's formatting take about half as long as one after the other.
        writeAll(List.of(
                () -> writeSpikes(result, dir.resolve(SPIKES_FILE)),
                () -> writeRates(result, dir.resolve(RATES_FILE)),
                () -> NetworkPictures.writePng(NetworkPictures.raster(name + " — spikes", pops, result.dt(),
                        result.completedSteps(), WIDTH, 700), dir.resolve(RASTER_FILE)),
                () -> NetworkPictures.writePng(NetworkPictures.rates(name + " — population rates (" + number(result.rateBinMs())
                        + " ms bins)", result.populations(), types, result.rates(), result.rateBinMs(), WIDTH, 400),
                        dir.resolve(RATES_PNG))));
        summary(out, net, result, List.of(dir.resolve(SPIKES_FILE), dir.resolve(RATES_FILE), dir.resolve(RASTER_FILE),
                dir.resolve(RATES_PNG)), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** A file to write. */
    @FunctionalInterface
    private interface FileWrite {
        void write() throws IOException;
    }

    /** Writes the files on as many threads as there are cores; the first failure is rethrown, naming its file. */
    private static void writeAll(List<FileWrite> writes) throws IOException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(writes.size(), Runtime.getRuntime().availableProcessors())));
        try {
            List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
            for (FileWrite w : writes) {
                pending.add(pool.submit(() -> {
                    w.write();
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : pending) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while writing the results", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void summary(PrintWriter out, Network net, NetworkResult r, List<Path> written, double totalSeconds) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"population", "type", "model", "neurons", "spikes", "rate (Hz)", "CV of ISIs"});
        for (int p = 0; p < r.populations().size(); p++) {
            BuiltPopulation bp = net.populations().get(p);
            double cv = r.meanCvIsi(bp.name());
            rows.add(new String[] {bp.name(), bp.type(), bp.model().name(), String.valueOf(bp.size()),
                    String.valueOf(r.spikeSteps().get(p).length), String.format(Locale.ROOT, "%.2f", r.meanRateHz(bp.name())),
                    Double.isNaN(cv) ? "—" : String.format(Locale.ROOT, "%.3f", cv)});
        }
        TextTable.print(out, rows, 3);
        out.printf(Locale.ROOT, "network    %s: %d neurons, %d synapses (%.1f MB, %.1f bytes each), dt %s ms, %s ms%n",
                net.spec().name(), net.neuronCount(), net.synapseCount(), net.synapseBytes() / 1e6,
                net.synapseCount() == 0 ? 0.0 : net.synapseBytes() / (double) net.synapseCount(), number(r.dt()),
                number(r.completedSteps() * r.dt()));
        out.printf(Locale.ROOT, "time       build %.3f s, run %.3f s (%.3f s of processor time, %d thread%s), total %.2f s%n",
                net.buildSeconds(), r.runSeconds(), r.cpuSeconds(), r.threads(), r.threads() == 1 ? "" : "s", totalSeconds);
        out.printf(Locale.ROOT, "wrote      %s%n", String.join(", ", written.stream().map(Path::toString).toList()));
        out.flush();
    }

    static void writeSpikes(NetworkResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("t_ms,population,neuron\n");
            int np = r.populations().size();
            int[] at = new int[np];
            StringBuilder line = new StringBuilder(48);
            // Merge the populations' time-ordered lists so the file is in time order.
            while (true) {
                int best = -1;
                for (int p = 0; p < np; p++) {
                    if (at[p] < r.spikeSteps().get(p).length
                            && (best < 0 || r.spikeSteps().get(p)[at[p]] < r.spikeSteps().get(best)[at[best]])) {
                        best = p;
                    }
                }
                if (best < 0) {
                    break;
                }
                line.setLength(0);
                line.append(time(r.spikeSteps().get(best)[at[best]], r.dt())).append(',').append(r.populations().get(best))
                        .append(',').append(r.spikeNeurons().get(best)[at[best]]).append('\n');
                w.append(line);
                at[best]++;
            }
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the spikes (" + e.getMessage() + ")", e);
        }
    }

    static void writeRates(NetworkResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("t_ms," + String.join(",", r.populations()) + "\n");
            int bins = r.rates().isEmpty() ? 0 : r.rates().get(0).length;
            for (int b = 0; b < bins; b++) {
                StringBuilder line = new StringBuilder(time(b, r.rateBinMs()));
                for (double[] rate : r.rates()) {
                    line.append(',').append(String.format(Locale.ROOT, "%.4f", rate[b]));
                }
                w.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the rates (" + e.getMessage() + ")", e);
        }
    }

    /** A step's time in ms without binary noise (0.30000000000000004 → 0.3). */
    static String time(int step, double dt) {
        double t = Math.round(step * dt * 1e6) / 1e6;
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : Double.toString(t);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
