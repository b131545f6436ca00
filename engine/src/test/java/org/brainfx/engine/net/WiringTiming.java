package org.brainfx.engine.net;

import java.util.Arrays;

/**
 * Times building the benchmark networks' projections (not a test: run it by hand):
 * {@code mvn -B -o -q -pl engine test-compile && java -cp engine/target/classes:engine/target/test-classes
 * org.brainfx.engine.net.WiringTiming}. Prints the first (cold) build and the median of later ones, wall-clock and
 * this thread's CPU time (which a busy machine disturbs less).
 */
public final class WiringTiming {
    private WiringTiming() {
    }

    /** Runs the timings; an optional argument sets the number of repetitions (default 7). */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ValueSpec weight = ValueSpec.constant(1);
        ValueSpec delay = ValueSpec.constant(0.1);
        time("40 000 fixed in-degree (E 32 000 → 40 000 k 64, I 8 000 → 40 000 k 16), constant w", repeats, () ->
                build("EtoAll", ConnectivitySpec.fixedInDegree(64), weight, delay, 32_000, 40_000, false)
                        + build("ItoAll", ConnectivitySpec.fixedInDegree(16), weight, delay, 8_000, 40_000, false));
        time("40 000 fixed in-degree, normal weights, uniform delays", repeats, () ->
                build("EtoAll", ConnectivitySpec.fixedInDegree(64), ValueSpec.normal(1, 0.2),
                        ValueSpec.uniform(0.1, 2), 32_000, 40_000, false)
                        + build("ItoAll", ConnectivitySpec.fixedInDegree(16), ValueSpec.normal(1, 0.2),
                        ValueSpec.uniform(0.1, 2), 8_000, 40_000, false));
        time("4 000 fixed probability 0.02 (E 3 200, I 800 → 4 000)", repeats, () ->
                build("EtoAll", ConnectivitySpec.fixedProbability(0.02), weight, delay, 3_200, 4_000, false)
                        + build("ItoAll", ConnectivitySpec.fixedProbability(0.02), weight, delay, 800, 4_000, false));
        time("4 000 fixed probability 0.02, one population onto itself", repeats, () ->
                build("all", ConnectivitySpec.fixedProbability(0.02), weight, delay, 4_000, 4_000, true));
        Positions sheet = Positions.of(new PositionSpec("random", 1000, 1000, false), 4_000, 1, "population 'E'");
        time("4 000 gaussian sigma 20 µm, peak 1, random on 1 000 × 1 000 µm", repeats, () ->
                Wiring.build(new WiringRequest("EE", ConnectivitySpec.gaussian(20, 1), weight, delay, 4_000, 4_000,
                        sheet, sheet, true, 0.1, 42, null)).synapseCount());
        Positions big = Positions.of(new PositionSpec("random", 2000, 2000, true), 40_000, 1, "population 'E'");
        time("40 000 gaussian sigma 20 µm, peak 1, random on a 2 000 × 2 000 µm torus", repeats, () ->
                Wiring.build(new WiringRequest("EE", ConnectivitySpec.gaussian(20, 1), weight, delay, 40_000, 40_000,
                        big, big, true, 0.1, 42, null)).synapseCount());
    }

    private static long build(String name, ConnectivitySpec rule, ValueSpec weights, ValueSpec delays, int pre,
                              int post, boolean same) {
        return Wiring.build(new WiringRequest(name, rule, weights, delays, pre, post, null, null, same, 0.1, 42, null))
                .synapseCount();
    }

    private static void time(String label, int repeats, java.util.function.LongSupplier work) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        long synapses = 0;
        for (int k = 0; k < repeats; k++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            synapses = work.getAsLong();
            wall[k] = (System.nanoTime() - start) * 1e-9;
            cpu[k] = (threads.getCurrentThreadCpuTime() - startCpu) * 1e-9;
        }
        System.out.printf("%-84s %,10d synapses  first %.3f s (cpu %.3f)  median of rest %.3f s (cpu %.3f)%n", label,
                synapses, wall[0], cpu[0], medianOfRest(wall), medianOfRest(cpu));
    }

    private static double medianOfRest(double[] seconds) {
        if (seconds.length == 1) {
            return seconds[0];
        }
        double[] rest = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(rest);
        return rest[rest.length / 2];
    }
}
