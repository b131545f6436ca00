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

    /** Reads {@code file} as an edge list, streaming its rows (a long list is never held as text). */
    public static Connectome read(Path file, ConnectomeOptions options) throws ConnectomeException {
        DelimitedText head = DelimitedText.read(file, SAMPLE_ROWS + 1, options.delimiter());
        if (head.rows().isEmpty()) {
            throw new ConnectomeException(file + ": no rows; an edge list has one row per connection (pre, post, weight)");
        }
        Columns columns = columns(head, options.header());
        EdgeTypeMapping mapping = mapping(head, columns, options.mapping());
        Map<String, Integer> fixedOrder = options.labels() == null ? null : NodeLabels.read(options.labels()).nodeOrder();
        Rows rows = new Rows(head, columns, mapping, fixedOrder, options);
        head.forEachRow(rows::add);
        if (columns.type() >= 0 && options.mapping() == null
                && !mapping.equals(EdgeTypeMapping.auto(rows.rowTypes.keySet()))) {
            // the first rows did not show every type, and the default mapping depends on all of them: read again
            mapping = EdgeTypeMapping.auto(rows.rowTypes.keySet());
            rows = new Rows(head, columns, mapping, fixedOrder, options);
            head.forEachRow(rows::add);
        }
        List<String> names = rows.names();
        List<EdgeLayerBuilder> builders = new ArrayList<>();
        if (columns.type() >= 0) {
            for (EdgeTypeMapping.Layer layer : mapping.layers()) {
                builders.add(new EdgeLayerBuilder(layer.name(), layer.symmetric()));
            }
        } else {
            builders.add(new EdgeLayerBuilder("weight", false));
        }
        for (int k = 0; k < rows.used; k++) {
            builders.get(rows.layerOf[k]).add(rows.pre[k], rows.post[k], rows.weight[k], rows.line[k]);
        }
        List<EdgeLayer> layers = new ArrayList<>();
        for (EdgeLayerBuilder builder : builders) {
            layers.add(builder.build(names.size(), options.duplicates() == Duplicates.SUM, file.toString(), names));
        }
        return new Connectome(file.toString(), "edge-list", names, null, layers, rows.rowTypes);
    }

    /** The rows of an edge list as they stream by: checked, named nodes numbered, kept as primitive columns. */
    private static final class Rows {
        final DelimitedText text;
        final Columns columns;
        final EdgeTypeMapping mapping;
        final Map<String, Integer> fixedOrder;
        final ConnectomeOptions options;
        final Map<String, Integer> rowTypes = new LinkedHashMap<>();
        final Map<String, Integer> ids = new LinkedHashMap<>();
        int seen;
        int used;
        int[] layerOf = new int[1024];
        int[] pre = new int[1024];
        int[] post = new int[1024];
        double[] weight = new double[1024];
        int[] line = new int[1024];

        Rows(DelimitedText text, Columns columns, EdgeTypeMapping mapping, Map<String, Integer> fixedOrder,
             ConnectomeOptions options) {
            this.text = text;
            this.columns = columns;
            this.mapping = mapping;
            this.fixedOrder = fixedOrder;
            this.options = options;
        }

        void add(DelimitedText.Row row) throws ConnectomeException {
            if (seen++ == 0 && columns.header()) {
                return;
            }
            if (row.size() != columns.width()) {
                throw new ConnectomeException(text.file() + ": line " + row.line() + " has " + row.size() + " fields, "
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
                return;
            }
            double w = columns.weight() >= 0 ? weight(text, row, columns, options) : 1;
            int i = id(name(text, row, columns.pre(), "presynaptic"), row);
            int j = id(name(text, row, columns.post(), "postsynaptic"), row);
            if (w == 0 || (i == j && options.selfLoops() == SelfLoops.DROP)) {
                return;
            }
            if (used == pre.length) {
                int capacity = 2 * used;
                layerOf = Arrays.copyOf(layerOf, capacity);
                pre = Arrays.copyOf(pre, capacity);
                post = Arrays.copyOf(post, capacity);
                weight = Arrays.copyOf(weight, capacity);
                line = Arrays.copyOf(line, capacity);
            }
            layerOf[used] = layer;
            pre[used] = i;
            post[used] = j;
            weight[used] = w;
            line[used++] = row.line();
        }

        private int id(String name, DelimitedText.Row row) throws ConnectomeException {
            if (fixedOrder != null) {
                Integer at = fixedOrder.get(name);
                if (at == null) {
                    throw new ConnectomeException(text.file() + ": line " + row.line() + " names node '" + name
                            + "', which the labels file " + options.labels() + " does not list; add it there or correct"
                            + " the name");
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

        /** Node names in index order; integer names are put in numeric order (and the rows renumbered). */
        List<String> names() {
            if (fixedOrder != null) {
                return new ArrayList<>(fixedOrder.keySet());
            }
            List<String> names = new ArrayList<>(ids.keySet());
            int[] renumber = numericOrder(ids.keySet());
            if (renumber == null) {
                return names;
            }
            String[] sorted = new String[names.size()];
            for (int k = 0; k < names.size(); k++) {
                sorted[renumber[k]] = names.get(k);
            }
            for (int k = 0; k < used; k++) {
                pre[k] = renumber[pre[k]];
                post[k] = renumber[post[k]];
            }
            return Arrays.asList(sorted);
        }
    }

    /** The columns of {@code text}, its first row a header if {@code header} says so (null: if it looks like one). */
    private static Columns columns(DelimitedText text, Boolean header) throws ConnectomeException {
        List<DelimitedText.Row> rows = text.rows();
        String[] first = rows.get(0).cells();
        int width = first.length;
        if (width < 2) {
            throw new ConnectomeException(text.file() + ": line " + rows.get(0).line() + " has one field; an edge list"
                    + " has at least two (pre, post), separated by commas, tabs, semicolons or spaces");
        }
        // A first row said to be data names no columns, whatever its words.
        boolean named = !Boolean.FALSE.equals(header);
        int pre = named ? find(first, PRE) : -1;
        int post = named ? find(first, POST, pre) : -1;
        int weight = named ? find(first, WEIGHT, pre, post) : -1;
        int type = named ? find(first, TYPE, pre, post, weight) : -1;
        boolean hasHeader = header != null ? header
                : pre >= 0 || post >= 0 || weight >= 0 || type >= 0 || looksLikeHeader(rows, width);
        int start = hasHeader ? 1 : 0;
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
        if (type < 0 && !hasHeader) {
            for (int c = 0; c < width; c++) {
                if (c != pre && c != post && c != weight && !numeric[c]) {
                    type = c;
                    break;
                }
            }
        }
        return new Columns(hasHeader, pre, post, weight, type, width);
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

    private static EdgeTypeMapping mapping(DelimitedText head, Columns columns, EdgeTypeMapping given)
            throws ConnectomeException {
        if (columns.type() < 0 && given != null) {
            throw new ConnectomeException(head.file() + ": an edge type mapping (" + given + ") was given, but the file"
                    + " has no type column; name one 'type' in the header, or leave the mapping out");
        }
        if (columns.type() < 0 || given != null) {
            return given;
        }
        // a first guess from the first rows; read() checks it against every type once all rows are read
        Set<String> types = new LinkedHashSet<>();
        List<DelimitedText.Row> rows = head.rows();
        for (int r = columns.header() ? 1 : 0; r < rows.size(); r++) {
            if (columns.type() < rows.get(r).size()) {
                types.add(rows.get(r).cell(columns.type()));
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
