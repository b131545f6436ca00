package org.brainfx.app.network.connectome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.EdgeLayer;

/**
 * The adjacency matrix as a picture: nodes sorted by population (in the populations' order, file
 * order within one), row = presynaptic, one pixel per node or, for more nodes than pixels, per block
 * of nodes summed; colour from the logarithm of the summed weight of all layers, white for none,
 * with thin lines where a population ends. Plain ARGB pixels, so it is computed off the UI thread
 * and copied into an image at once.
 *
 * @param size        width and height in pixels
 * @param argb        the pixels, row by row
 * @param order       the node at each sorted position
 * @param populations the populations in the picture's order
 * @param starts      the sorted position where each population begins
 */
public record AdjacencyHeatmap(int size, int[] argb, int[] order, List<String> populations, int[] starts) {

    /** Where populations meet. */
    static final int BOUNDARY = 0xFFB0B0B0;
    private static final int EMPTY = 0xFFFFFFFF;
    // Light to dark blue: weak connections stay visible, strong ones stand out.
    private static final int[] LOW = {120, 170, 220};
    private static final int[] HIGH = {8, 48, 107};

    /**
     * The nodes sorted by population: populations in the order given, nodes of one population in
     * file order.
     *
     * @param population  each node's population, in node order
     * @param populations the populations in the order wanted; each node's population must be one of them
     */
    public static int[] order(String[] population, List<String> populations) {
        Map<String, Integer> rank = new HashMap<>();
        for (String p : populations) {
            rank.putIfAbsent(p, rank.size());
        }
        int[] next = new int[rank.size() + 1];
        int[] of = new int[population.length];
        for (int i = 0; i < population.length; i++) {
            Integer r = rank.get(population[i]);
            if (r == null) {
                throw new IllegalArgumentException("node " + i + " is in population '" + population[i]
                        + "', which is not one of " + populations);
            }
            of[i] = r;
            next[r + 1]++;
        }
        for (int r = 1; r < next.length; r++) {
            next[r] += next[r - 1];
        }
        // A counting sort: stable, so a population keeps the file's order.
        int[] order = new int[population.length];
        for (int i = 0; i < population.length; i++) {
            order[next[of[i]]++] = i;
        }
        return order;
    }

    /**
     * Draws {@code c} with its nodes in populations, at most {@code maxSize} pixels wide.
     *
     * @param population  each node's population, in node order
     * @param populations the populations in the order to draw them
     */
    public static AdjacencyHeatmap of(Connectome c, String[] population, List<String> populations, int maxSize) {
        return of(c.nodeCount(), c.layers(), population, populations, maxSize);
    }

    /**
     * Draws the sum of {@code layers} (each over {@code n} nodes) with the nodes in populations, at most
     * {@code maxSize} pixels wide.
     */
    public static AdjacencyHeatmap of(int n, List<EdgeLayer> layers, String[] population, List<String> populations,
                                      int maxSize) {
        int[] order = order(population, populations);
        int[] position = new int[n];
        for (int k = 0; k < n; k++) {
            position[order[k]] = k;
        }
        int size = Math.max(1, Math.min(n, maxSize));
        int[] pixel = new int[n];
        for (int i = 0; i < n; i++) {
            pixel[i] = (int) ((long) position[i] * size / n);
        }
        double[] sum = new double[size * size];
        for (EdgeLayer layer : layers) {
            for (int i = 0; i < n; i++) {
                int row = pixel[i] * size;
                int end = layer.rowStart(i + 1);
                for (int k = layer.rowStart(i); k < end; k++) {
                    sum[row + pixel[layer.post(k)]] += Math.abs(layer.weight(k));
                }
            }
        }
        double max = 0;
        for (double s : sum) {
            max = Math.max(max, s);
        }
        double scale = max > 0 ? 1 / Math.log1p(max) : 0;
        int[] argb = new int[size * size];
        for (int p = 0; p < argb.length; p++) {
            argb[p] = sum[p] == 0 ? EMPTY : colour(Math.log1p(sum[p]) * scale);
        }
        List<String> present = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String p = population[order[k]];
            if (present.isEmpty() || !present.get(present.size() - 1).equals(p)) {
                present.add(p);
                starts.add(k);
            }
        }
        for (int s = 1; s < starts.size(); s++) {
            int line = (int) ((long) starts.get(s) * size / n);
            for (int t = 0; t < size; t++) {
                argb[line * size + t] = blend(argb[line * size + t]);
                argb[t * size + line] = blend(argb[t * size + line]);
            }
        }
        return new AdjacencyHeatmap(size, argb, order, present, starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The colour of a weight scaled to (0, 1]. */
    static int colour(double t) {
        int r = (int) Math.round(LOW[0] + (HIGH[0] - LOW[0]) * t);
        int g = (int) Math.round(LOW[1] + (HIGH[1] - LOW[1]) * t);
        int b = (int) Math.round(LOW[2] + (HIGH[2] - LOW[2]) * t);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    // A boundary over an empty cell is grey; over a connection it keeps the connection visible.
    private static int blend(int argb) {
        return argb == EMPTY ? BOUNDARY : argb;
    }
}
