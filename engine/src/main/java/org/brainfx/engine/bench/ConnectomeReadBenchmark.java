package org.brainfx.engine.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeException;
import org.brainfx.engine.data.connectome.Connectomes;

/**
 * Times reading connectome files: the first read in a fresh JVM (class loading included, what a
 * command-line user waits for) and the median of later reads (the reader's own speed). Run:
 * {@code mvn -B -o -q -pl engine compile exec:java -Dexec.mainClass=org.brainfx.engine.bench.ConnectomeReadBenchmark
 * -Dexec.args="FILE…"}.
 */
public final class ConnectomeReadBenchmark {
    private static final int WARM_READS = 50;

    private ConnectomeReadBenchmark() {
    }

    /** Prints one line per file: nodes, edges, first read and median warm read in milliseconds. */
    public static void main(String[] args) throws ConnectomeException {
        for (String arg : args) {
            Path file = Path.of(arg);
            long start = System.nanoTime();
            Connectome first = Connectomes.read(file);
            double firstMs = (System.nanoTime() - start) / 1e6;
            double[] warm = new double[WARM_READS];
            for (int i = 0; i < WARM_READS; i++) {
                start = System.nanoTime();
                Connectomes.read(file);
                warm[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "%s: %d nodes, %d edges; first read %.1f ms, median of %d later reads %.2f ms"
                    + " (fastest %.2f)%n", file.getFileName(), first.nodeCount(), first.edgeCount(), firstMs, WARM_READS,
                    warm[WARM_READS / 2], warm[0]);
        }
    }
}
