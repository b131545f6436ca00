package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx inspect} on NWB and CSV recordings: the text, the JSON shape, and errors. */
class InspectCommandTest {
    private static final String NWB = "../engine/src/test/resources/data/nwb/99111002.nwb";
    private static final String HH = "../sample-projects/data/hh-traces/";
    private static final String ABF_RECORDED_COMMAND = "../engine/src/test/resources/data/abf/97509008.abf";

    @TempDir
    Path dir;

    @Test
    void nwbFilePrintsFormatModeChannelsSweepsAndPerSweepStimulus() {
        CommandRun run = CommandRun.of("inspect", NWB);

        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.out().contains("format      NWB 2.4.0"), run.out());
        assertTrue(run.out().contains("clamp mode  current"), run.out());
        assertTrue(run.out().contains("channels    CurrentClampSeries (volts), CurrentClampStimulusSeries (amperes)"),
                run.out());
        assertTrue(run.out().contains("sweeps      16 × 7168 samples at 10000 Hz (716.8 ms)"), run.out());
        assertTrue(run.out().contains("stimulus    recorded"), run.out());
        assertTrue(run.out().contains("sweep  stimulus (pA)  spikes"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("0\\s+-2000\\s+\\d+")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("15\\s+1000\\s+\\d+")), run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonHasExactlyTheDocumentedFields() throws IOException {
        Path json = dir.resolve("out/summary.json");
        CommandRun run = CommandRun.of("inspect", NWB, "--json", json.toString());

        assertEquals(0, run.exitCode(), run.both());
        JsonObject root = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(List.of("format", "version", "clampMode", "sweepCount", "sampleRateHz", "samplesPerSweep",
                "channels", "stimulusSource", "stimulusFlat", "responseChannel", "stimulusChannel", "notes", "sweeps"),
                new ArrayList<>(root.keySet()));
        assertEquals(false, root.get("stimulusFlat").getAsBoolean());
        assertEquals("NWB", root.get("format").getAsString());
        assertEquals("2.4.0", root.get("version").getAsString());
        assertEquals("current", root.get("clampMode").getAsString());
        assertEquals(16, root.get("sweepCount").getAsInt());
        assertEquals(10_000, root.get("sampleRateHz").getAsDouble());
        assertEquals(7168, root.get("samplesPerSweep").getAsInt());
        assertEquals("recorded", root.get("stimulusSource").getAsString());
        JsonObject channel = root.getAsJsonArray("channels").get(0).getAsJsonObject();
        assertEquals(List.of("name", "units"), new ArrayList<>(channel.keySet()));
        assertEquals("volts", channel.get("units").getAsString());
        JsonArray sweeps = root.getAsJsonArray("sweeps");
        assertEquals(16, sweeps.size());
        for (int i = 0; i < sweeps.size(); i++) {
            JsonObject s = sweeps.get(i).getAsJsonObject();
            assertEquals(List.of("index", "stimulusAmplitudePa", "spikeCount"), new ArrayList<>(s.keySet()));
            assertEquals(i, s.get("index").getAsInt());
            assertEquals(-2000 + 200 * i, s.get("stimulusAmplitudePa").getAsDouble(), 1e-3);
            assertTrue(s.get("spikeCount").getAsInt() >= 0);
        }
    }

    @Test
    void abfWithItsCommandRecordedOnChannel1SaysSoAndTheChannelCanBeOverridden() {
        CommandRun run = CommandRun.of("inspect", ABF_RECORDED_COMMAND, "--json", "-");

        assertEquals(0, run.exitCode(), run.both());
        JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("current", root.get("clampMode").getAsString());
        assertEquals("recorded", root.get("stimulusSource").getAsString());
        assertEquals("0 (Chan 0mV, mV)", root.get("responseChannel").getAsString());
        assertEquals("1 (AO #0, nA)", root.get("stimulusChannel").getAsString());
        assertTrue(root.get("notes").getAsString().contains("rather than the waveform rebuilt from the protocol"));

        CommandRun other = CommandRun.of("inspect", ABF_RECORDED_COMMAND, "--channel", "1", "--json", "-");
        assertEquals(0, other.exitCode(), other.both());
        JsonObject forced = JsonParser.parseString(other.out()).getAsJsonObject();
        assertEquals("1 (AO #0, nA)", forced.get("responseChannel").getAsString());
        assertEquals("voltage", forced.get("clampMode").getAsString());
    }

    @Test
    void csvRowsWithUnitsAndStimulusGivenOnTheCommandLineAsJsonOnStdout() {
        CommandRun run = CommandRun.of("inspect", HH + "output_traces_hh.csv", "--dt", "0.01", "--response-unit", "mV",
                "--stimulus", HH + "input_traces_hh.csv", "--stimulus-unit", "A", "--json", "-");

        assertEquals(0, run.exitCode(), run.both());
        JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("CSV", root.get("format").getAsString());
        assertTrue(root.get("version").isJsonNull());
        assertEquals(5, root.get("sweepCount").getAsInt());
        assertEquals(100_000, root.get("sampleRateHz").getAsDouble(), 1e-6);
        assertEquals(1497, root.get("samplesPerSweep").getAsInt());
        JsonObject first = root.getAsJsonArray("sweeps").get(0).getAsJsonObject();
        assertTrue(first.get("stimulusAmplitudePa").getAsDouble() != 0, run.out());
        assertTrue(first.get("spikeCount").getAsInt() > 0, "the HH output fires: " + run.out());
    }

    @Test
    void csvWithoutItsUnitFailsNamingTheFileAndTheFix() {
        CommandRun run = CommandRun.of("inspect", HH + "output_traces_hh.csv", "--dt", "0.01");

        assertEquals(BrainfxCommand.EXIT_FAILURE, run.exitCode(), run.both());
        assertTrue(run.err().contains("output_traces_hh.csv"), run.err());
        assertTrue(run.err().contains("response unit"), run.err());
    }

    @Test
    void corruptOrForeignFilesFailWithOneLine() throws IOException {
        Path fake = dir.resolve("fake.nwb");
        Files.writeString(fake, "not hdf5");
        CommandRun run = CommandRun.of("inspect", fake.toString());

        assertEquals(BrainfxCommand.EXIT_FAILURE, run.exitCode(), run.both());
        assertTrue(run.err().startsWith("brainfx inspect: " + fake), run.err());
        assertTrue(run.err().contains("not an HDF5 file"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void badLayoutIsAUsageError() {
        CommandRun run = CommandRun.of("inspect", NWB, "--layout", "diagonal");

        assertEquals(BrainfxCommand.EXIT_USAGE, run.exitCode(), run.both());
        assertTrue(run.err().contains("--layout must be 'rows' or 'columns'"), run.err());
    }
}
