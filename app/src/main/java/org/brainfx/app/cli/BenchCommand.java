package org.brainfx.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.brainfx.engine.bench.BenchReport;
import org.brainfx.engine.bench.KernelBenchmark;
import org.brainfx.engine.data.RowTraceCsv;
import org.brainfx.engine.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code brainfx bench}: measures the compiled kernels (forward and forward+backward) of every
 * built-in model, the hand-written HH loop, and the reference's five-trace HH simulation beside
 * Brian2 in the same run, and prints the speeds and their ratios.
 */
@Command(name = "bench",
        description = {
                "Measure kernel speed (lane-steps per second) of every built-in model at 1, 100 and 10 000 lanes,"
                        + " against a hand-written HH loop and Brian2 on the five reference HH traces.",
                "Takes one to two minutes (--quick: seconds); progress goes to stderr.",
        })
public final class BenchCommand implements Callable<Integer> {
    static final int[] LANE_COUNTS = {1, 100, 10_000};
    static final String HH_TRACES = "sample-projects/data/hh-traces/input_traces_hh.csv";
    private static final long LANE_STEPS_PER_RUN = 2_000_000;
    private static final int REPETITIONS = 5;
    private static final long QUICK_LANE_STEPS_PER_RUN = 200_000;
    private static final int QUICK_REPETITIONS = 3;
    private static final int BRIAN2_REPEATS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the measurements as JSON.")
    private Path json;

    @Option(names = "--quick", description = "Shorter runs: rougher numbers in a few seconds.")
    private boolean quick;

    @Option(names = "--no-peers", description = "Skip the Brian2 measurement.")
    private boolean noPeers;

    @Option(names = "--networks", description = "Measure the network benchmarks of Brette et al. (2007) instead:"
            + " COBA-LIF, CUBA-LIF and COBA-HH, 1 s each (--quick: 100 ms).")
    private boolean networks;

    @Option(names = "--peers", split = ",", paramLabel = "PEER",
            description = "With --networks: peers to run on the same networks in the same command (brian2).")
    private List<String> peers = List.of();

    @Option(names = "--network", split = ",", paramLabel = "NAME",
            description = "With --networks: which benchmarks (default: coba,cuba,cobahh).")
    private List<String> networkNames = List.of("coba", "cuba", "cobahh");

    @Option(names = "--sizes", split = ",", paramLabel = "N",
            description = "With --networks: network sizes in neurons (default: 4000,40000).")
    private List<Integer> sizes = List.of(4000, 40_000);

    @Option(names = "--threads", split = ",", paramLabel = "N",
            description = "With --networks: thread counts to measure (default: 1,2).")
    private List<Integer> threadCounts = List.of(1, 2);

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (networks) {
            for (String peer : peers) {
                if (!peer.equals("brian2")) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--peers: unknown peer '" + peer
                            + "'; networks are compared with brian2");
                }
            }
            return NetworkBench.run(spec.commandLine().getOut(), err, networkNames, sizes, threadCounts,
                    peers.contains("brian2") && !noPeers, quick, json);
        }
        Path traces = hhTraces();
        double[][] inputNa = RowTraceCsv.read(traces, 1e9, true);
        KernelBenchmark benchmark = quick
                ? new KernelBenchmark(QUICK_LANE_STEPS_PER_RUN, QUICK_REPETITIONS)
                : new KernelBenchmark(LANE_STEPS_PER_RUN, REPETITIONS);
        BenchReport measured = benchmark.run(LANE_COUNTS, inputNa, line -> {
            err.println("bench: " + line);
            err.flush();
        });
        Brian2Peer.Outcome brian2;
        if (noPeers) {
            brian2 = new Brian2Peer.Outcome(null, "not measured (--no-peers)");
        } else {
            err.println("bench: Brian2 (cython) on the five HH traces; the first run compiles …");
            err.flush();
            brian2 = Brian2Peer.measure(traces, BRIAN2_REPEATS);
            err.println("bench: Brian2: " + (brian2.medianMillis() != null
                    ? String.format(Locale.ROOT, "%.3f ms", brian2.medianMillis()) : brian2.note()));
            err.flush();
        }
        BenchReport report = new BenchReport(measured.results(), measured.handWrittenHH(), measured.compileMillis(),
                measured.hhFiveTraceSimulationMillis(), brian2.medianMillis(), brian2.note());
        print(report, inputNa);
        if (json != null) {
            TextFiles.write(json, ProjectFiles.gson().toJson(report));
        }
        return 0;
    }

    /** The reference HH input traces: under {@code brainfx.home} (set by the launcher), else the working folder. */
    private static Path hhTraces() throws IOException {
        String home = System.getProperty("brainfx.home");
        Path file = (home != null ? Path.of(home) : Path.of("")).resolve(HH_TRACES);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.toAbsolutePath() + ": the reference HH input traces are missing; run from the"
                    + " BrainFX folder or through its ./brainfx launcher");
        }
        return file;
    }

    private void print(BenchReport r, double[][] inputNa) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Compiled kernels, M lane-steps/s (median of " + (quick ? QUICK_REPETITIONS : REPETITIONS)
                + " runs, dt 0.025 ms, " + Runtime.getRuntime().availableProcessors() + " cores)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "lanes", "forward", "fwd+bwd", "fwd+bwd time / fwd time"});
        for (BenchReport.Result x : r.results()) {
            rows.add(new String[] {x.model(), Integer.toString(x.lanes()), millions(x.forwardLaneStepsPerSec()),
                    millions(x.forwardBackwardLaneStepsPerSec()),
                    ratio(x.forwardLaneStepsPerSec() / x.forwardBackwardLaneStepsPerSec())});
        }
        TextTable.print(out, rows, 1);

        out.println();
        out.println("Compiled HH kernel vs the hand-written Java loop (forward, one thread each), M lane-steps/s");
        rows = new ArrayList<>();
        rows.add(new String[] {"lanes", "compiled", "hand-written", "hand-written time / compiled time"});
        for (BenchReport.HandWritten h : r.handWrittenHH()) {
            double compiled = h.compiledForwardLaneStepsPerSec();
            rows.add(new String[] {Integer.toString(h.lanes()), millions(compiled), millions(h.forwardLaneStepsPerSec()),
                    ratio(compiled / h.forwardLaneStepsPerSec())});
        }
        TextTable.print(out, rows, 0);

        out.println();
        StringBuilder compile = new StringBuilder("Compile time (ms):");
        for (Map.Entry<String, Double> e : r.compileMillis().entrySet()) {
            compile.append(String.format(Locale.ROOT, "  %s %.1f", e.getKey(), e.getValue()));
        }
        out.println(compile);

        out.println();
        out.printf(Locale.ROOT, "Five reference HH traces (%d × %d steps, dt 0.01 ms, V recorded):%n", inputNa.length,
                inputNa[0].length);
        out.printf(Locale.ROOT, "  BrainFX           %9.3f ms%n", r.hhFiveTraceSimulationMillis());
        if (r.brian2FiveTraceMillis() != null) {
            out.printf(Locale.ROOT, "  Brian2 (cython)   %9.3f ms%n", r.brian2FiveTraceMillis());
            out.printf(Locale.ROOT, "  BrainFX speedup   %9.1f×%n", r.brian2FiveTraceMillis() / r.hhFiveTraceSimulationMillis());
        } else {
            out.println("  Brian2 (cython)   " + r.brian2Note());
        }
        out.flush();
    }

    private static String millions(double laneStepsPerSec) {
        return String.format(Locale.ROOT, "%.2f", laneStepsPerSec / 1e6);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }
}
