package org.brainfx.engine.data.connectome;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text table as connectome files write them: comma, tab, semicolon or whitespace separated
 * (found from the first lines), double-quoted cells allowed, cells trimmed (real files pad names
 * with spaces), blank lines and comment lines ({@code #} or {@code %}) skipped, each row keeping
 * its line number for messages.
 *
 * @param file              the file read
 * @param delimiter         the separator, or {@link #WHITESPACE}
 * @param trailingSeparator every row ended in a separator, and that empty last cell was dropped
 * @param rows              the non-blank, non-comment rows in file order (or the first of them)
 */
record DelimitedText(Path file, char delimiter, boolean trailingSeparator, List<Row> rows) {
    /** The delimiter value meaning "runs of spaces or tabs". */
    static final char WHITESPACE = ' ';

    private static final int SNIFF_LINES = 20;

    /** One row's cells and its 1-based line number in the file. */
    record Row(int line, String[] cells) {
        int size() {
            return cells.length;
        }

        String cell(int i) {
            return cells[i];
        }
    }

    /** Takes rows one at a time. */
    interface RowConsumer {
        void accept(Row row) throws ConnectomeException;
    }

    /** Takes the non-blank, non-comment lines of a file with their line numbers; returns false to stop. */
    private interface LineConsumer {
        boolean accept(String line, int number) throws ConnectomeException;
    }

    /** Reads the whole of {@code file}. */
    static DelimitedText read(Path file) throws ConnectomeException {
        return read(file, Integer.MAX_VALUE);
    }

    /** Reads at most {@code maxRows} rows of {@code file} (enough to recognize what it is). */
    static DelimitedText read(Path file, int maxRows) throws ConnectomeException {
        return read(file, maxRows, null);
    }

    /**
     * Reads at most {@code maxRows} rows of {@code file} split at {@code delimiter} ({@link #WHITESPACE} for runs of
     * blanks), or at the separator found in the first lines when it is null.
     */
    static DelimitedText read(Path file, int maxRows, Character delimiter) throws ConnectomeException {
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        lines(file, (line, number) -> {
            lines.add(line);
            numbers.add(number);
            return lines.size() < maxRows;
        });
        char separator = delimiter != null ? delimiter : delimiter(lines.subList(0, Math.min(SNIFF_LINES, lines.size())));
        List<Row> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new Row(numbers.get(i), split(lines.get(i), separator, file, numbers.get(i))));
        }
        boolean trailing = trailingSeparator(rows);
        if (trailing) {
            rows.replaceAll(DelimitedText::withoutLastCell);
        }
        return new DelimitedText(file, separator, trailing, rows);
    }

    /**
     * Streams every row of the whole file, split as these (first) rows were, so that a long edge
     * list is never held as text.
     */
    void forEachRow(RowConsumer consumer) throws ConnectomeException {
        lines(file, (line, number) -> {
            Row row = new Row(number, split(line, delimiter, file, number));
            consumer.accept(trailingSeparator && row.size() > 1 && row.cell(row.size() - 1).isEmpty()
                    ? withoutLastCell(row) : row);
            return true;
        });
    }

    private static void lines(Path file, LineConsumer consumer) throws ConnectomeException {
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("%")) {
                    continue;
                }
                if (!consumer.accept(line, number)) {
                    return;
                }
            }
        } catch (ConnectomeException e) {
            // A row's own error already names the file, line and fix: pass it on unwrapped.
            throw e;
        } catch (NoSuchFileException e) {
            throw new ConnectomeException(file + ": no such file");
        } catch (MalformedInputException e) {
            // The decoder reads ahead in blocks, so the bad bytes are somewhere after the last line handed out.
            throw new ConnectomeException(file + ": not UTF-8 text" + (number == 0 ? "" : " after line " + number)
                    + "; a connectome table is a text file (save it as UTF-8 CSV), or a .npy, .npz or .mat file", e);
        } catch (IOException e) {
            throw new ConnectomeException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Whether every row ends in an empty cell: spreadsheets and some writers end each line with a
     * separator, which is no column of data.
     */
    private static boolean trailingSeparator(List<Row> rows) {
        for (Row row : rows) {
            if (row.size() < 2 || !row.cell(row.size() - 1).isEmpty()) {
                return false;
            }
        }
        return !rows.isEmpty();
    }

    private static Row withoutLastCell(Row row) {
        return new Row(row.line(), Arrays.copyOf(row.cells(), row.size() - 1));
    }

    /**
     * The separator of the first line that at least half the sampled lines share, tab before comma
     * before semicolon; else whitespace. (Not "every line": a ragged line must reach the check that
     * names it, not change the separator.)
     */
    private static char delimiter(List<String> sample) {
        for (char candidate : new char[] {'\t', ',', ';'}) {
            if (sample.isEmpty() || count(sample.get(0), candidate) == 0) {
                continue;
            }
            int lines = 0;
            for (String line : sample) {
                lines += count(line, candidate) > 0 ? 1 : 0;
            }
            if (2 * lines >= sample.size()) {
                return candidate;
            }
        }
        return WHITESPACE;
    }

    private static int count(String line, char c) {
        int n = 0;
        int all = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c) {
                all++;
                n += quoted ? 0 : 1;
            }
        }
        // a quote left open is an error reported when the line is split; its separators still count here
        return quoted ? all : n;
    }

    private static String[] split(String line, char delimiter, Path file, int number) throws ConnectomeException {
        if (delimiter == WHITESPACE) {
            return splitOnWhitespace(line);
        }
        List<String> cells = new ArrayList<>();
        if (line.indexOf('"') < 0) {
            // no quotes (nearly every line): cut at each separator; indexOf is fast even before the JIT warms up,
            // which is what a command-line read of one file runs in
            int start = 0;
            for (int at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, start)) {
                cells.add(line.substring(start, at).strip());
                start = at + 1;
            }
            cells.add(line.substring(start).strip());
            return cells.toArray(new String[0]);
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new ConnectomeException(file + ": line " + number + " opens a quote (\") that it does not close;"
                    + " close it or remove it");
        }
        cells.add(cell.toString().strip());
        return cells.toArray(new String[0]);
    }

    private static String[] splitOnWhitespace(String line) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                cells.add(line.substring(start, i));
            }
        }
        return cells.toArray(new String[0]);
    }

    /** Whether {@code cell} is a number as tables write them (NaN and infinities included, to be refused later). */
    static boolean isNumber(String cell) {
        return decimalEnd(cell) == cell.length() && !cell.isEmpty() || special(cell) != 0;
    }

    /**
     * The number in {@code cell}, NaN/inf spelled any case; a cell that is no number throws. Plain
     * decimals are checked by a scan rather than a regular expression: this runs once per cell.
     */
    static double parse(String cell) {
        if (!cell.isEmpty() && decimalEnd(cell) == cell.length()) {
            return Double.parseDouble(cell);
        }
        double v = special(cell);
        if (v == 0) {
            throw new NumberFormatException(cell);
        }
        return v;
    }

    /**
     * Where a leading decimal number {@code [+-]digits[.digits][e[+-]digits]} (with at least one
     * digit before the exponent) ends in {@code s}; -1 if it has no digit. Rejects what
     * Double.parseDouble would also take but a table does not mean as a number (hex, 1d, 1f).
     */
    private static int decimalEnd(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && digit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && digit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int mark = i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && digit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return mark;
            }
        }
        return i;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** NaN or ±infinity spelled as tables spell them (any case), else 0. */
    private static double special(String cell) {
        if (cell.length() < 3 || cell.length() > 9) {
            return 0;
        }
        String lower = cell.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String word = lower.startsWith("+") || negative ? lower.substring(1) : lower;
        return switch (word) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default -> 0;
        };
    }

    /** The delimiter as a word for messages. */
    String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case WHITESPACE -> "whitespace";
            default -> "'" + delimiter + "'";
        };
    }
}
