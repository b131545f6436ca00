package org.brainfx.app.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.brainfx.engine.data.CsvOptions;
import org.brainfx.engine.data.Recording;
import org.brainfx.engine.data.RecordingSummary;
import org.brainfx.engine.data.Recordings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainfx inspect}: reads a recording (ABF, NWB or CSV) and prints what it holds — format,
 * clamp mode, channels, sweeps, sampling, stimulus — with each sweep's stimulus amplitude and
 * spike count, optionally as JSON.
 */
@Command(name = "inspect",
        description = {
                "Summarize a recording (.abf, .nwb, .csv): clamp mode, channels, sweeps, sampling and stimulus.",
                "Per sweep it shows the stimulus amplitude (largest deviation from the first sample) and the spike"
                        + " count (action potentials as eFEL and ipfx find them: dV/dt above 10 mV/ms, rising 20 mV to a peak"
                        + " above -30 mV, 0.25 to 10 ms wide at half height, 1 ms apart).",
                "Or a connectome (edge list or adjacency matrix as .csv/.tsv/.txt, .npy, .npz, .mat): nodes, edges,"
                        + " weight, density, degrees, reciprocity, self-loops, edge and node types.",
        })
public final class InspectCommand implements Callable<Integer> {
    private static final int METADATA_WIDTH = 100;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The recording (.abf, .nwb or .csv) or connectome.")
    private Path file;

    @Mixin
    private ConnectomeInspection.Options connectome;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary as JSON to FILE ('-' for"
            + " standard output, instead of the text).")
    private Path json;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "CSV: traces as 'rows' or 'columns' (default: from the header).")
    private String layout;

    @Option(names = "--dt", paramLabel = "MS", description = "CSV: sample interval in ms, for a file without a time column.")
    private Double dt;

    @Option(names = "--time-column", paramLabel = "NAME",
            description = "CSV: the time column (default: the first named t… or time…).")
    private String timeColumn;

    @Option(names = "--time-unit", paramLabel = "UNIT", description = "CSV: ms or s, when the time column's name does not say.")
    private String timeUnit;

    @Option(names = "--response-unit", paramLabel = "UNIT",
            description = "CSV: unit of the recorded traces (e.g. mV), when the header does not say.")
    private String responseUnit;

    @Option(names = "--stimulus", paramLabel = "FILE", description = "CSV: a file of stimulus traces in the same layout.")
    private Path stimulus;

    @Option(names = "--stimulus-unit", paramLabel = "UNIT",
            description = "CSV: unit of the stimulus traces (e.g. pA or A), when the header does not say.")
    private String stimulusUnit;

    @Option(names = "--channel", paramLabel = "N",
            description = "ABF: the recorded channel (0-based) that is the response (default: chosen by units).")
    private Integer channel;

    @Option(names = "--sweep-ms", paramLabel = "MS",
            description = "ABF: cut a gap-free recording into sweeps of MS ms (default: one sweep).")
    private double sweepMs;

    @Override
    public Integer call() throws IOException {
        if (connectome.applies(file)) {
            return ConnectomeInspection.run(spec, file, connectome, json);
        }
        CsvOptions csv = CsvOptions.DEFAULT.withLayout(layout()).withSampleIntervalMs(dt).withTimeColumn(timeColumn)
                .withTimeUnit(timeUnit).withResponseUnit(responseUnit).withStimulusFile(stimulus)
                .withStimulusUnit(stimulusUnit);
        Recording recording = Recordings.read(file, new Recordings.Options(false, csv,
                channel == null ? Recordings.Options.AUTO_CHANNEL : channel, sweepMs));
        RecordingSummary summary = RecordingSummary.of(recording);
        PrintWriter out = spec.commandLine().getOut();
        boolean jsonToStdout = json != null && json.toString().equals("-");
        if (jsonToStdout) {
            out.println(toJson(summary));
        } else {
            printText(out, summary);
            if (json != null) {
                Path parent = json.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(json, toJson(summary) + System.lineSeparator(), StandardCharsets.UTF_8);
                out.printf(Locale.ROOT, "wrote       %s%n", json);
            }
        }
        out.flush();
        return 0;
    }

    private CsvOptions.Layout layout() {
        if (layout == null) {
            return CsvOptions.Layout.AUTO;
        }
        try {
            return CsvOptions.Layout.valueOf(layout.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--layout must be 'rows' or 'columns', got '"
                    + layout + "'");
        }
    }

    private static void printText(PrintWriter o, RecordingSummary summary) {
        Recording r = summary.recording();
        List<Recording.Sweep> sweeps = r.sweeps();
        o.printf(Locale.ROOT, "file        %s%n", r.file());
        o.printf(Locale.ROOT, "format      %s%s%n", r.format(), r.version().isBlank() ? "" : " " + r.version());
        o.printf(Locale.ROOT, "clamp mode  %s%n", lower(r.clampMode()));
        o.printf(Locale.ROOT, "channels    %s%n", r.channels().stream()
                .map(c -> c.name() + " (" + (c.units() == null || c.units().isBlank() ? "no unit" : c.units()) + ")")
                .collect(Collectors.joining(", ")));
        o.printf(Locale.ROOT, "sweeps      %d × %d samples at %s Hz (%s ms)%n", sweeps.size(), samplesPerSweep(r),
                SimulateCommand.number(r.sampleRateHz()), SimulateCommand.number(r.durationMs()));
        o.printf(Locale.ROOT, "stimulus    %s%s%n", lower(r.stimulusSource()), stimulusFlat(r) ? " (flat)" : "");
        for (Map.Entry<String, String> e : new TreeMap<>(r.metadata()).entrySet()) {
            String value = e.getValue().replaceAll("\\s+", " ").strip();
            o.printf(Locale.ROOT, "  %-26s %s%n", e.getKey(), value.length() > METADATA_WIDTH
                    ? value.substring(0, METADATA_WIDTH) + " …" : value);
        }
        List<String[]> rows = new ArrayList<>();
        String unit = summary.sweeps().stream().map(RecordingSummary.SweepSummary::stimulusUnit)
                .filter(u -> u != null).findFirst().orElse("");
        rows.add(new String[] {"sweep", unit.isEmpty() ? "stimulus" : "stimulus (" + unit + ")", "spikes"});
        for (RecordingSummary.SweepSummary s : summary.sweeps()) {
            rows.add(new String[] {Integer.toString(s.index()),
                    s.stimulusAmplitude() == null ? "-" : SimulateCommand.number(s.stimulusAmplitude()),
                    s.spikeCount() == null ? "-" : Integer.toString(s.spikeCount())});
        }
        o.println();
        TextTable.print(o, rows, 1);
    }

    /** The summary as the JSON that scripts read; field names and value words are a stable interface. */
    static String toJson(RecordingSummary summary) {
        Recording r = summary.recording();
        JsonObject root = new JsonObject();
        root.addProperty("format", r.format());
        root.addProperty("version", r.version().isBlank() ? null : r.version());
        root.addProperty("clampMode", lower(r.clampMode()));
        root.addProperty("sweepCount", r.sweeps().size());
        root.addProperty("sampleRateHz", r.sampleRateHz());
        root.addProperty("samplesPerSweep", samplesPerSweep(r));
        JsonArray channels = new JsonArray();
        for (Recording.Channel c : r.channels()) {
            JsonObject channel = new JsonObject();
            channel.addProperty("name", c.name());
            channel.addProperty("units", c.units());
            channels.add(channel);
        }
        root.add("channels", channels);
        root.addProperty("stimulusSource", lower(r.stimulusSource()));
        root.addProperty("stimulusFlat", r.stimulusSource() == Recording.StimulusSource.NONE ? null : stimulusFlat(r));
        root.addProperty("responseChannel", r.metadata().get("responseChannel"));
        root.addProperty("stimulusChannel", r.metadata().get("stimulusChannel"));
        root.addProperty("notes", r.metadata().getOrDefault("stimulusNote", r.metadata().get("notes")));
        JsonArray sweeps = new JsonArray();
        for (RecordingSummary.SweepSummary s : summary.sweeps()) {
            JsonObject sweep = new JsonObject();
            sweep.addProperty("index", s.index());
            sweep.addProperty("stimulusAmplitudePa", "pA".equals(s.stimulusUnit()) ? s.stimulusAmplitude() : null);
            sweep.addProperty("spikeCount", s.spikeCount());
            sweeps.add(sweep);
        }
        root.add("sweeps", sweeps);
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root);
    }

    /** True when every sweep's stimulus holds one level throughout (stimulation came from elsewhere, or none). */
    private static boolean stimulusFlat(Recording r) {
        for (Recording.Sweep s : r.sweeps()) {
            if (s.stimulus() == null) {
                continue;
            }
            for (double x : s.stimulus()) {
                if (x != s.stimulus()[0]) {
                    return false;
                }
            }
        }
        return r.stimulusSource() != Recording.StimulusSource.NONE;
    }

    /** The longest sweep's length: sweeps of one recording normally share it. */
    private static int samplesPerSweep(Recording r) {
        return r.sweeps().stream().mapToInt(Recording.Sweep::samples).max().orElse(0);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
