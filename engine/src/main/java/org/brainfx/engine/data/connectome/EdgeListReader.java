package org.brainfx.engine.data.connectome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.brainfx.engine.data.connectome.ConnectomeOptions.Duplicates;
import org.brainfx.engine.data.connectome.ConnectomeOptions.SelfLoops;

/**
 * Reads an edge list: one row per connection with the presynaptic and postsynaptic node, an
 * optional weight (synapse count; 1 per row without it) and an optional type, comma, tab,
 * semicolon or whitespace separated, with or without a header. Columns are found by header name
 * ({@code pre/source/from/Neuron 1}, {@code post/target/to/Neuron 2}, {@code weight/count/Nbr},
 * {@code type}) or else by position and content. Names are trimmed and numbered in order of first
 * appearance (numerically when every name is an integer). Columns other than these are not read.
 */
public final class EdgeListReader {
    private static final int SAMPLE_ROWS = 50;
    private static final Set<String> PRE = Set.of("pre", "presynaptic", "pre name", "pre neuron", "presynaptic neuron",
            "source", "src", "from", "neuron 1", "neuron1", "node 1", "node1", "sender", "origin", "i");
    private static final Set<String> POST = Set.of("post", "postsynaptic", "post name", "post neuron",
            "postsynaptic neuron", "target", "tgt", "to", "neuron 2", "neuron2", "node 2", "node2", "receiver", "j");
    private static final Set<String> WEIGHT = Set.of("weight", "weights", "w", "nbr", "count", "counts", "synapses",
            "syn count", "synapse count", "nsyn", "n", "number", "strength", "value");
    private static final Set<String> TYPE = Set.of("type", "edge type", "synapse type", "connection type", "kind",
            "etype");

    private EdgeListReader() {
    }

    /** Column positions of one edge list; -1 = absent. */
    private record Columns(boolean header, int pre, int post, int weight, int type, int width) { }

    /** Whether {@code text}'s header names a presynaptic and a postsynaptic column. */
    static boolean hasEdgeListHeader(DelimitedText text) {
        if (text.rows().isEmpty()) {
            return false;
        }
        String[] first = text.rows().get(0).cells();
        int pre = find(first, PRE);
        int post = find(first, POST, pre);
        return pre >= 0 && post >= 0;
    }

    /** Reads {@code file} as an edge list. */
    public static Connectome read(Path file, ConnectomeOptions options) throws ConnectomeException {
        return read(DelimitedText.read(file), options);
    }

    static Connectome read(DelimitedText text, ConnectomeOptions options) throws ConnectomeException {
        Path file = text.file();
        List<DelimitedText.Row> rows = text.rows();
        if (rows.isEmpty()) {
            throw new ConnectomeException(file + ": no rows; an edge list has one row per connection (pre, post, weight)");
        }
        Columns columns = columns(text);
        int first = columns.header() ? 1 : 0;
        EdgeTypeMapping mapping = mapping(text, first, columns, options.mapping());
        Map<String, Integer> rowTypes = new LinkedHashMap<>();
        Map<String, Integer> fixedOrder = options.labels() == null ? null : NodeLabels.read(options.labels()).nodeOrder();
        Map<String, Integer> ids = new LinkedHashMap<>();
        int count = rows.size() - first;
        int[] layerOf = new int[count];
        int[] pre = new int[count];
        int[] post = new int[count];
        double[] weight = new double[count];
        int[] line = new int[count];
        int used = 0;
        for (int r = first; r < rows.size(); r++) {
            DelimitedText.Row row = rows.get(r);
            if (row.size() != columns.width()) {
                throw new ConnectomeException(file + ": line " + row.line() + " has " + row.size() + " fields, "
                        + (columns.header() ? "the header has " : "the first row has ") + columns.width() + " ("
                        + text.delimiterName() + " separated); give every row the same fields, and quote a name that"
                        + " contains the separator");
            }
            String type = columns.type() >= 0 ? row.cell(columns.type()) : null;
            if (type != null) {
                rowTypes.merge(type, 1, Integer::sum);
            }
            int layer = type == null ? 0 : mapping.layerOf(type);
            if (layer < 0) {
                continue;
            }
            double w = columns.weight() >= 0 ? weight(text, row, columns, options) : 1;
            String from = name(text, row, columns.pre(), "presynaptic");
            String to = name(text, row, columns.post(), "postsynaptic");
            int i = id(from, ids, fixedOrder, text, row, options.labels());
            int j = id(to, ids, fixedOrder, text, row, options.labels());
            if (w == 0 || (i == j && options.selfLoops() == SelfLoops.DROP)) {
                continue;
            }
            layerOf[used] = layer;
            pre[used] = i;
            post[used] = j;
            weight[used] = w;
            line[used++] = row.line();
        }
        List<String> names;
        if (fixedOrder != null) {
            names = new ArrayList<>(fixedOrder.keySet());
        } else {
            int[] renumber = numericOrder(ids.keySet());
            names = new ArrayList<>(ids.keySet());
            if (renumber != null) {
                String[] sorted = new String[names.size()];
                for (int k = 0; k < names.size(); k++) {
                    sorted[renumber[k]] = names.get(k);
                }
                names = Arrays.asList(sorted);
                for (int k = 0; k < used; k++) {
                    pre[k] = renumber[pre[k]];
                    post[k] = renumber[post[k]];
                }
            }
        }
        List<EdgeLayerBuilder> builders = new ArrayList<>();
        if (columns.type() >= 0) {
            for (EdgeTypeMapping.Layer layer : mapping.layers()) {
                builders.add(new EdgeLayerBuilder(layer.name(), layer.symmetric()));
            }
        } else {
            builders.add(new EdgeLayerBuilder("weight", false));
        }
        for (int k = 0; k < used; k++) {
            builders.get(layerOf[k]).add(pre[k], post[k], weight[k], line[k]);
        }
        List<EdgeLayer> layers = new ArrayList<>();
        for (EdgeLayerBuilder builder : builders) {
            layers.add(builder.build(names.size(), options.duplicates() == Duplicates.SUM, file.toString(), names));
        }
        return new Connectome(file.toString(), "edge-list", names, null, layers, rowTypes);
    }

    private static Columns columns(DelimitedText text) throws ConnectomeException {
        List<DelimitedText.Row> rows = text.rows();
        String[] first = rows.get(0).cells();
        int width = first.length;
        if (width < 2) {
            throw new ConnectomeException(text.file() + ": line " + rows.get(0).line() + " has one field; an edge list"
                    + " has at least two (pre, post), separated by commas, tabs, semicolons or spaces");
        }
        int pre = find(first, PRE);
        int post = find(first, POST, pre);
        int weight = find(first, WEIGHT, pre, post);
        int type = find(first, TYPE, pre, post, weight);
        boolean header = pre >= 0 || post >= 0 || weight >= 0 || type >= 0 || looksLikeHeader(rows, width);
        int start = header ? 1 : 0;
        if (pre < 0) {
            pre = firstFree(width, -1, post, weight, type);
        }
        if (post < 0) {
            post = firstFree(width, pre, -1, weight, type);
        }
        boolean[] numeric = numericColumns(rows, start, width);
        if (weight < 0) {
            for (int c = 0; c < width; c++) {
                if (c != pre && c != post && c != type && numeric[c]) {
                    weight = c;
                    break;
                }
            }
        }
        if (type < 0 && !header) {
            for (int c = 0; c < width; c++) {
                if (c != pre && c != post && c != weight && !numeric[c]) {
                    type = c;
                    break;
                }
            }
        }
        return new Columns(header, pre, post, weight, type, width);
    }

    /** A first row of text above rows whose same cells hold numbers is a header. */
    private static boolean looksLikeHeader(List<DelimitedText.Row> rows, int width) {
        if (rows.size() < 2) {
            return false;
        }
        String[] first = rows.get(0).cells();
        String[] second = rows.get(1).cells();
        for (int c = 0; c < Math.min(width, second.length); c++) {
            if (!DelimitedText.isNumber(first[c]) && DelimitedText.isNumber(second[c])) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] numericColumns(List<DelimitedText.Row> rows, int start, int width) {
        boolean[] numeric = new boolean[width];
        Arrays.fill(numeric, rows.size() > start);
        for (int r = start; r < Math.min(rows.size(), start + SAMPLE_ROWS); r++) {
            String[] cells = rows.get(r).cells();
            for (int c = 0; c < width; c++) {
                numeric[c] &= c < cells.length && DelimitedText.isNumber(cells[c]);
            }
        }
        return numeric;
    }

    private static int firstFree(int width, int a, int b, int c, int d) {
        for (int i = 0; i < width; i++) {
            if (i != a && i != b && i != c && i != d) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The column whose header is one of {@code names}; failing that, the first whose header has one
     * of them as a word ({@code pre_root_id}, {@code bodyId_post}, {@code syn_count}).
     */
    private static int find(String[] header, Set<String> names, int... taken) {
        for (int c = 0; c < header.length; c++) {
            if (names.contains(normalized(header[c])) && !contains(taken, c)) {
                return c;
            }
        }
        for (int c = 0; c < header.length; c++) {
            if (contains(taken, c)) {
                continue;
            }
            for (String word : normalized(header[c]).split(" ")) {
                if (word.length() > 1 && names.contains(word)) {
                    return c;
                }
            }
        }
        return -1;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String header) {
        // camelCase to words first (bodyId_pre -> body id pre), then separators to spaces
        return header.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).replaceAll("[_.\\-]", " ")
                .replaceAll("\\s+", " ").strip();
    }

    private static EdgeTypeMapping mapping(DelimitedText text, int first, Columns columns, EdgeTypeMapping given)
            throws ConnectomeException {
        List<DelimitedText.Row> rows = text.rows();
        if (columns.type() < 0 && given != null) {
            throw new ConnectomeException(text.file() + ": an edge type mapping (" + given + ") was given, but the file"
                    + " has no type column; name one 'type' in the header, or leave the mapping out");
        }
        if (columns.type() < 0) {
            return null;
        }
        if (given != null) {
            return given;
        }
        Set<String> types = new LinkedHashSet<>();
        for (int r = first; r < rows.size(); r++) {
            String[] cells = rows.get(r).cells();
            if (columns.type() < cells.length) {
                types.add(cells[columns.type()]);
            }
        }
        return EdgeTypeMapping.auto(types);
    }

    private static String name(DelimitedText text, DelimitedText.Row row, int column, String role)
            throws ConnectomeException {
        String name = row.cell(column);
        if (name.isEmpty()) {
            throw new ConnectomeException(text.file() + ": line " + row.line() + " has no " + role + " node (field "
                    + (column + 1) + " is empty); fill it in or remove the row");
        }
        return name;
    }

    private static int id(String name, Map<String, Integer> ids, Map<String, Integer> fixed, DelimitedText text,
                          DelimitedText.Row row, Path labels) throws ConnectomeException {
        if (fixed != null) {
            Integer at = fixed.get(name);
            if (at == null) {
                throw new ConnectomeException(text.file() + ": line " + row.line() + " names node '" + name
                        + "', which the labels file " + labels + " does not list; add it there or correct the name");
            }
            return at;
        }
        Integer at = ids.get(name);
        if (at == null) {
            at = ids.size();
            ids.put(name, at);
        }
        return at;
    }

    private static double weight(DelimitedText text, DelimitedText.Row row, Columns columns, ConnectomeOptions options)
            throws ConnectomeException {
        String cell = row.cell(columns.weight());
        double w;
        try {
            w = DelimitedText.parse(cell);
        } catch (NumberFormatException e) {
            throw new ConnectomeException(text.file() + ": line " + row.line() + ": weight '" + cell + "' (field "
                    + (columns.weight() + 1) + ") is not a number; write the synapse count or weight as a number");
        }
        if (!Double.isFinite(w)) {
            throw new ConnectomeException(text.file() + ": line " + row.line() + ": weight " + cell + " is not a finite"
                    + " number; write the synapse count or weight, or remove the row");
        }
        if (w < 0 && !options.signedWeights()) {
            throw new ConnectomeException(text.file() + ": line " + row.line() + ": weight " + cell + " is negative; a"
                    + " synapse count is 0 or more (read the file with signed weights allowed if the signs are meant)");
        }
        return w;
    }

    /** The rank of each name in numeric order when all are integers, else null (keep first appearance). */
    private static int[] numericOrder(Set<String> names) {
        long[] values = new long[names.size()];
        int k = 0;
        for (String name : names) {
            if (!name.matches("[+-]?\\d{1,18}")) {
                return null;
            }
            values[k++] = Long.parseLong(name);
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(values[a], values[b]));
        int[] rank = new int[values.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }
}
