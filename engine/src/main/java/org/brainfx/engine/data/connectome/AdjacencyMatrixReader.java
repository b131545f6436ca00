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

    /** Whether {@code text} (its first rows) looks like a square matrix: as many rows as numeric columns. */
    static boolean looksSquare(DelimitedText text, int totalRows) {
        List<DelimitedText.Row> rows = text.rows();
        if (rows.size() < 2) {
            return false;
        }
        boolean labelRow = hasLabelRow(rows.get(0).cells());
        DelimitedText.Row firstData = rows.get(labelRow ? 1 : 0);
        boolean labelColumn = hasLabelColumn(rows.get(0), labelRow, firstData);
        int width = firstData.size() - (labelColumn ? 1 : 0);
        for (int c = labelColumn ? 1 : 0; c < firstData.size(); c++) {
            if (!DelimitedText.isNumber(firstData.cell(c))) {
                return false;
            }
        }
        return width >= 2 && width == totalRows - (labelRow ? 1 : 0);
    }

    /**
     * A first row with text after its first cell, or with an empty first cell (the corner above a
     * label column, as pandas writes a matrix of numbered nodes: {@code ,0,1,2}), labels the columns.
     */
    private static boolean hasLabelRow(String[] first) {
        for (int c = 1; c < first.length; c++) {
            if (!DelimitedText.isNumber(first[c])) {
                return true;
            }
        }
        return first.length >= 2 && first[0].isEmpty();
    }

    /** A first column of text, or below an empty corner cell (numbered nodes), labels the rows. */
    private static boolean hasLabelColumn(DelimitedText.Row first, boolean labelRow, DelimitedText.Row firstData) {
        return !DelimitedText.isNumber(firstData.cell(0))
                || labelRow && first.cell(0).isEmpty() && first.size() == firstData.size();
    }

    /**
     * Reads {@code file} as an adjacency matrix, streaming its rows into sparse form (a matrix is
     * never held as text, nor densely).
     */
    public static Connectome read(Path file, ConnectomeOptions options) throws ConnectomeException {
        DelimitedText head = DelimitedText.read(file, 2, options.delimiter());
        List<DelimitedText.Row> rows = head.rows();
        if (rows.isEmpty()) {
            throw new ConnectomeException(file + ": no rows; an adjacency matrix has one row per node");
        }
        boolean labelRow = options.header() != null ? options.header() : hasLabelRow(rows.get(0).cells());
        int first = labelRow ? 1 : 0;
        if (rows.size() <= first) {
            throw new ConnectomeException(file + ": only a label row; the matrix's numbers are missing");
        }
        DelimitedText.Row firstData = rows.get(first);
        boolean labelColumn = hasLabelColumn(rows.get(0), labelRow, firstData);
        int offset = labelColumn ? 1 : 0;
        int n = firstData.size() - offset;
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
        // rows go in as read (row r, column c); nodes are matched, reordered and oriented once all rows are in
        EdgeLayerBuilder raw = new EdgeLayerBuilder("weight", false);
        List<String> rowNames = labelColumn ? new ArrayList<>() : null;
        int[] count = {0};
        // The line of row n + 1 (the first row too many) and of the last row, to name where a non-square matrix goes wrong.
        int[] lines = {0, 0};
        head.forEachRow(row -> {
            if (count[0]++ < first) {
                return;
            }
            lines[1] = row.line();
            if (count[0] - first == n + 1) {
                lines[0] = row.line();
            }
            if (row.size() != firstData.size()) {
                throw new ConnectomeException(file + ": line " + row.line() + " has " + row.size() + " fields, line "
                        + firstData.line() + " has " + firstData.size() + " (" + head.delimiterName() + " separated);"
                        + " every row of a matrix has one field per node" + (labelColumn ? " plus its label" : "")
                        + ": fix the row");
            }
            int r = count[0] - 1 - first;
            if (labelColumn) {
                rowNames.add(row.cell(0));
            }
            for (int c = 0; c < n && r < n; c++) {
                double w = number(file, row, c + offset, options);
                if (w != 0) {
                    raw.add(r, c, w, row.line());
                }
            }
        });
        int rowCount = count[0] - first;
        if (rowCount != n) {
            String where = rowCount > n ? "line " + lines[0] + " is row " + (n + 1) + " of a matrix " + n + " wide"
                    : "the last row (line " + lines[1] + ") is row " + rowCount + " of a matrix " + n + " wide";
            throw new ConnectomeException(file + ": " + rowCount + " rows and " + n + " columns of numbers (" + where
                    + "); an adjacency matrix is square, one row and one column per node (labels, if any, must be text"
                    + " in the first row and column)");
        }
        int[] columnToRow = columnOrder(file, labelRow ? rows.get(0).line() : 0, n, rowNames, columnNames);
        List<String> names = rowNames != null ? rowNames : columnNames;
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
        boolean rowsArePost = rowsArePost(options.rows(), corner);
        EdgeLayer read = raw.build(n, false, file.toString(), names);
        EdgeLayerBuilder layer = new EdgeLayerBuilder("weight", false);
        for (int r = 0; r < n; r++) {
            for (int k = read.rowStart(r); k < read.rowStart(r + 1); k++) {
                int i = position[r];
                int j = position[columnToRow[read.post(k)]];
                if (i == j && options.selfLoops() == SelfLoops.DROP) {
                    continue;
                }
                layer.add(rowsArePost ? j : i, rowsArePost ? i : j, read.weight(k), 0);
            }
        }
        EdgeLayer built = layer.build(n, false, file.toString(), names);
        NodeAttributes attributes = MatrixNodes.typeAttributes(n, labels);
        return new Connectome(file.toString(), "adjacency-matrix", names, attributes, List.of(built), Map.of());
    }

    private static double number(Path file, DelimitedText.Row row, int column, ConnectomeOptions options)
            throws ConnectomeException {
        String cell = row.cell(column);
        double w;
        try {
            w = DelimitedText.parse(cell);
        } catch (NumberFormatException e) {
            throw new ConnectomeException(file + ": line " + row.line() + ", column " + (column + 1) + ": '" + cell
                    + "' is not a number; a matrix holds numbers (labels go in the first row and column only)");
        }
        if (MatrixNodes.bad(w, options)) {
            throw MatrixNodes.refused(w, file + ": line " + row.line() + ", column " + (column + 1));
        }
        return w;
    }

    /** For each column, the row of the same node: labels of rows and columns name the same nodes. */
    private static int[] columnOrder(Path file, int labelLine, int n, List<String> rowNames, List<String> columnNames)
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
                throw new ConnectomeException(file + ": line " + labelLine + ", column " + (c + 2) + " is labelled '"
                        + columnNames.get(c)
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
