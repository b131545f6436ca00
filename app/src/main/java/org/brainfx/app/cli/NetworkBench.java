package org.brainfx.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.brainfx.engine.bench.NetworkBenchmark;
import org.brainfx.engine.project.ProjectFiles;

/**
 * {@code brainfx bench --networks}: the Brette et al. (2007) benchmarks (COBA-LIF, CUBA-LIF, COBA-HH)
 * at the given sizes on one and two threads, and with {@code --peers brian2} Brian2 on the same
 * networks in the same command (cpp_standalone on one thread at every size, the Cython runtime at
 * the smallest), printed side by side with the ratio of run times.
 */
final class NetworkBench {
    /** What {@code --json} writes. */
    record Report(List<NetworkBenchmark.Measurement> networks, List<Brian2NetworkPeer.Run> peers, List<String> peerNotes) { }

    private NetworkBench() {
    }

    static int run(PrintWriter out, PrintWriter err, List<String> networks, List<Integer> sizes, List<Integer> threads,
                   boolean brian2, boolean quick, Path json) throws IOException, InterruptedException {
        double duration = quick ? 100 : 1000;
        NetworkBenchmark bench = new NetworkBenchmark(quick ? 1 : 2, duration);
        List<NetworkBenchmark.Measurement> ours = new ArrayList<>();
        List<Brian2NetworkPeer.Run> peers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String network : networks) {
            for (int n : sizes) {
                for (int t : threads) {
                    ours.add(bench.measure(network, n, t, 1, line -> {
                        err.println("bench: " + line);
                        err.flush();
                    }));
                }
                if (brian2) {
                    List<String> targets = n == sizes.get(0) ? List.of("cpp_standalone", "cython") : List.of("cpp_standalone");
                    for (String target : targets) {
                        err.println("bench: Brian2 " + network + " " + n + " neurons, " + target + " (compiles first) …");
                        err.flush();
                        Brian2NetworkPeer.Outcome o = Brian2NetworkPeer.run(network, n, target, duration, 1);
                        if (o.run() != null) {
                            peers.add(o.run());
                        } else {
                            notes.add(network + " " + n + " " + target + ": " + o.note());
                            err.println("bench: Brian2: " + o.note());
                        }
                    }
                }
            }
        }
        print(out, ours, peers, notes);
        if (json != null) {
            TextFiles.write(json, ProjectFiles.gson().toJson(new Report(ours, peers, notes)));
        }
        return 0;
    }

    private static void print(PrintWriter out, List<NetworkBenchmark.Measurement> ours, List<Brian2NetworkPeer.Run> peers,
                              List<String> notes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"network", "simulator", "neurons", "synapses", "threads", "build (s)", "run (s)", "run CPU (s)",
                "E (Hz)", "I (Hz)", "bytes/synapse", "vs Brian2 C++"});
        Map<String, Double> cpp = new LinkedHashMap<>();
        for (Brian2NetworkPeer.Run p : peers) {
            if (p.target().equals("cpp_standalone")) {
                cpp.put(p.name() + "/" + p.neurons(), p.runSeconds());
            }
        }
        for (NetworkBenchmark.Measurement m : ours) {
            Double peer = cpp.get(m.name() + "/" + m.neurons());
            double mine = m.threads() == 1 ? m.cpuSeconds() : m.runSeconds();
            rows.add(new String[] {m.name(), "BrainFX", String.valueOf(m.neurons()), String.valueOf(m.synapses()),
                    String.valueOf(m.threads()), f3(m.buildSeconds()), f3(m.runSeconds()), f3(m.cpuSeconds()),
                    f2(m.meanRateHz().get("E")), f2(m.meanRateHz().get("I")), String.format(Locale.ROOT, "%.1f", m.bytesPerSynapse()),
                    peer == null ? "—" : String.format(Locale.ROOT, "%.2f×", mine / peer)});
        }
        for (Brian2NetworkPeer.Run p : peers) {
            boolean cpu = p.target().equals("cpp_standalone");
            rows.add(new String[] {p.name(), "Brian2 " + p.target(), String.valueOf(p.neurons()), String.valueOf(p.synapses()), "1",
                    f3(p.buildSeconds()), cpu ? "—" : f3(p.runSeconds()), cpu ? f3(p.runSeconds()) : "—", f2(p.meanRateHz().get("E")),
                    f2(p.meanRateHz().get("I")), "—", "—"});
        }
        TextTable.print(out, rows, 2);
        out.println("vs Brian2 C++: BrainFX's run over Brian2 cpp_standalone's (one thread, which reports processor time) on the"
                + " same network and size — processor time against processor time for one thread, wall time for two; below 1"
                + " is faster. Run times are the time loop after a warm-up; build includes compiling and generating synapses.");
        notes.forEach(n -> out.println("note: " + n));
        out.flush();
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String f2(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }
}
