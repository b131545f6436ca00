package org.brainfx.engine.data.connectome;

import java.util.Arrays;
import java.util.List;

/**
 * Collects the edges of one layer as a reader meets them (pre, post, weight and the line they
 * came from) and turns them into an {@link EdgeLayer}, summing or refusing duplicates and, for a
 * symmetric layer, merging the two directions of each undirected connection.
 */
final class EdgeLayerBuilder {
    private final String name;
    private final boolean symmetric;
    private int size;
    private int[] pre = new int[256];
    private int[] post = new int[256];
    private double[] weight = new double[256];
    private int[] line = new int[256];

    EdgeLayerBuilder(String name, boolean symmetric) {
        this.name = name;
        this.symmetric = symmetric;
    }

    String name() {
        return name;
    }

    boolean symmetric() {
        return symmetric;
    }

    void add(int from, int to, double w, int sourceLine) {
        if (size == pre.length) {
            int capacity = size * 2;
            pre = Arrays.copyOf(pre, capacity);
            post = Arrays.copyOf(post, capacity);
            weight = Arrays.copyOf(weight, capacity);
            line = Arrays.copyOf(line, capacity);
        }
        pre[size] = from;
        post[size] = to;
        weight[size] = w;
        line[size++] = sourceLine;
    }

    /**
     * The layer over {@code nodes} nodes.
     *
     * @param sumDuplicates sum the weights of repeated (pre, post) rows; otherwise refuse them
     * @param source        the file (and what it holds) named in error messages
     * @param names         node names for error messages
     */
    EdgeLayer build(int nodes, boolean sumDuplicates, String source, List<String> names)
            throws ConnectomeException {
        Rows rows = sorted(nodes, pre, post, weight, line, size);
        rows = merged(rows, nodes, sumDuplicates, source, names);
        if (symmetric) {
            rows = mirrored(rows, nodes, source, names);
        }
        return EdgeLayer.ofCsr(name, symmetric, nodes, rows.rowStart, Arrays.copyOf(rows.col, rows.count),
                Arrays.copyOf(rows.weight, rows.count));
    }

    /** The layer of entries that cannot repeat (a renumbering of a valid layer), unchecked for duplicates. */
    EdgeLayer buildPermutation(int nodes) {
        Rows rows = sorted(nodes, pre, post, weight, line, size);
        return EdgeLayer.ofCsr(name, symmetric, nodes, rows.rowStart, rows.col, rows.weight);
    }

    /** Entries grouped by row, columns ascending; {@code line} follows each entry. */
    private record Rows(int[] rowStart, int[] col, double[] weight, int[] line, int count) { }

    private static Rows sorted(int nodes, int[] pre, int[] post, double[] weight, int[] line, int size) {
        int[] rowStart = new int[nodes + 1];
        for (int k = 0; k < size; k++) {
            rowStart[pre[k] + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        int[] next = Arrays.copyOf(rowStart, nodes);
        long[] keys = new long[size];
        for (int k = 0; k < size; k++) {
            // column in the high half, original position in the low half: sorting a row's keys sorts by column and
            // keeps equal columns in file order, so duplicate messages name the earlier line first
            keys[next[pre[k]]++] = ((long) post[k] << 32) | k;
        }
        int[] col = new int[size];
        double[] w = new double[size];
        int[] lines = new int[size];
        for (int i = 0; i < nodes; i++) {
            Arrays.sort(keys, rowStart[i], rowStart[i + 1]);
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int from = (int) keys[k];
                col[k] = post[from];
                w[k] = weight[from];
                lines[k] = line[from];
            }
        }
        return new Rows(rowStart, col, w, lines, size);
    }

    private Rows merged(Rows in, int nodes, boolean sumDuplicates, String source, List<String> names)
            throws ConnectomeException {
        int[] rowStart = new int[nodes + 1];
        int[] col = new int[in.count];
        double[] w = new double[in.count];
        int[] lines = new int[in.count];
        int out = 0;
        for (int i = 0; i < nodes; i++) {
            for (int k = in.rowStart[i]; k < in.rowStart[i + 1]; k++) {
                if (out > rowStart[i] && col[out - 1] == in.col[k]) {
                    if (!sumDuplicates) {
                        throw new ConnectomeException(source + ": line " + in.line[k] + " repeats the " + name + " edge "
                                + names.get(i) + " -> " + names.get(in.col[k]) + " of line " + lines[out - 1]
                                + "; remove one, or read with duplicates summed");
                    }
                    w[out - 1] += in.weight[k];
                    continue;
                }
                col[out] = in.col[k];
                w[out] = in.weight[k];
                lines[out++] = in.line[k];
            }
            rowStart[i + 1] = out;
        }
        return new Rows(rowStart, col, w, lines, out);
    }

    /**
     * Both directions of every undirected connection: a connection written in one direction is
     * mirrored; written in both, the two weights must agree (they are one junction listed twice).
     */
    private Rows mirrored(Rows rows, int nodes, String source, List<String> names)
            throws ConnectomeException {
        int n = rows.count;
        int[] pre = new int[2 * n];
        int[] post = new int[2 * n];
        double[] w = new double[2 * n];
        int[] lines = new int[2 * n];
        int size = 0;
        for (int i = 0; i < nodes; i++) {
            for (int k = rows.rowStart[i]; k < rows.rowStart[i + 1]; k++) {
                int j = rows.col[k];
                int back = Arrays.binarySearch(rows.col, rows.rowStart[j], rows.rowStart[j + 1], i);
                if (back >= 0 && rows.weight[back] != rows.weight[k]) {
                    throw new ConnectomeException(source + ": the " + name + " connection " + names.get(i) + " - "
                            + names.get(j) + " is " + number(rows.weight[k]) + " on line " + rows.line[k] + " but "
                            + number(rows.weight[back]) + " on line " + rows.line[back] + " in the other direction; an"
                            + " undirected connection has one weight: correct one of the lines");
                }
                pre[size] = i;
                post[size] = j;
                w[size] = rows.weight[k];
                lines[size++] = rows.line[k];
                if (back < 0) {
                    pre[size] = j;
                    post[size] = i;
                    w[size] = rows.weight[k];
                    lines[size++] = rows.line[k];
                }
            }
        }
        // a mirrored entry never meets its original's position (the reverse was absent), so nothing repeats here
        Rows both = sorted(nodes, pre, post, w, lines, size);
        return new Rows(both.rowStart, both.col, both.weight, both.line, size);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
