package org.brainfx.engine.data.connectome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-node facts beside the wiring: text columns (cell type, neurotransmitter, area, …; null
 * where a node has none) and numeric columns (position, hierarchy value, …; NaN where a node has
 * none), each with one entry per node in the connectome's node order. Immutable.
 */
public final class NodeAttributes {
    /** The text column of cell types (populations are built from it). */
    public static final String TYPE = "type";
    /** The text column of neurotransmitters. */
    public static final String NEUROTRANSMITTER = "neurotransmitter";
    /** The text column of brain areas or regions. */
    public static final String AREA = "area";
    /** The numeric position columns. */
    public static final String X = "x";
    /** The numeric position columns. */
    public static final String Y = "y";
    /** The numeric position columns. */
    public static final String Z = "z";

    private final int nodes;
    private final Map<String, List<String>> texts;
    private final Map<String, double[]> numbers;

    private NodeAttributes(int nodes, Map<String, List<String>> texts, Map<String, double[]> numbers) {
        this.nodes = nodes;
        this.texts = texts;
        this.numbers = numbers;
    }

    /** No attributes for {@code nodes} nodes. */
    public static NodeAttributes none(int nodes) {
        return new NodeAttributes(nodes, Map.of(), Map.of());
    }

    /** Attributes from columns, each with {@code nodes} entries; column order is kept. */
    public static NodeAttributes of(int nodes, Map<String, List<String>> texts, Map<String, double[]> numbers) {
        Map<String, List<String>> t = new LinkedHashMap<>();
        texts.forEach((name, column) -> {
            check(name, column.size(), nodes);
            t.put(name, Collections.unmodifiableList(new ArrayList<>(column)));
        });
        Map<String, double[]> n = new LinkedHashMap<>();
        numbers.forEach((name, column) -> {
            check(name, column.length, nodes);
            if (t.containsKey(name)) {
                throw new IllegalArgumentException("node attribute '" + name + "' is both a text and a numeric column");
            }
            n.put(name, column.clone());
        });
        return new NodeAttributes(nodes, Collections.unmodifiableMap(t), Collections.unmodifiableMap(n));
    }

    private static void check(String name, int length, int nodes) {
        if (length != nodes) {
            throw new IllegalArgumentException("node attribute '" + name + "' has " + length + " entries for " + nodes
                    + " nodes");
        }
    }

    /** Number of nodes. */
    public int nodeCount() {
        return nodes;
    }

    /** Names of the text columns, in order. */
    public List<String> textNames() {
        return List.copyOf(texts.keySet());
    }

    /** Names of the numeric columns, in order. */
    public List<String> numberNames() {
        return List.copyOf(numbers.keySet());
    }

    /** The text column {@code name} (entries null where unknown), or null if there is no such column. */
    public List<String> text(String name) {
        return texts.get(name);
    }

    /** A copy of the numeric column {@code name} (NaN where unknown), or null if there is no such column. */
    public double[] number(String name) {
        double[] column = numbers.get(name);
        return column == null ? null : column.clone();
    }

    /** Node {@code i}'s cell type, or null. */
    public String type(int i) {
        return textAt(TYPE, i);
    }

    /** Node {@code i}'s neurotransmitter, or null. */
    public String neurotransmitter(int i) {
        return textAt(NEUROTRANSMITTER, i);
    }

    /** Node {@code i}'s area, or null. */
    public String area(int i) {
        return textAt(AREA, i);
    }

    /** Node {@code i}'s position {x, y, z} (NaN for an unknown coordinate), or null if the file gave none. */
    public double[] position(int i) {
        if (!numbers.containsKey(X) && !numbers.containsKey(Y) && !numbers.containsKey(Z)) {
            return null;
        }
        return new double[] {numberAt(X, i), numberAt(Y, i), numberAt(Z, i)};
    }

    private String textAt(String name, int i) {
        List<String> column = texts.get(name);
        return column == null ? null : column.get(i);
    }

    private double numberAt(String name, int i) {
        double[] column = numbers.get(name);
        return column == null ? Double.NaN : column[i];
    }

    /** These attributes with {@code other}'s columns added (a column of the same name is replaced). */
    public NodeAttributes with(NodeAttributes other) {
        if (other.nodes != nodes) {
            throw new IllegalArgumentException("node attributes for " + other.nodes + " nodes added to " + nodes);
        }
        Map<String, List<String>> t = new LinkedHashMap<>(texts);
        Map<String, double[]> n = new LinkedHashMap<>(numbers);
        other.texts.forEach((name, column) -> {
            n.remove(name);
            t.put(name, column);
        });
        other.numbers.forEach((name, column) -> {
            t.remove(name);
            n.put(name, column);
        });
        return of(nodes, t, n);
    }

    /** These attributes with node {@code i} moved to {@code newIndex[i]} (a permutation). */
    NodeAttributes renumbered(int[] newIndex) {
        Map<String, List<String>> t = new LinkedHashMap<>();
        texts.forEach((name, column) -> {
            String[] moved = new String[nodes];
            for (int i = 0; i < nodes; i++) {
                moved[newIndex[i]] = column.get(i);
            }
            t.put(name, Arrays.asList(moved));
        });
        Map<String, double[]> n = new LinkedHashMap<>();
        numbers.forEach((name, column) -> {
            double[] moved = new double[nodes];
            for (int i = 0; i < nodes; i++) {
                moved[newIndex[i]] = column[i];
            }
            n.put(name, moved);
        });
        return of(nodes, t, n);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NodeAttributes other) || other.nodes != nodes || !other.texts.equals(texts)
                || !other.numbers.keySet().equals(numbers.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : numbers.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.numbers.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodes, texts, numbers.keySet());
    }

    @Override
    public String toString() {
        return "NodeAttributes[" + nodes + " nodes, text " + texts.keySet() + ", numeric " + numbers.keySet() + "]";
    }
}
