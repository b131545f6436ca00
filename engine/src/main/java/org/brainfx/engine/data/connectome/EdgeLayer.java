package org.brainfx.engine.data.connectome;

import java.util.Arrays;
import java.util.Objects;

/**
 * One kind of directed, weighted connection between the nodes of a connectome (chemical synapses,
 * gap junctions, FLN, …), stored as compressed sparse rows: row = presynaptic node, columns of a
 * row ascending, no explicit zeros. Immutable; the arrays are copied in and out.
 *
 * <p>A {@linkplain #symmetric() symmetric} layer holds undirected connections (gap junctions):
 * both directions are stored with the same weight, so {@code weight(i, j) == weight(j, i)}.
 */
public final class EdgeLayer {
    private final String name;
    private final boolean symmetric;
    private final int nodes;
    private final int[] rowStart;
    private final int[] col;
    private final double[] weight;

    private EdgeLayer(String name, boolean symmetric, int nodes, int[] rowStart, int[] col, double[] weight) {
        this.name = name;
        this.symmetric = symmetric;
        this.nodes = nodes;
        this.rowStart = rowStart;
        this.col = col;
        this.weight = weight;
    }

    /**
     * A layer from compressed sparse rows, checked: {@code rowStart} has {@code nodes + 1}
     * non-decreasing entries from 0, columns lie in {@code [0, nodes)} and ascend within a row,
     * weights are finite and non-zero, and a symmetric layer equals its transpose.
     */
    public static EdgeLayer ofCsr(String name, boolean symmetric, int nodes, int[] rowStart, int[] col,
                                  double[] weight) {
        Objects.requireNonNull(name, "name");
        if (nodes < 0 || rowStart.length != nodes + 1 || rowStart[0] != 0 || rowStart[nodes] != col.length
                || col.length != weight.length) {
            throw new IllegalArgumentException("layer '" + name + "': CSR arrays do not fit " + nodes + " nodes (rowStart "
                    + rowStart.length + ", col " + col.length + ", weight " + weight.length + ")");
        }
        for (int i = 0; i < nodes; i++) {
            if (rowStart[i + 1] < rowStart[i]) {
                throw new IllegalArgumentException("layer '" + name + "': rowStart decreases at row " + i);
            }
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                if (col[k] < 0 || col[k] >= nodes || (k > rowStart[i] && col[k] <= col[k - 1])) {
                    throw new IllegalArgumentException("layer '" + name + "': row " + i
                            + " has columns out of range or not ascending at entry " + k);
                }
                if (weight[k] == 0 || !Double.isFinite(weight[k])) {
                    throw new IllegalArgumentException("layer '" + name + "': weight " + weight[k] + " at (" + i + ", "
                            + col[k] + ") is zero or not finite");
                }
            }
        }
        EdgeLayer layer = new EdgeLayer(name, symmetric, nodes, rowStart.clone(), col.clone(), weight.clone());
        if (symmetric) {
            for (int i = 0; i < nodes; i++) {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    if (layer.weight(col[k], i) != weight[k]) {
                        throw new IllegalArgumentException("layer '" + name + "' is marked symmetric, but (" + i + ", "
                                + col[k] + ") = " + weight[k] + " and its transpose = " + layer.weight(col[k], i));
                    }
                }
            }
        }
        return layer;
    }

    /** A layer from a dense matrix {@code w[pre][post]}; zeros are left out. */
    public static EdgeLayer ofDense(String name, boolean symmetric, double[][] w) {
        int n = w.length;
        int count = 0;
        for (double[] row : w) {
            if (row.length != n) {
                throw new IllegalArgumentException("layer '" + name + "': the matrix is not square (" + n + " rows, a row of "
                        + row.length + ")");
            }
            for (double v : row) {
                if (v != 0) {
                    count++;
                }
            }
        }
        int[] rowStart = new int[n + 1];
        int[] col = new int[count];
        double[] weight = new double[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (w[i][j] != 0) {
                    col[k] = j;
                    weight[k++] = w[i][j];
                }
            }
            rowStart[i + 1] = k;
        }
        return ofCsr(name, symmetric, n, rowStart, col, weight);
    }

    /** The layer's name, e.g. {@code chemical} or a matrix variable's name. */
    public String name() {
        return name;
    }

    /** Whether the layer holds undirected connections, stored in both directions with equal weights. */
    public boolean symmetric() {
        return symmetric;
    }

    /** Number of nodes (rows and columns). */
    public int nodeCount() {
        return nodes;
    }

    /** Number of stored (non-zero, directed) entries; an undirected connection counts twice, a self-loop once. */
    public int edgeCount() {
        return col.length;
    }

    /** Index of the first entry of row {@code pre}; the row ends at {@code rowStart(pre + 1)}. */
    public int rowStart(int pre) {
        return rowStart[pre];
    }

    /** Postsynaptic node of entry {@code k}. */
    public int post(int k) {
        return col[k];
    }

    /** Weight of entry {@code k}. */
    public double weight(int k) {
        return weight[k];
    }

    /** The weight from {@code pre} to {@code post}, 0 if there is no connection (binary search in the row). */
    public double weight(int pre, int post) {
        int k = Arrays.binarySearch(col, rowStart[pre], rowStart[pre + 1], post);
        return k >= 0 ? weight[k] : 0;
    }

    /** A copy of the row starts ({@code nodeCount() + 1} entries). */
    public int[] rowStarts() {
        return rowStart.clone();
    }

    /** A copy of the postsynaptic node of every entry. */
    public int[] posts() {
        return col.clone();
    }

    /** A copy of the weight of every entry. */
    public double[] weights() {
        return weight.clone();
    }

    /** Sum of all stored weights. */
    public double weightSum() {
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        return sum;
    }

    /** The layer as a dense matrix {@code [pre][post]}. */
    public double[][] toDense() {
        double[][] w = new double[nodes][nodes];
        for (int i = 0; i < nodes; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                w[i][col[k]] = weight[k];
            }
        }
        return w;
    }

    /** The same connections with node {@code i} renumbered {@code newIndex[i]} (a permutation). */
    EdgeLayer renumbered(int[] newIndex) {
        EdgeLayerBuilder builder = new EdgeLayerBuilder(name, symmetric);
        for (int i = 0; i < nodes; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                builder.add(newIndex[i], newIndex[col[k]], weight[k], 0);
            }
        }
        return builder.buildPermutation(nodes);
    }

    /** The same connections under another name. */
    public EdgeLayer withName(String newName) {
        return new EdgeLayer(Objects.requireNonNull(newName, "name"), symmetric, nodes, rowStart, col, weight);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeLayer other && name.equals(other.name) && symmetric == other.symmetric
                && nodes == other.nodes && Arrays.equals(rowStart, other.rowStart) && Arrays.equals(col, other.col)
                && Arrays.equals(weight, other.weight);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, symmetric, nodes, Arrays.hashCode(col), Arrays.hashCode(weight));
    }

    @Override
    public String toString() {
        return "EdgeLayer[" + name + (symmetric ? ", symmetric" : "") + ", " + nodes + " nodes, " + edgeCount()
                + " edges]";
    }
}
