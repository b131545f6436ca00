package org.brainfx.engine.data.connectome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads per-node attributes for a connectome from a second file: a table with a header whose name
 * column ({@code name}, {@code label}, {@code node}, {@code neuron}, {@code cell}, {@code id},
 * {@code area} or {@code region}, else the first column) names nodes of the connectome, and whose
 * other columns are attributes — numeric where every given value is a number, text otherwise;
 * well-known headers become {@code type}, {@code neurotransmitter}, {@code area}, {@code x/y/z}.
 * A .mat, .npz or .npy file gives its vectors of one entry per node, in node order.
 */
final class NodeAttributeReader {
    private static final List<String> NAME_COLUMNS = List.of("name", "label", "node", "neuron", "cell", "id", "area",
            "region");
    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("type", NodeAttributes.TYPE), Map.entry("cell type", NodeAttributes.TYPE),
            Map.entry("celltype", NodeAttributes.TYPE), Map.entry("class", NodeAttributes.TYPE),
            Map.entry("cell class", NodeAttributes.TYPE), Map.entry("group", NodeAttributes.TYPE),
            Map.entry("neurotransmitter", NodeAttributes.NEUROTRANSMITTER),
            Map.entry("transmitter", NodeAttributes.NEUROTRANSMITTER), Map.entry("nt", NodeAttributes.NEUROTRANSMITTER),
            Map.entry("area", NodeAttributes.AREA), Map.entry("region", NodeAttributes.AREA),
            Map.entry("x", NodeAttributes.X), Map.entry("y", NodeAttributes.Y), Map.entry("z", NodeAttributes.Z),
            Map.entry("pos x", NodeAttributes.X), Map.entry("pos y", NodeAttributes.Y),
            Map.entry("pos z", NodeAttributes.Z));

    private NodeAttributeReader() {
    }

    static NodeAttributes read(Path file, Connectome connectome) throws ConnectomeException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mat") || lower.endsWith(".npz") || lower.endsWith(".npy")) {
            List<NamedArray> arrays = lower.endsWith(".mat") ? MatFiles.read(file).arrays()
                    : lower.endsWith(".npz") ? Connectomes.npz(file)
                    : List.of(NpyFormat.read(Connectomes.bytes(file), file.toString(), stem(file)));
            return fromArrays(file, arrays, connectome.nodeCount());
        }
        return fromTable(DelimitedText.read(file), connectome);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static NodeAttributes fromArrays(Path file, List<NamedArray> arrays, int n) throws ConnectomeException {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        Map<String, double[]> numbers = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (NamedArray a : arrays) {
            int length = a.numeric() ? a.vectorLength() : a.texts().size();
            if (length == n) {
                if (a.numeric()) {
                    numbers.put(a.name(), a.vector());
                } else {
                    texts.put(a.name(), a.texts());
                }
            } else if (length > 1) {
                wrong.add(a.describe());
            }
        }
        if (texts.isEmpty() && numbers.isEmpty()) {
            throw new ConnectomeException(file + ": no array of " + n + " entries (one per node) among "
                    + (arrays.isEmpty() ? "its arrays" : String.join(", ", wrong.isEmpty()
                    ? arrays.stream().map(NamedArray::describe).toList() : wrong))
                    + "; node attributes need one value per node of the connectome");
        }
        return NodeAttributes.of(n, texts, numbers);
    }

    private static NodeAttributes fromTable(DelimitedText text, Connectome connectome) throws ConnectomeException {
        Path file = text.file();
        List<DelimitedText.Row> rows = text.rows();
        if (rows.size() < 2) {
            throw new ConnectomeException(file + ": node attributes need a header row and one row per node");
        }
        String[] header = rows.get(0).cells();
        Map<String, Integer> index = connectome.nodeIndex();
        for (String h : header) {
            if (index.containsKey(h) && !NAME_COLUMNS.contains(normalized(h))) {
                throw new ConnectomeException(file + ": line " + rows.get(0).line() + ", the first row, names node '" + h
                        + "': a node attributes file"
                        + " starts with a header naming its columns (for example name,type,neurotransmitter)");
            }
        }
        int nameColumn = 0;
        for (String candidate : NAME_COLUMNS) {
            int c = column(header, candidate);
            if (c >= 0) {
                nameColumn = c;
                break;
            }
        }
        int n = connectome.nodeCount();
        String[][] cells = new String[header.length][n];
        Map<String, Integer> seenOn = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            DelimitedText.Row row = rows.get(r);
            if (row.size() != header.length) {
                throw new ConnectomeException(file + ": line " + row.line() + " has " + row.size() + " fields, the"
                        + " header has " + header.length + "; give every row the same fields");
            }
            String name = row.cell(nameColumn);
            Integer node = index.get(name);
            if (node == null) {
                throw new ConnectomeException(file + ": line " + row.line() + " names node '" + name + "', which "
                        + connectome.source() + " does not have (its nodes: " + NodeLabels.preview(connectome.nodes())
                        + "); correct the name or remove the line");
            }
            Integer earlier = seenOn.put(name, row.line());
            if (earlier != null) {
                throw new ConnectomeException(file + ": line " + row.line() + " repeats node '" + name + "' of line "
                        + earlier + "; give each node one row");
            }
            for (int c = 0; c < header.length; c++) {
                cells[c][node] = row.cell(c).isEmpty() ? null : row.cell(c);
            }
        }
        Map<String, List<String>> texts = new LinkedHashMap<>();
        Map<String, double[]> numbers = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (c == nameColumn) {
                continue;
            }
            String name = WELL_KNOWN.getOrDefault(normalized(header[c]), header[c]);
            if (texts.containsKey(name) || numbers.containsKey(name)) {
                throw new ConnectomeException(file + ": line " + rows.get(0).line() + ", column " + (c + 1) + " ('"
                        + header[c] + "') repeats the"
                        + " attribute '" + name + "'; rename one of them");
            }
            if (numericColumn(cells[c])) {
                double[] values = new double[n];
                Arrays.fill(values, Double.NaN);
                for (int i = 0; i < n; i++) {
                    if (cells[c][i] != null) {
                        values[i] = DelimitedText.parse(cells[c][i]);
                    }
                }
                numbers.put(name, values);
            } else {
                texts.put(name, Arrays.asList(cells[c]));
            }
        }
        return NodeAttributes.of(n, texts, numbers);
    }

    private static boolean numericColumn(String[] column) {
        boolean any = false;
        for (String cell : column) {
            if (cell != null) {
                if (!DelimitedText.isNumber(cell)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static int column(String[] header, String name) {
        for (int c = 0; c < header.length; c++) {
            if (normalized(header[c]).equals(name)) {
                return c;
            }
        }
        return -1;
    }

    private static String normalized(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[_.\\-]", " ").replaceAll("\\s+", " ").strip();
    }
}
