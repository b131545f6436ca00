package org.brainfx.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeException;
import org.brainfx.engine.data.connectome.Connectomes;

/**
 * Times reading connectome files: the first read in a fresh JVM (class loading included, what a
 * command-line user waits for) and the median of later reads (the reader's own speed), each as
 * wall time and as this thread's CPU time (which a machine shared with other work inflates far
 * less). A test-scope main, like the other timing mains: {@code java -cp
 * engine/target/classes:engine/target/test-classes:DEPENDENCIES org.brainfx.engine.bench.ConnectomeReadBenchmark FILE…}.
 */
public final class ConnectomeReadBenchmark {
    private static final int WARM_READS = 50;

    private ConnectomeReadBenchmark() {
    }

    /** Prints one line per file: nodes, edges, first read and median later read in milliseconds. */
    public static void main(String[] args) throws ConnectomeException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String arg : args) {
            Path file = Path.of(arg);
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            Connectome first = Connectomes.read(file);
            double firstCpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            double firstMs = (System.nanoTime() - wall) / 1e6;
            double[] warm = new double[WARM_READS];
            double[] warmCpu = new double[WARM_READS];
            for (int i = 0; i < WARM_READS; i++) {
                wall = System.nanoTime();
                cpu = threads.getCurrentThreadCpuTime();
                Connectomes.read(file);
                warmCpu[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                warm[i] = (System.nanoTime() - wall) / 1e6;
            }
            Arrays.sort(warm);
            Arrays.sort(warmCpu);
            System.out.printf(Locale.ROOT, "%s: %d nodes, %d edges; first read %.1f ms (CPU %.1f ms); median of %d later"
                    + " reads %.2f ms (CPU %.2f ms)%n", file.getFileName(), first.nodeCount(), first.edgeCount(), firstMs,
                    firstCpuMs, WARM_READS, warm[WARM_READS / 2], warmCpu[WARM_READS / 2]);
        }
    }
}
