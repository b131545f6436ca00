package org.brainfx.engine.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads traces stored one per row (the layout of the reference's HH files): an optional header
 * row of sample indices, then rows whose optional first column is a row index; every value is
 * multiplied by {@code scale} (e.g. 1e9 for amperes → nA).
 */
public final class RowTraceCsv {
    private RowTraceCsv() {
    }

    /**
     * Reads all traces; fails naming the file, line and column of any value that is not a finite
     * number, or of a row whose length differs from the first.
     *
     * @param indexColumn true when each row starts with a row index to skip
     */
    public static double[][] read(Path file, double scale, boolean indexColumn) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": " + CsvReader.NOT_UTF8, e);
        }
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (rows.isEmpty() && width < 0 && (cells[0].isEmpty() || isHeader(cells))) {
                width = -2;
                continue;
            }
            int first = indexColumn ? 1 : 0;
            double[] row = new double[cells.length - first];
            for (int c = first; c < cells.length; c++) {
                String cell = cells[c].trim();
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": line " + (ln + 1) + ", column " + (c + 1) + ": '" + cell
                            + "' is not a number; every value after the index column must be numeric");
                }
                if (!Double.isFinite(v)) {
                    throw new IOException(file + ": line " + (ln + 1) + ", column " + (c + 1) + ": value " + cell
                            + " is not finite; remove or interpolate the bad sample");
                }
                row[c - first] = v * scale;
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new IOException(file + ": line " + (ln + 1) + " has " + row.length + " samples but the first trace has "
                        + rows.get(0).length + "; all traces must have the same length");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": no traces found; expected one trace per row");
        }
        return rows.toArray(new double[0][]);
    }

    private static boolean isHeader(String[] cells) {
        for (String c : cells) {
            String t = c.trim();
            if (!t.isEmpty() && !t.matches("-?\\d+")) {
                return false;
            }
        }
        return cells.length > 1 && cells[1].trim().equals("0");
    }
}
