package org.brainfx.app.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as aligned columns: text columns left-aligned, numeric columns right-aligned. */
final class TextTable {

    private TextTable() {
    }

    /**
     * Prints {@code rows} (the first is the header) with two spaces between columns.
     *
     * @param firstNumeric index of the first right-aligned column; the columns before it are text
     */
    static void print(PrintWriter out, List<String[]> rows, int firstNumeric) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(c < firstNumeric ? row[c] + pad : pad + row[c]);
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
