package org.brainfx.engine.net.connectome;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The synapses of one explicit projection, as its {@code pre,post,weight} file lists them (0-based
 * neuron indices within the two populations, weight magnitudes).
 */
public record PairList(int[] pre, int[] post, double[] weight) {

    /** Number of synapses. */
    public int size() {
        return pre.length;
    }

    /** Writes the list as CSV with a {@code pre,post,weight} header, weights at full precision. */
    public void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("pre,post,weight\n");
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < pre.length; k++) {
                line.setLength(0);
                line.append(pre[k]).append(',').append(post[k]).append(',').append(weight[k]).append('\n');
                out.write(line.toString());
            }
        }
    }
}
