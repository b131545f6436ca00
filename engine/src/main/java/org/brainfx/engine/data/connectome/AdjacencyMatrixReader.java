package org.brainfx.engine.data.connectome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.brainfx.engine.data.connectome.ConnectomeOptions.Rows;
import org.brainfx.engine.data.connectome.ConnectomeOptions.SelfLoops;

/**
 * Reads a square adjacency matrix from text (comma, tab, semicolon or space separated), with or
 * without a label row and a label column, and an optional labels file. Row i, column j is the
 * connection from node i to node j unless told that rows are postsynaptic, or the corner cell
 * says so ({@code target\source}, {@code post\pre}, {@code to\from}).
 */
public final class AdjacencyMatrixReader {

    private AdjacencyMatrixReader() {
    }

    /** Reads {@code file} as an adjacency matrix. */
    public static Connectome read(Path file, ConnectomeOptions options) throws ConnectomeException {
        return read(DelimitedText.read(file), options);
    }

    /** Whether {@code text} (its first rows) looks like a square matrix: as many rows as numeric columns. */
    static boolean looksSquare(DelimitedText text, int totalRows) {
        List<DelimitedText.Row> rows = text.rows();
        if (rows.size() < 2) {
            return false;
        }
        boolean labelRow = hasLabelRow(rows.get(0).cells());
        DelimitedText.Row firstData = rows.get(labelRow ? 1 : 0);
        boolean labelColumn = !DelimitedText.isNumber(firstData.cell(0));
        int width = firstData.size() - (labelColumn ? 1 : 0);
        for (int c = labelColumn ? 1 : 0; c < firstData.size(); c++) {
            if (!DelimitedText.isNumber(firstData.cell(c))) {
                return false;
            }
        }
        return width >= 2 && width == totalRows - (labelRow ? 1 : 0);
    }

    private static boolean hasLabelRow(String[] first) {
        for (int c = 1; c < first.length; c++) {
            if (!DelimitedText.isNumber(first[c])) {
                return true;
            }
        }
        return false;
    }

    static Connectome read(DelimitedText text, ConnectomeOptions options) throws ConnectomeException {
        Path file = text.file();
        List<DelimitedText.Row> rows = text.rows();
        if (rows.isEmpty()) {
            throw new ConnectomeException(file + ": no rows; an adjacency matrix has one row per node");
        }
        boolean labelRow = hasLabelRow(rows.get(0).cells());
        int first = labelRow ? 1 : 0;
        if (rows.size() <= first) {
            throw new ConnectomeException(file + ": only a label row; the matrix's numbers are missing");
        }
        DelimitedText.Row firstData = rows.get(first);
        boolean labelColumn = !DelimitedText.isNumber(firstData.cell(0));
        int offset = labelColumn ? 1 : 0;
        int width = firstData.size() - offset;
        int n = rows.size() - first;
        for (int r = first; r < rows.size(); r++) {
            if (rows.get(r).size() != firstData.size()) {
                throw new ConnectomeException(file + ": line " + rows.get(r).line() + " has " + rows.get(r).size()
                        + " fields, line " + firstData.line() + " has " + firstData.size() + " (" + text.delimiterName()
                        + " separated); every row of a matrix has one field per node" + (labelColumn ? " plus its label"
                        : "") + ": fix the row");
            }
        }
        if (width != n) {
            throw new ConnectomeException(file + ": " + n + " rows and " + width + " columns of numbers; an adjacency"
                    + " matrix is square, one row and one column per node (labels, if any, must be text in the first"
                    + " row and column)");
        }
        List<String> rowNames = null;
        if (labelColumn) {
            rowNames = new ArrayList<>(n);
            for (int r = first; r < rows.size(); r++) {
                rowNames.add(rows.get(r).cell(0));
            }
        }
        List<String> columnNames = null;
        String corner = "";
        if (labelRow) {
            String[] header = rows.get(0).cells();
            int skip = header.length - n;
            if (skip != 0 && skip != 1) {
                throw new ConnectomeException(file + ": the label row (line " + rows.get(0).line() + ") has "
                        + header.length + " fields for " + n + " columns; give one label per column (and optionally a"
                        + " corner cell first)");
            }
            corner = skip == 1 ? header[0] : "";
            columnNames = new ArrayList<>(List.of(header).subList(skip, header.length));
        }
        int[] columnToRow = columnOrder(file, n, rowNames, columnNames);
        List<String> names = rowNames != null ? rowNames : columnNames;
        boolean rowsArePost = rowsArePost(options.rows(), corner);
        NodeLabels.Applied labels = options.labels() == null ? null
                : NodeLabels.read(options.labels()).apply(file.toString(), n, names);
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[labels == null ? i : labels.order()[i]] = i;
        }
        if (labels != null) {
            names = labels.names();
        } else if (names == null) {
            names = MatrixNodes.numbered(n);
        }
        EdgeLayerBuilder layer = new EdgeLayerBuilder("weight", false);
        for (int r = 0; r < n; r++) {
            DelimitedText.Row row = rows.get(first + r);
            for (int c = 0; c < n; c++) {
                String cell = row.cell(c + offset);
                int column = c + offset + 1;
                double w;
                try {
                    w = DelimitedText.parse(cell);
                } catch (NumberFormatException e) {
                    throw new ConnectomeException(file + ": line " + row.line() + ", column " + column + ": '"
                            + cell + "' is not a number; a matrix holds numbers (labels go in the first row and column"
                            + " only)");
                }
                if (MatrixNodes.bad(w, options)) {
                    throw MatrixNodes.refused(w, file + ": line " + row.line() + ", column " + column);
                }
                int i = position[r];
                int j = position[columnToRow[c]];
                if (w == 0 || (i == j && options.selfLoops() == SelfLoops.DROP)) {
                    continue;
                }
                if (rowsArePost) {
                    layer.add(j, i, w, row.line());
                } else {
                    layer.add(i, j, w, row.line());
                }
            }
        }
        EdgeLayer built = layer.build(n, false, file.toString(), names);
        NodeAttributes attributes = MatrixNodes.typeAttributes(n, labels);
        return new Connectome(file.toString(), "adjacency-matrix", names, attributes, List.of(built), Map.of());
    }

    /** For each column, the row of the same node: labels of rows and columns name the same nodes. */
    private static int[] columnOrder(Path file, int n, List<String> rowNames, List<String> columnNames)
            throws ConnectomeException {
        int[] order = new int[n];
        for (int c = 0; c < n; c++) {
            order[c] = c;
        }
        if (rowNames == null || columnNames == null || rowNames.equals(columnNames)) {
            return order;
        }
        Map<String, Integer> rowIndex = new HashMap<>();
        for (int r = 0; r < rowNames.size(); r++) {
            rowIndex.put(rowNames.get(r), r);
        }
        for (int c = 0; c < n; c++) {
            Integer r = rowIndex.get(columnNames.get(c));
            if (r == null) {
                throw new ConnectomeException(file + ": column " + (c + 2) + " is labelled '" + columnNames.get(c)
                        + "', which no row is; rows and columns of an adjacency matrix label the same nodes");
            }
            order[c] = r;
        }
        return order;
    }

    private static boolean rowsArePost(Rows rows, String corner) {
        if (rows != Rows.AUTO) {
            return rows == Rows.POST;
        }
        String c = corner.toLowerCase(Locale.ROOT).replace(" ", "");
        return c.startsWith("target\\") || c.startsWith("post\\") || c.startsWith("to\\")
                || c.startsWith("postsynaptic\\");
    }
}
