package org.brainfx.app.export;

import java.util.List;
import java.util.Locale;

/**
 * A table as CSV text (RFC 4180 quoting, one header line, lines ending in {@code \n}), so
 * results open in a spreadsheet, pandas or R without hand-editing.
 */
public final class ResultCsv {

    private ResultCsv() {
    }

    /**
     * The header and rows as CSV; a cell with a comma, quote or line break is quoted.
     *
     * @throws IllegalArgumentException when a row has a different number of cells than the header
     */
    public static String format(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("CSV row " + (i + 1) + " has " + row.size() + " cells but the header has "
                        + header.size() + ": " + row);
            }
            line(out, row);
        }
        return out.toString();
    }

    /** A number as a parser reads it back exactly ({@code 1.5E-4}, {@code 12.0}); null or non-finite is an empty cell. */
    public static String number(Double value) {
        return value == null || !Double.isFinite(value) ? "" : String.valueOf(value.doubleValue());
    }

    /** A whole number in plain digits. */
    public static String number(long value) {
        return String.format(Locale.ROOT, "%d", value);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(c)));
        }
        out.append('\n');
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
