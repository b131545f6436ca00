package org.brainfx.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.brainfx.engine.data.CsvOptions.Layout;
import org.brainfx.engine.data.Recording.Channel;
import org.brainfx.engine.data.Recording.ClampMode;
import org.brainfx.engine.data.Recording.StimulusSource;
import org.brainfx.engine.data.Recording.Sweep;
import org.brainfx.engine.model.unit.Unit;

/**
 * Reads a recording from CSV: traces as rows (the reference's HH files) or as columns beside a
 * time column, in units from the header or the caller, with an optional stimulus file of the same
 * layout. A response in volts means current clamp, a response in amperes voltage clamp.
 */
public final class CsvReader {
    /** The problem and fix when a file's bytes are not UTF-8 text. */
    static final String NOT_UTF8 = "not UTF-8 text (a byte sequence no UTF-8 text contains): the file is damaged or"
            + " binary; save the traces as a UTF-8 CSV file";

    /** One file's traces, in its own unit. */
    private record Traces(Path file, Layout layout, double[][] values, Unit unit, Double dtMs) { }

    private CsvReader() {
    }

    /** Reads {@code file}, and {@code options.stimulusFile()} if given, into a recording. */
    public static Recording read(Path file, CsvOptions options) throws RecordingException {
        Traces response = traces(file, options, options.responseUnit(), "response unit (e.g. mV)");
        boolean currentClamp = NwbUnits.isVoltage(response.unit());
        if (!currentClamp && !NwbUnits.isCurrent(response.unit())) {
            throw new RecordingException(file + ": response unit '" + response.unit().symbol()
                    + "' is neither a voltage (current clamp) nor a current (voltage clamp)");
        }
        double dt = sampleInterval(response, options);
        double[][] v = scaled(response);
        Traces stimulus = null;
        double[][] s = null;
        if (options.stimulusFile() != null) {
            stimulus = traces(options.stimulusFile(), options, options.stimulusUnit(),
                    "stimulus unit (e.g. " + (currentClamp ? "pA" : "mV") + ")");
            boolean expected = currentClamp ? NwbUnits.isCurrent(stimulus.unit()) : NwbUnits.isVoltage(stimulus.unit());
            if (!expected) {
                throw new RecordingException(stimulus.file() + ": stimulus unit '" + stimulus.unit().symbol()
                        + "' is not a " + (currentClamp ? "current" : "voltage") + ", but the response is in '"
                        + response.unit().symbol() + "'");
            }
            s = matched(response, v, stimulus, dt);
        }
        List<Sweep> sweeps = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            sweeps.add(new Sweep(i, dt, v[i], currentClamp ? "mV" : "nA", s == null ? null : s[i],
                    s == null ? null : currentClamp ? "nA" : "mV"));
        }
        List<Channel> channels = new ArrayList<>(List.of(new Channel("response", response.unit().symbol())));
        Map<String, String> metadata = new HashMap<>();
        metadata.put("layout", response.layout().name().toLowerCase(Locale.ROOT));
        if (stimulus != null) {
            channels.add(new Channel("stimulus", stimulus.unit().symbol()));
            metadata.put("stimulus file", stimulus.file().toString());
        } else {
            metadata.put("notes", "no stimulus file given: the sweeps have no stimulus");
        }
        return new Recording("CSV", "", file, currentClamp ? ClampMode.CURRENT : ClampMode.VOLTAGE, channels, sweeps,
                1000 / dt, stimulus == null ? StimulusSource.NONE : StimulusSource.RECORDED, metadata);
    }

    private static Traces traces(Path file, CsvOptions options, String unitOption, String unitHint)
            throws RecordingException {
        String line = firstLine(file);
        String[] first = cells(line);
        if (first.length == 1 && (line.contains(";") || line.contains("\t"))) {
            throw new RecordingException(file + ": the first line has no commas but has "
                    + (line.contains(";") ? "semicolons" : "tabs") + "; BrainFX reads comma-separated files: save it as CSV"
                    + " with commas");
        }
        Layout layout = options.layout() != Layout.AUTO ? options.layout() : detect(file, first);
        if (layout == Layout.ROWS) {
            Unit unit = given(file, unitOption, unitHint);
            try {
                // The reference's layout has an empty corner cell before the sample indices, then a row index per row.
                boolean indexColumn = first.length > 1 && first[0].isEmpty();
                return new Traces(file, layout, RowTraceCsv.read(file, 1, indexColumn), unit, null);
            } catch (IOException e) {
                throw new RecordingException(e.getMessage(), e);
            }
        }
        CsvColumnTraces.Table table = CsvColumnTraces.read(file, options);
        Unit unit = table.unit();
        if (unitOption != null) {
            Unit option = unit(file, unitOption, "unit");
            if (unit != null && !unit.symbol().equals(option.symbol())) {
                throw new RecordingException(file + ": the header says the traces are in '" + unit.symbol()
                        + "' but '" + unitOption + "' was given; drop the option or fix the header");
            }
            unit = option;
        }
        if (unit == null) {
            unit = given(file, null, unitHint);
        }
        return new Traces(file, layout, table.traces(), unit, table.dtMs());
    }

    private static Layout detect(Path file, String[] header) throws RecordingException {
        if (header.length > 1 && header[0].isEmpty() && header[1].equals("0")) {
            return Layout.ROWS;
        }
        if (hasNames(header)) {
            return Layout.COLUMNS;
        }
        throw new RecordingException(file + ": no header row, so the layout is unknown; say whether traces are"
                + " rows or columns, and give the units and the sample interval");
    }

    private static double sampleInterval(Traces traces, CsvOptions options) throws RecordingException {
        Double given = options.sampleIntervalMs();
        if (given != null && !(given > 0 && Double.isFinite(given))) {
            throw new RecordingException(traces.file() + ": sample interval " + given + " ms is not a positive number");
        }
        if (traces.dtMs() == null) {
            if (given == null) {
                throw new RecordingException(traces.file() + ": the file has no time column; give the sample"
                        + " interval in ms");
            }
            return given;
        }
        if (given != null && Math.abs(given - traces.dtMs()) > 1e-6 * traces.dtMs()) {
            throw new RecordingException(traces.file() + ": the time column says dt = " + traces.dtMs()
                    + " ms but " + given + " ms was given; drop the option or fix the file");
        }
        return traces.dtMs();
    }

    /** The stimulus traces, one per response trace (a single one is used for every sweep), checked sample for sample. */
    private static double[][] matched(Traces response, double[][] v, Traces stimulus, double dt)
            throws RecordingException {
        double[][] s = scaled(stimulus);
        if (s.length != v.length && s.length != 1) {
            throw new RecordingException(stimulus.file() + ": " + s.length + " stimulus traces for " + v.length
                    + " response traces in " + response.file() + "; give one per sweep, or one for all");
        }
        if (stimulus.dtMs() != null && Math.abs(stimulus.dtMs() - dt) > 1e-6 * dt) {
            throw new RecordingException(stimulus.file() + ": sampled every " + stimulus.dtMs() + " ms but "
                    + response.file() + " every " + dt + " ms; stimulus and response must match sample for sample");
        }
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            double[] trace = s[s.length == 1 ? 0 : i];
            if (trace.length != v[i].length) {
                throw new RecordingException(stimulus.file() + ": stimulus trace " + (s.length == 1 ? 0 : i) + " has "
                        + trace.length + " samples but response trace " + i + " in " + response.file() + " has "
                        + v[i].length + "; stimulus and response must match sample for sample");
            }
            out[i] = trace;
        }
        return out;
    }

    private static double[][] scaled(Traces traces) {
        double factor = NwbUnits.toInternal(traces.unit(), 1);
        double[][] out = new double[traces.values().length][];
        for (int i = 0; i < out.length; i++) {
            double[] row = traces.values()[i];
            out[i] = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[i][j] = row[j] * factor;
            }
        }
        return out;
    }

    private static Unit given(Path file, String text, String hint) throws RecordingException {
        if (text == null) {
            throw new RecordingException(file + ": the file does not say its unit; give the " + hint);
        }
        return unit(file, text, "unit");
    }

    /** Reads a unit the caller or a header gave; fails naming the file and the text. */
    static Unit unit(Path file, String text, String what) throws RecordingException {
        Optional<Unit> unit = NwbUnits.lookup(text);
        return unit.orElseThrow(() -> new RecordingException(file + ": " + what + " '" + text
                + "' is not a unit BrainFX knows; use e.g. mV, V, pA, nA, A, ms or s"));
    }

    private static String firstLine(Path file) throws RecordingException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    return line;
                }
            }
        } catch (NoSuchFileException e) {
            throw new RecordingException(file + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new RecordingException(file + ": " + NOT_UTF8, e);
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read: " + e.getMessage(), e);
        }
        throw new RecordingException(file + ": the file is empty");
    }

    /** The comma-separated cells of a line, trimmed and without surrounding quotes. */
    static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim();
            cells[i] = c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c;
        }
        return cells;
    }

    /** True when some cell is a name rather than a number: the line is a header. */
    static boolean hasNames(String[] cells) {
        for (String c : cells) {
            if (!c.isEmpty()) {
                try {
                    Double.parseDouble(c);
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
