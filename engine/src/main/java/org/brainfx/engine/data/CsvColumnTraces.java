package org.brainfx.engine.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brainfx.engine.model.unit.Unit;

/**
 * Reads traces stored one per column under a header of names, e.g. {@code t_ms,V[0],V[1]} or
 * {@code time (s),Vm (mV)}: the time column gives dt, a unit in brackets or after an underscore
 * gives the traces' unit.
 */
final class CsvColumnTraces {
    /** Time steps may differ by this fraction (decimal round-off in the text) and still count as regular. */
    private static final double REGULAR_TOLERANCE = 1e-3;
    private static final Pattern BRACKETED = Pattern.compile("(.*?)\\s*[(\\[]\\s*([^)\\]]+?)\\s*[)\\]]\\s*");
    private static final Pattern SUFFIXED = Pattern.compile("(.*?)_([A-Za-z\u00b5]+)");

    /**
     * Traces as read, in the file's unit.
     *
     * @param unit  the unit the header states for every trace column, or null
     * @param dtMs  the sample interval from the time column, or null without one
     */
    record Table(List<String> names, double[][] traces, Unit unit, Double dtMs) { }

    private CsvColumnTraces() {
    }

    /** Reads every column but the time column as a trace; fails naming line and column of a bad cell. */
    static Table read(Path file, CsvOptions options) throws RecordingException {
        List<String> lines = lines(file);
        String[] header = CsvReader.cells(lines.get(0));
        boolean named = CsvReader.hasNames(header);
        int time = named ? timeColumn(file, header, options.timeColumn()) : -1;
        List<Integer> traceColumns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (c != time) {
                traceColumns.add(c);
                names.add(named ? header[c] : "column " + (c + 1));
            }
        }
        if (traceColumns.isEmpty()) {
            throw new RecordingException(file + ": no trace columns besides the time column '" + header[time] + "'");
        }
        int first = named ? 1 : 0;
        int rows = lines.size() - first;
        double[][] traces = new double[traceColumns.size()][rows];
        double[] t = new double[rows];
        for (int r = 0; r < rows; r++) {
            String[] cells = CsvReader.cells(lines.get(first + r));
            if (cells.length != header.length) {
                throw new RecordingException(file + ": line " + (first + r + 1) + " has " + cells.length
                        + " cells but the header has " + header.length + "; every row needs one value per column");
            }
            if (time >= 0) {
                t[r] = value(file, cells[time], first + r, time, "time");
            }
            for (int k = 0; k < traceColumns.size(); k++) {
                int c = traceColumns.get(k);
                traces[k][r] = value(file, cells[c], first + r, c, "sweep " + k + " ('" + names.get(k) + "'), sample " + r);
            }
        }
        Unit unit = named ? commonUnit(file, header, traceColumns) : null;
        Double dt = time < 0 ? null : dtMs(file, header[time], t, options.timeUnit());
        return new Table(names, traces, unit, dt);
    }

    private static List<String> lines(Path file) throws RecordingException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new RecordingException(file + ": " + CsvReader.NOT_UTF8, e);
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read: " + e.getMessage(), e);
        }
        List<String> nonEmpty = lines.stream().filter(l -> !l.isBlank()).toList();
        if (nonEmpty.size() < 2) {
            throw new RecordingException(file + ": needs a header and at least one row of samples");
        }
        return nonEmpty;
    }

    private static int timeColumn(Path file, String[] header, String wanted) throws RecordingException {
        for (int c = 0; c < header.length; c++) {
            String base = baseName(header[c]).toLowerCase(Locale.ROOT);
            if (wanted != null ? header[c].equals(wanted) || baseName(header[c]).equals(wanted)
                    : base.equals("t") || base.startsWith("time")) {
                return c;
            }
        }
        if (wanted != null) {
            throw new RecordingException(file + ": no time column '" + wanted + "'; the header has: "
                    + String.join(", ", header));
        }
        return -1;
    }

    private static double value(Path file, String cell, int line, int column, String what) throws RecordingException {
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new RecordingException(file + ": line " + (line + 1) + ", column " + (column + 1) + " (" + what
                    + "): '" + cell + "' is not a number; every cell below the header must be numeric");
        }
        if (!Double.isFinite(v)) {
            throw new RecordingException(file + ": line " + (line + 1) + ", column " + (column + 1) + " (" + what
                    + "): value " + cell + " is not finite; remove or interpolate the bad sample");
        }
        return v;
    }

    /** The unit all trace columns state, or null when none does; columns that disagree fail. */
    private static Unit commonUnit(Path file, String[] header, List<Integer> columns) throws RecordingException {
        Unit unit = null;
        for (int c : columns) {
            Unit u = unitOf(header[c]).orElse(null);
            if (u != null && unit != null && !u.symbol().equals(unit.symbol())) {
                throw new RecordingException(file + ": trace columns are in different units ('" + unit.symbol()
                        + "' and '" + u.symbol() + "' in column " + (c + 1) + "); put each unit in its own file");
            }
            unit = unit == null ? u : unit;
        }
        return unit;
    }

    private static double dtMs(Path file, String name, double[] t, String unitOption) throws RecordingException {
        Unit unit = unitOption != null ? CsvReader.unit(file, unitOption, "time unit")
                : unitOf(name).orElseThrow(() -> new RecordingException(file + ": the time column '" + name
                        + "' does not say its unit; give the time unit (ms or s)"));
        if (!NwbUnits.isTime(unit)) {
            throw new RecordingException(file + ": time unit '" + unit.symbol() + "' of column '" + name
                    + "' is not a time; use ms or s");
        }
        if (t.length < 2) {
            throw new RecordingException(file + ": one sample only; a sweep needs at least two to have a sample interval");
        }
        double factor = NwbUnits.toInternal(unit, 1);
        double dt = (t[t.length - 1] - t[0]) / (t.length - 1) * factor;
        for (int i = 1; i < t.length; i++) {
            double step = (t[i] - t[i - 1]) * factor;
            if (!(dt > 0) || Math.abs(step - dt) > REGULAR_TOLERANCE * dt) {
                throw new RecordingException(String.format(Locale.ROOT, "%s: time column '%s' is not evenly spaced"
                        + " (step %s ms after sample %d, mean %s ms); BrainFX needs a constant sample interval",
                        file, name, step, i - 1, dt));
            }
        }
        return dt;
    }

    /** The unit a column header states: {@code V (mV)}, {@code I [pA]}, {@code t_ms}; none for {@code V[0]}. */
    static Optional<Unit> unitOf(String header) {
        Matcher m = BRACKETED.matcher(header);
        if (m.matches()) {
            Optional<Unit> u = NwbUnits.lookup(m.group(2));
            if (u.isPresent()) {
                return u;
            }
        }
        m = SUFFIXED.matcher(header);
        return m.matches() ? NwbUnits.lookup(m.group(2)) : Optional.empty();
    }

    private static String baseName(String header) {
        if (unitOf(header).isEmpty()) {
            return header;
        }
        Matcher m = BRACKETED.matcher(header);
        if (m.matches()) {
            return m.group(1);
        }
        m = SUFFIXED.matcher(header);
        return m.matches() ? m.group(1) : header;
    }
}
