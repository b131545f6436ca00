package org.brainfx.engine.data.connectome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labels file: one label per line, one line per node, no header. Unique labels are node names;
 * labels that repeat (the mushroom body's K, P, O, I) are cell types, and the nodes are then
 * named type + running number (K1, K2, …, P1, …).
 *
 * @param file   the file read
 * @param labels the labels in file order
 * @param lines  each label's 1-based line number
 */
record NodeLabels(Path file, List<String> labels, int[] lines) {

    /** The node order and names a labels file gives to a source with (or without) names of its own. */
    record Applied(List<String> names, int[] order, List<String> types) { }

    static NodeLabels read(Path file) throws ConnectomeException {
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConnectomeException(file + ": no such labels file");
        } catch (IOException e) {
            throw new ConnectomeException(file + ": cannot be read as a UTF-8 labels file (" + e.getMessage() + ")", e);
        }
        List<String> labels = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String label = raw.get(i).strip();
            if (i == 0 && label.startsWith("\uFEFF")) {
                label = label.substring(1).strip();
            }
            if (label.length() >= 2 && label.startsWith("\"") && label.endsWith("\"")) {
                label = label.substring(1, label.length() - 1).strip();
            }
            if (!label.isEmpty()) {
                labels.add(label);
                lines.add(i + 1);
            }
        }
        return new NodeLabels(file, List.copyOf(labels), lines.stream().mapToInt(Integer::intValue).toArray());
    }

    boolean repeats() {
        return new HashSet<>(labels).size() < labels.size();
    }

    /** The first line whose label an earlier line already has, or -1. */
    private int firstRepeat() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            if (seen.putIfAbsent(labels.get(i), i) != null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Names (and types) for the {@code count} nodes of {@code source}, which may name them itself
     * ({@code sourceNames}, or null).
     */
    Applied apply(String source, int count, List<String> sourceNames) throws ConnectomeException {
        if (labels.size() != count) {
            throw new ConnectomeException(file + ": " + labels.size() + " labels, but " + source + " has " + count
                    + " nodes; a labels file has one line per node, in the order of the matrix rows");
        }
        int[] identity = new int[count];
        for (int i = 0; i < count; i++) {
            identity[i] = i;
        }
        if (repeats()) {
            List<String> names = sourceNames != null ? sourceNames : typedNames();
            return new Applied(names, identity, labels);
        }
        if (sourceNames == null) {
            return new Applied(labels, identity, null);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sourceNames.size(); i++) {
            index.put(sourceNames.get(i), i);
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            Integer at = index.get(labels.get(i));
            if (at == null) {
                throw new ConnectomeException(file + ": line " + lines[i] + " names '" + labels.get(i)
                        + "', which " + source + " does not have (its nodes: " + preview(sourceNames)
                        + "); correct the label or leave the labels file out");
            }
            order[i] = at;
        }
        return new Applied(labels, order, null);
    }

    /** The node order an edge list takes from this file: every label names one node, once. */
    Map<String, Integer> nodeOrder() throws ConnectomeException {
        int repeat = firstRepeat();
        if (repeat >= 0) {
            throw new ConnectomeException(file + ": line " + lines[repeat] + " repeats the label '" + labels.get(repeat)
                    + "'; for an edge list the labels file names each node once (cell types belong in a node"
                    + " attributes file)");
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            order.put(labels.get(i), i);
        }
        return order;
    }

    private List<String> typedNames() {
        Map<String, Integer> counter = new HashMap<>();
        List<String> names = new ArrayList<>(labels.size());
        for (String label : labels) {
            names.add(label + counter.merge(label, 1, Integer::sum));
        }
        return names;
    }

    static String preview(List<String> names) {
        return names.size() <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + ", … (" + names.size() + " in all)";
    }
}
