package org.brainfx.app.fit;

import java.util.List;

/** The fitted parameters as CSV: a header row, then one row per parameter with its unit, bounds and start value. */
final class ResultsCsv {

    private ResultsCsv() {
    }

    /** The CSV text, lines ending in {@code \n}; numbers exact, with a dot as decimal separator; empty where not finite. */
    static String of(List<ParameterRow> rows) {
        StringBuilder out = new StringBuilder("parameter,fitted,unit,lower,upper,start\n");
        for (ParameterRow r : rows) {
            out.append(quoted(r.name())).append(',').append(number(r.value())).append(',').append(quoted(r.unit()))
                    .append(',').append(number(r.lower())).append(',').append(number(r.upper())).append(',')
                    .append(number(r.start())).append('\n');
        }
        return out.toString();
    }

    private static String number(double v) {
        // Java's shortest round-trip form: reading the file back gives the same doubles.
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** Quotes a field only when it holds a comma, quote or line break, doubling inner quotes (RFC 4180). */
    private static String quoted(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
