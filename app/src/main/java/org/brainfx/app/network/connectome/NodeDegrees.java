package org.brainfx.app.network.connectome;

import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.EdgeLayer;

/**
 * Every node's out- and in-degree, counted as {@code brainfx inspect} counts them: stored directed
 * entries summed over the layers (a gap junction stored both ways counts for both nodes).
 *
 * @param out edges leaving each node, in node order
 * @param in  edges reaching each node, in node order
 */
public record NodeDegrees(int[] out, int[] in) {

    /** Counts the degrees of {@code c}. */
    public static NodeDegrees of(Connectome c) {
        int n = c.nodeCount();
        int[] out = new int[n];
        int[] in = new int[n];
        for (EdgeLayer layer : c.layers()) {
            for (int i = 0; i < n; i++) {
                int end = layer.rowStart(i + 1);
                for (int k = layer.rowStart(i); k < end; k++) {
                    out[i]++;
                    in[layer.post(k)]++;
                }
            }
        }
        return new NodeDegrees(out, in);
    }
}
