package org.brainfx.app.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;

/**
 * Places a network's nodes in columns by how many projections separate them from the inputs: spike
 * sources in the first column, the populations they reach in the next, and so on (populations no
 * projection reaches go in the column after the sources). Deterministic: the same spec gives the same picture.
 */
public final class AutoLayout {
    /** Distance between columns, px. */
    static final double COLUMN = 400;
    /** Distance between rows in a column, px. */
    static final double ROW = 190;
    /** The first node's centre, px from the canvas origin. */
    static final double MARGIN_X = 140;
    static final double MARGIN_Y = 110;
    /** The most nodes stacked in one column. */
    static final int MAX_ROWS = 8;

    private AutoLayout() {
    }

    /** Positions for every node of {@code spec}, ignoring where they are now. */
    public static NetworkLayout of(NetworkSpec spec) {
        if (spec.sources().isEmpty() && spec.populations().size() > MAX_ROWS) {
            return grid(nodeNames(spec));
        }
        Map<String, Integer> column = columns(spec);
        Map<Integer, List<String>> layers = new java.util.TreeMap<>();
        for (String n : nodeNames(spec)) {
            layers.computeIfAbsent(column.get(n), k -> new ArrayList<>()).add(n);
        }
        // A layer taller than MAX_ROWS wraps into several columns.
        List<List<String>> byColumn = new ArrayList<>();
        for (List<String> layer : layers.values()) {
            for (int from = 0; from < layer.size(); from += MAX_ROWS) {
                byColumn.add(layer.subList(from, Math.min(layer.size(), from + MAX_ROWS)));
            }
        }
        int tallest = byColumn.stream().mapToInt(List::size).max().orElse(1);
        Map<String, NodePosition> m = new HashMap<>();
        int c = 0;
        for (List<String> names : byColumn) {
            // Columns centred on the tallest, so arrows between them run mostly level.
            double top = MARGIN_Y + (tallest - names.size()) * ROW / 2;
            for (int r = 0; r < names.size(); r++) {
                m.put(names.get(r), new NodePosition(MARGIN_X + c * COLUMN, top + r * ROW));
            }
            c++;
        }
        return new NetworkLayout(m);
    }

    /**
     * Many populations without inputs (a multi-area model): a grid in the spec's order, an even number
     * of columns wide so that pairs listed together (an area's E and I) share a row.
     */
    private static NetworkLayout grid(List<String> names) {
        int columns = 2 * (int) Math.ceil(Math.sqrt(names.size() * 0.7) / 2);
        Map<String, NodePosition> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), new NodePosition(MARGIN_X + (i % columns) * COLUMN, MARGIN_Y + (i / columns) * ROW));
        }
        return new NetworkLayout(m);
    }

    /** {@code layout} with positions only for the nodes it lacks (where auto-layout would put them), unknown names dropped. */
    public static NetworkLayout complete(NetworkSpec spec, NetworkLayout layout) {
        List<String> names = nodeNames(spec);
        Map<String, NodePosition> m = new HashMap<>();
        for (String n : names) {
            if (layout.of(n) != null) {
                m.put(n, layout.of(n));
            }
        }
        if (m.size() < names.size()) {
            NetworkLayout auto = of(spec);
            for (String n : names) {
                if (!m.containsKey(n)) {
                    m.put(n, free(auto.of(n), m));
                }
            }
        }
        return new NetworkLayout(m);
    }

    /** {@code wanted} or, when a node already sits there, the nearest free place below it. */
    static NodePosition free(NodePosition wanted, Map<String, NodePosition> taken) {
        NodePosition p = wanted;
        while (occupied(p, taken)) {
            p = new NodePosition(p.x() + 30, p.y() + ROW / 2);
        }
        return p;
    }

    private static boolean occupied(NodePosition p, Map<String, NodePosition> taken) {
        return taken.values().stream().anyMatch(q -> Math.abs(q.x() - p.x()) < 150 && Math.abs(q.y() - p.y()) < 80);
    }

    /** Sources first, then populations, in the spec's order. */
    static List<String> nodeNames(NetworkSpec spec) {
        List<String> names = new ArrayList<>();
        spec.sources().stream().map(SourceSpec::name).forEach(names::add);
        spec.populations().stream().map(PopulationSpec::name).forEach(names::add);
        return names;
    }

    /** Column of each node: 0 for sources, else 1 + the fewest projections from a source (1 when none reaches it). */
    private static Map<String, Integer> columns(NetworkSpec spec) {
        Map<String, Integer> column = new LinkedHashMap<>();
        boolean sources = !spec.sources().isEmpty();
        spec.sources().forEach(s -> column.put(s.name(), 0));
        List<String> frontier = new ArrayList<>(column.keySet());
        int depth = 0;
        while (!frontier.isEmpty()) {
            depth++;
            List<String> next = new ArrayList<>();
            for (ProjectionSpec p : spec.projections()) {
                if (frontier.contains(p.pre()) && spec.population(p.post()) != null && !column.containsKey(p.post())) {
                    column.put(p.post(), depth);
                    next.add(p.post());
                }
            }
            frontier = next;
        }
        // Unreached populations: one column after the sources (the first column without sources).
        List<PopulationSpec> rest = spec.populations().stream().filter(p -> !column.containsKey(p.name())).toList();
        if (!sources && !rest.isEmpty()) {
            // No inputs: excitatory populations left, the others right, as E/I diagrams are drawn.
            for (PopulationSpec p : rest) {
                column.put(p.name(), "inhibitory".equals(p.type()) ? 1 : 0);
            }
            return column;
        }
        for (PopulationSpec p : rest) {
            column.put(p.name(), 1);
        }
        return column;
    }
}
