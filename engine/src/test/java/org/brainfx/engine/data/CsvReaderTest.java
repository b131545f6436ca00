package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.brainfx.engine.data.Recording.ClampMode;
import org.brainfx.engine.data.Recording.StimulusSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvReader}: traces as rows (the reference's HH files) and as columns, units, stimulus files, bad input. */
class CsvReaderTest {
    private static final Path HH = Path.of("..", "sample-projects", "data", "hh-traces");

    @TempDir
    Path dir;

    @Test
    void referenceRowFilesReadWithCallerUnitsAndInterval() throws Exception {
        CsvOptions options = CsvOptions.DEFAULT.withSampleIntervalMs(0.01).withResponseUnit("mV")
                .withStimulusFile(HH.resolve("input_traces_hh.csv")).withStimulusUnit("A");
        Recording r = Recordings.read(HH.resolve("output_traces_hh.csv"), new Recordings.Options(true, options));

        assertEquals("CSV", r.format());
        assertEquals(ClampMode.CURRENT, r.clampMode());
        assertEquals(StimulusSource.RECORDED, r.stimulusSource());
        assertEquals(5, r.sweeps().size());
        assertEquals(100_000, r.sampleRateHz(), 1e-6);
        assertEquals("rows", r.metadata().get("layout"));
        for (Recording.Sweep s : r.sweeps()) {
            assertEquals(1497, s.samples());
            assertEquals(1497, s.stimulus().length);
            double peak = Arrays.stream(s.stimulus()).map(Math::abs).max().orElseThrow();
            assertTrue(peak > 0.01 && peak < 100, "amperes became nA: " + peak);
        }
    }

    @Test
    void columnsWithATimeColumnInSecondsAndUnitsInTheHeader() throws Exception {
        Path file = write("cols.csv", "time (s),Vm (mV),Vm (mV)", "0,-65,-70", "0.0001,-64,-69", "0.0002,-63,-68");
        Path stimulus = write("stim.csv", "t_ms,I (pA)", "0,0", "0.1,100", "0.2,100");

        Recording r = CsvReader.read(file, CsvOptions.DEFAULT.withStimulusFile(stimulus));
        assertEquals(2, r.sweeps().size(), "one stimulus trace serves every sweep");
        assertEquals(0.1, r.sweeps().get(0).dtMs(), 1e-12);
        assertArrayEquals(new double[] {-70, -69, -68}, r.sweeps().get(1).response(), 1e-12);
        assertArrayEquals(new double[] {0, 0.1, 0.1}, r.sweeps().get(1).stimulus(), 1e-12, "pA → nA");
        assertEquals("mV", r.channels().get(0).units());
        assertEquals("pA", r.channels().get(1).units());
        assertEquals("columns", r.metadata().get("layout"));
    }

    @Test
    void simulateOutputWithCallerUnitAndNoStimulus() throws Exception {
        Path file = write("traces.csv", "t_ms,V[0],V[1]", "0.025,-65,-65", "0.05,-64.9,-64.8");
        Recording r = CsvReader.read(file, CsvOptions.DEFAULT.withResponseUnit("mV"));
        assertEquals(StimulusSource.NONE, r.stimulusSource());
        assertNull(r.sweeps().get(0).stimulus());
        assertEquals(0.025, r.sweeps().get(0).dtMs(), 1e-12);
        assertTrue(r.metadata().get("notes").contains("no stimulus"));
    }

    @Test
    void voltageClampFromTheResponseUnit() throws Exception {
        Path file = write("vc.csv", "t_ms,I_pA", "0,10", "0.1,20");
        Recording r = CsvReader.read(file, CsvOptions.DEFAULT);
        assertEquals(ClampMode.VOLTAGE, r.clampMode());
        assertArrayEquals(new double[] {0.01, 0.02}, r.sweeps().get(0).response(), 1e-12);
        RecordingException e = assertThrows(RecordingException.class,
                () -> Recordings.read(file, new Recordings.Options(true, null)));
        assertMessage(e, file, "voltage clamp", "not current clamp");
    }

    @Test
    void missingUnitIntervalOrLayoutAreAskedFor() throws Exception {
        Path noUnit = write("nounit.csv", "t_ms,V", "0,-65", "0.1,-64");
        assertMessage(assertThrows(RecordingException.class, () -> CsvReader.read(noUnit, CsvOptions.DEFAULT)),
                noUnit, "does not say its unit", "response unit");
        Path rows = HH.resolve("output_traces_hh.csv");
        assertMessage(assertThrows(RecordingException.class,
                () -> CsvReader.read(rows, CsvOptions.DEFAULT.withResponseUnit("mV"))), rows, "sample interval");
        Path bare = write("bare.csv", "1,2", "3,4");
        assertMessage(assertThrows(RecordingException.class, () -> CsvReader.read(bare, CsvOptions.DEFAULT)),
                bare, "no header row", "rows or columns");
        Path noTimeUnit = write("t.csv", "t,V (mV)", "0,-65", "1,-64");
        assertMessage(assertThrows(RecordingException.class, () -> CsvReader.read(noTimeUnit, CsvOptions.DEFAULT)),
                noTimeUnit, "time column 't'", "ms or s");
        assertEquals(1.0, CsvReader.read(noTimeUnit, CsvOptions.DEFAULT.withTimeUnit("ms")).sweeps().get(0).dtMs());
    }

    @Test
    void badCellsFailNamingLineColumnAndSweep() throws Exception {
        Path nan = write("nan.csv", "t_ms,V (mV),V (mV)", "0,-65,-65", "0.1,-64,NaN");
        assertMessage(assertThrows(RecordingException.class, () -> CsvReader.read(nan, CsvOptions.DEFAULT)),
                nan, "line 3, column 3", "sweep 1", "sample 1", "not finite");
        Path text = write("text.csv", "t_ms,V (mV)", "0,-65", "0.1,oops");
        assertMessage(assertThrows(RecordingException.class, () -> CsvReader.read(text, CsvOptions.DEFAULT)),
                text, "line 3, column 2", "'oops' is not a number");
        Path uneven = write("uneven.csv", "t_ms,V (mV)", "0,-65", "0.1,-64", "0.3,-63");
        assertMessage(assertThrows(RecordingException.class, () -> CsvReader.read(uneven, CsvOptions.DEFAULT)),
                uneven, "not evenly spaced");
        Path semicolons = write("semi.csv", "t_ms;V", "0;-65");
        assertMessage(assertThrows(RecordingException.class, () -> CsvReader.read(semicolons, CsvOptions.DEFAULT)),
                semicolons, "semicolons");
        Path rowNan = write("rownan.csv", ",0,1,2", "0,-65,-64,-63", "1,-65,nan,-63");
        assertMessage(assertThrows(RecordingException.class, () -> CsvReader.read(rowNan,
                CsvOptions.DEFAULT.withSampleIntervalMs(0.1).withResponseUnit("mV"))), rowNan, "line 3, column 3");
    }

    @Test
    void stimulusThatDoesNotMatchTheResponseFails() throws Exception {
        Path file = write("v.csv", "t_ms,V (mV),V (mV)", "0,-65,-65", "0.1,-64,-64", "0.2,-63,-63");
        Path shorter = write("short.csv", "t_ms,I (nA)", "0,0", "0.1,1");
        assertMessage(assertThrows(RecordingException.class,
                () -> CsvReader.read(file, CsvOptions.DEFAULT.withStimulusFile(shorter))),
                shorter, "has 2 samples", "response trace 0", "has 3");
        Path three = write("three.csv", "t_ms,I (nA),I (nA),I (nA)", "0,0,0,0", "0.1,1,1,1", "0.2,1,1,1");
        assertMessage(assertThrows(RecordingException.class,
                () -> CsvReader.read(file, CsvOptions.DEFAULT.withStimulusFile(three))), three, "3 stimulus traces for 2");
        Path voltage = write("volt.csv", "t_ms,U (mV)", "0,0", "0.1,1", "0.2,1");
        assertMessage(assertThrows(RecordingException.class,
                () -> CsvReader.read(file, CsvOptions.DEFAULT.withStimulusFile(voltage))), voltage, "not a current");
        Path slower = write("slow.csv", "t_ms,I (nA)", "0,0", "0.2,1", "0.4,1");
        assertMessage(assertThrows(RecordingException.class,
                () -> CsvReader.read(file, CsvOptions.DEFAULT.withStimulusFile(slower))), slower, "sampled every 0.2 ms");
    }

    @Test
    void unitGivenAgainstTheHeaderFails() throws Exception {
        Path file = write("v.csv", "t_ms,V (mV)", "0,-65", "0.1,-64");
        assertMessage(assertThrows(RecordingException.class,
                () -> CsvReader.read(file, CsvOptions.DEFAULT.withResponseUnit("V"))), file, "header says", "'mV'");
        assertMessage(assertThrows(RecordingException.class,
                () -> CsvReader.read(file, CsvOptions.DEFAULT.withSampleIntervalMs(0.2))), file, "dt = 0.1");
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static void assertMessage(Exception e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), "names the file: " + m);
        for (String p : parts) {
            assertTrue(m.contains(p), "'" + p + "' in: " + m);
        }
    }
}
