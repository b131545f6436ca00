package org.brainfx.engine.data.connectome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.brainfx.engine.data.connectome.ConnectomeOptions.Rows;
import org.brainfx.engine.data.connectome.ConnectomeOptions.SelfLoops;

/**
 * Makes a connectome of the arrays of a binary file (.npy, .npz, .mat): every square numeric
 * matrix of the largest size n is a layer named after its variable; a text array of n unique
 * entries names the nodes (the first such one); other text arrays and numeric vectors of n
 * entries are node attributes; everything else (scalars, other sizes) is left out.
 */
final class ArrayConnectome {

    private ArrayConnectome() {
    }

    static Connectome build(String source, String format, List<NamedArray> arrays, ConnectomeOptions options)
            throws ConnectomeException {
        int n = 0;
        for (NamedArray a : arrays) {
            if (a.square()) {
                n = Math.max(n, a.rows());
            }
        }
        if (n == 0) {
            throw new ConnectomeException(source + ": no square numeric matrix among "
                    + (arrays.isEmpty() ? "its arrays (it holds none that can be read)" : arrays.stream()
                    .map(NamedArray::describe).collect(Collectors.joining(", "))) + "; a connectome is an n × n matrix"
                    + " (row = presynaptic node)");
        }
        List<NamedArray> matrices = new ArrayList<>();
        List<String> names = null;
        Map<String, List<String>> texts = new LinkedHashMap<>();
        Map<String, double[]> numbers = new LinkedHashMap<>();
        for (NamedArray a : arrays) {
            if (a.square() && a.rows() == n) {
                matrices.add(a);
            } else if (!a.numeric() && a.texts().size() == n) {
                if (names == null && new HashSet<>(a.texts()).size() == n && !a.texts().contains("")) {
                    names = a.texts();
                } else {
                    // an empty text is a node without this attribute (the .npz writer's spelling of "none")
                    texts.put(a.name(), a.texts().stream().map(t -> t.isEmpty() ? null : t).toList());
                }
            } else if (a.numeric() && a.vectorLength() == n) {
                numbers.put(a.name(), a.vector());
            }
        }
        NodeLabels.Applied labels = options.labels() == null ? null
                : NodeLabels.read(options.labels()).apply(source, n, names);
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[labels == null ? i : labels.order()[i]] = i;
        }
        List<String> nodeNames = labels != null ? labels.names() : names != null ? names : MatrixNodes.numbered(n);
        boolean transpose = options.rows() == Rows.POST;
        List<EdgeLayer> layers = new ArrayList<>();
        for (NamedArray m : matrices) {
            EdgeLayerBuilder layer = new EdgeLayerBuilder(m.name(), false);
            double[] v = m.values();
            if (m.sparse()) {
                for (int k = 0; k < v.length; k++) {
                    add(layer, m, m.sparseRows()[k], m.sparseCols()[k], v[k], position, transpose, options, source);
                }
            } else {
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        add(layer, m, r, c, v[r * n + c], position, transpose, options, source);
                    }
                }
            }
            layers.add(layer.build(n, false, source, nodeNames));
        }
        NodeAttributes attributes = NodeAttributes.of(n, texts, numbers).renumbered(position);
        attributes = attributes.with(MatrixNodes.typeAttributes(n, labels));
        return new Connectome(source, format, nodeNames, attributes, layers, Map.of());
    }

    /** Element (r, c) of matrix {@code m}, checked, into {@code layer} at its nodes' new positions. */
    private static void add(EdgeLayerBuilder layer, NamedArray m, int r, int c, double w, int[] position,
                            boolean transpose, ConnectomeOptions options, String source) throws ConnectomeException {
        if (MatrixNodes.bad(w, options)) {
            throw MatrixNodes.refused(w, source + ": " + m.name() + "(" + (r + 1) + ", " + (c + 1) + ")");
        }
        int i = position[r];
        int j = position[c];
        if (w == 0 || (i == j && options.selfLoops() == SelfLoops.DROP)) {
            return;
        }
        if (transpose) {
            layer.add(j, i, w, r + 1);
        } else {
            layer.add(i, j, w, r + 1);
        }
    }
}
