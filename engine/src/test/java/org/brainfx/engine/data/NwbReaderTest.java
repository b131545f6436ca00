package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.brainfx.engine.data.Recording.ClampMode;
import org.brainfx.engine.data.Recording.StimulusSource;
import org.brainfx.engine.data.Recording.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NwbReader} on a real NWB 2.4 current-clamp file (see resources/data/nwb/PROVENANCE.md) and
 * on small NWB files written here with jHDF for the other layouts and every kind of bad input.
 */
class NwbReaderTest {
    private static final int SAMPLES = 7168;

    @TempDir
    Path dir;

    @Test
    void realCurrentClampFileHasSixteenStepSweepsInMillivoltsAndNanoamperes() throws Exception {
        Recording r = NwbReader.read(resource("99111002.nwb"));

        assertEquals("NWB", r.format());
        assertEquals("2.4.0", r.version());
        assertEquals(ClampMode.CURRENT, r.clampMode());
        assertEquals(StimulusSource.RECORDED, r.stimulusSource());
        assertEquals(10_000, r.sampleRateHz(), 1e-9);
        assertEquals(16, r.sweeps().size());
        assertEquals(716.8, r.durationMs(), 1e-9);
        assertEquals(List.of(new Recording.Channel("CurrentClampSeries", "volts"),
                new Recording.Channel("CurrentClampStimulusSeries", "amperes")), r.channels());
        assertEquals("intracellular_recordings table", r.metadata().get("paired by"));
        assertEquals("Electrode 1", r.metadata().get("electrode"));
        for (Sweep s : r.sweeps()) {
            assertEquals(SAMPLES, s.samples());
            assertEquals(0.1, s.dtMs(), 1e-12);
            assertEquals("mV", s.responseUnit());
            assertEquals("nA", s.stimulusUnit());
            double step = -2.0 + 0.2 * s.index();
            assertEquals(step, s.stimulus()[SAMPLES / 2], 1e-6, "sweep " + s.index() + " is ic__Step__" + (s.index() + 1));
            assertEquals(0, s.stimulus()[0], 1e-6, "no current before the step");
            double median = sorted(s.response())[SAMPLES / 2];
            assertTrue(median > -120 && median < 20, "mV, not volts: median " + median);
        }
        Sweep first = r.sweeps().get(0);
        assertEquals(0, first.stimulus()[300], 1e-9, "the step starts near 31 ms");
        assertEquals(-2.0, first.stimulus()[320], 1e-6);
        assertEquals(0, first.stimulus()[4400], 1e-9, "and ends near 431 ms");
    }

    @Test
    void voltageClampOnlyFileIsReadInVoltageClampUnitsOrRefusedForFitting() throws Exception {
        Path file = dir.resolve("vc.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("nwb_version", "NWB-2.2.0");
            WritableGroup response = series(f.putGroup("acquisition"), "data_00000_AD0", "VoltageClampSeries",
                    new float[] {0, 100, 100, 0}, "A", 1e-12, 200_000);
            response.putAttribute("sweep_number", 0L);
            WritableGroup command = series(f.putGroup("stimulus").putGroup("presentation"), "data_00000_DA0",
                    "VoltageClampStimulusSeries", new float[] {-70, -60, -60, -70}, "V", 1e-3, 200_000);
            command.putAttribute("sweep_number", 0L);
        }

        Recording r = NwbReader.read(file);
        assertEquals("2.2.0", r.version(), "the NWB- prefix is dropped");
        assertEquals(ClampMode.VOLTAGE, r.clampMode());
        Sweep s = r.sweeps().get(0);
        assertArrayEquals(new double[] {0, 0.1, 0.1, 0}, s.response(), 1e-12, "pA stored, nA read");
        assertArrayEquals(new double[] {-70, -60, -60, -70}, s.stimulus(), 1e-9);
        assertEquals("nA", s.responseUnit());
        assertEquals("mV", s.stimulusUnit());
        assertEquals("sweep number", r.metadata().get("paired by"));

        RecordingException e = assertThrows(RecordingException.class, () -> NwbReader.read(file, true));
        assertMessage(e, file, "no CurrentClampSeries", "1 VoltageClampSeries (data_00000_AD0)", "voltage-clamp");
        RecordingException viaRecordings = assertThrows(RecordingException.class,
                () -> Recordings.read(file, new Recordings.Options(true, null)));
        assertMessage(viaRecordings, file, "no CurrentClampSeries");
    }

    @Test
    void nwb1LayoutIsReadThroughTheAncestryAttribute() throws Exception {
        Path file = dir.resolve("nwb1.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putDataset("nwb_version", new String[] {"NWB-1.0.5"});
            WritableGroup response = series(f.putGroup("acquisition").putGroup("timeseries"), "Sweep_7", "TimeSeries",
                    new float[] {-65, -64, 10, -70}, "V", 1e-3, 20_000);
            response.putAttribute("ancestry", new String[] {"TimeSeries", "PatchClampSeries", "CurrentClampSeries"});
            WritableGroup stimulus = series(f.putGroup("stimulus").putGroup("presentation"), "Sweep_7", "TimeSeries",
                    new float[] {0, 50, 50, 0}, "A", 1e-12, 20_000);
            stimulus.putAttribute("ancestry", new String[] {"TimeSeries", "PatchClampSeries",
                "CurrentClampStimulusSeries"});
        }

        Recording r = NwbReader.read(file);
        assertEquals("1.0.5", r.version());
        assertEquals(ClampMode.CURRENT, r.clampMode());
        assertEquals(0.05, r.sweeps().get(0).dtMs(), 1e-12);
        assertArrayEquals(new double[] {-65, -64, 10, -70}, r.sweeps().get(0).response(), 1e-6);
        assertArrayEquals(new double[] {0, 0.05, 0.05, 0}, r.sweeps().get(0).stimulus(), 1e-12);
        assertEquals("series names", r.metadata().get("paired by"));
    }

    @Test
    void sweepsAreOrderedByTheNumbersInTheirNamesAndPairedByThem() throws Exception {
        Path file = dir.resolve("order.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("nwb_version", "2.6.0");
            WritableGroup acquisition = f.putGroup("acquisition");
            WritableGroup presentation = f.putGroup("stimulus").putGroup("presentation");
            for (int n : new int[] {10, 2, 1}) {
                series(acquisition, "ic__Step__" + n, "CurrentClampSeries", new float[] {n, n}, "volts", 1e-3, 10_000);
                series(presentation, "ics__Step__" + n, "CurrentClampStimulusSeries", new double[] {0, n}, "amperes",
                        1e-9, 10_000);
            }
            series(acquisition, "ic__offset", "CurrentClampSeries", new float[] {1, 2}, "V", 0.01, 10_000);
        }
        Recording r = NwbReader.read(file);
        assertEquals(List.of(1.0, 2.0, 10.0), r.sweeps().subList(0, 3).stream().map(s -> s.response()[0]).toList(),
                "natural order: Step__1, Step__2, Step__10");
        assertEquals(10, r.sweeps().get(2).stimulus()[1], 1e-12);
        assertEquals(10, r.sweeps().get(3).response()[0], 1e-6, "1 × 0.01 V = 10 mV");
        assertNull(r.sweeps().get(3).stimulus(), "no ics__offset");
        assertTrue(r.metadata().get("notes").contains("no stimulus found for sweeps [3]"), r.metadata().toString());
    }

    @Test
    void offsetAttributeIsAddedAfterConversion() throws Exception {
        Path file = dir.resolve("offset.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("nwb_version", "2.6.0");
            WritableGroup s = f.putGroup("acquisition").putGroup("cc");
            s.putAttribute("neurodata_type", "CurrentClampSeries");
            WritableDataset data = s.putDataset("data", new short[] {100, -100});
            data.putAttribute("unit", "volts");
            data.putAttribute("conversion", 1e-4);
            data.putAttribute("offset", -0.065);
            s.putDataset("starting_time", 0.0).putAttribute("rate", 10_000.0);
        }
        Recording r = NwbReader.read(file);
        assertArrayEquals(new double[] {-55, -75}, r.sweeps().get(0).response(), 1e-9, "100 × 0.1 mV − 65 mV");
        assertEquals(StimulusSource.NONE, r.stimulusSource());
        assertTrue(r.metadata().get("notes").contains("no CurrentClampStimulusSeries"), r.metadata().toString());
    }

    @Test
    void missingStimulusIsNotAnErrorButIsNoted() throws Exception {
        Path file = dir.resolve("nostim.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("nwb_version", "2.5.0");
            series(f.putGroup("acquisition"), "cc_1", "CurrentClampSeries", new float[] {-70, -69}, "V", 1e-3, 10_000);
        }
        Recording r = NwbReader.read(file);
        assertEquals(StimulusSource.NONE, r.stimulusSource());
        assertNull(r.sweeps().get(0).stimulus());
        assertEquals(1, r.channels().size());
        assertTrue(r.metadata().get("notes").contains("they have no stimulus"), r.metadata().toString());
    }

    @Test
    void nanSampleFailsNamingSweepAndSampleIndex() throws Exception {
        Path file = dir.resolve("nan.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("nwb_version", "2.5.0");
            WritableGroup acquisition = f.putGroup("acquisition");
            series(acquisition, "cc_1", "CurrentClampSeries", new float[] {-70, -69, -68}, "V", 1e-3, 10_000);
            series(acquisition, "cc_2", "CurrentClampSeries", new float[] {-70, -69, -68, -67, -66, Float.NaN},
                    "V", 1e-3, 10_000);
        }
        RecordingException e = assertThrows(RecordingException.class, () -> NwbReader.read(file));
        assertMessage(e, file, "/acquisition/cc_2", "sweep 1", "sample 5 is NaN");
    }

    @Test
    void stimulusOfAnotherLengthFailsNamingBothSeries() throws Exception {
        Path file = dir.resolve("lengths.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("nwb_version", "2.5.0");
            series(f.putGroup("acquisition"), "cc_1", "CurrentClampSeries", new float[] {-70, -69, -68}, "V", 1e-3,
                    10_000);
            series(f.putGroup("stimulus").putGroup("presentation"), "ccs_1", "CurrentClampStimulusSeries",
                    new float[] {0, 1}, "A", 1e-9, 10_000);
        }
        RecordingException e = assertThrows(RecordingException.class, () -> NwbReader.read(file));
        assertMessage(e, file, "sweep 0", "/stimulus/presentation/ccs_1 has 2 samples", "/acquisition/cc_1 has 3");
    }

    @Test
    void fileWithoutPatchClampSeriesSaysWhatItHolds() throws Exception {
        Path file = dir.resolve("extracellular.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("nwb_version", "2.6.0");
            WritableGroup acquisition = f.putGroup("acquisition");
            series(acquisition, "lfp", "ElectricalSeries", new float[] {1, 2}, "volts", 1, 1000);
            acquisition.putGroup("notes");
        }
        RecordingException e = assertThrows(RecordingException.class, () -> NwbReader.read(file));
        assertMessage(e, file, "no CurrentClampSeries", "1 ElectricalSeries (lfp)", "group without neurodata_type (notes)");
    }

    @Test
    void hdf5FileThatIsNotNwbIsNamedAsSuch() throws Exception {
        Path file = dir.resolve("plain.h5");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putGroup("images").putDataset("frame", new float[] {1, 2, 3});
        }
        RecordingException e = assertThrows(RecordingException.class, () -> NwbReader.read(file));
        assertMessage(e, file, "HDF5 file but not NWB", "nwb_version", "images");
    }

    @Test
    void truncatedFileIsReportedWithItsSizes() throws Exception {
        Path file = dir.resolve("truncated.nwb");
        Files.copy(resource("99111002.nwb"), file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(200_000);
        }
        RecordingException e = assertThrows(RecordingException.class, () -> NwbReader.read(file));
        assertMessage(e, file, "truncated", "200000 bytes", "530771");
    }

    @Test
    void corruptStructureIsReportedAsCorrupt() throws Exception {
        Path file = dir.resolve("corrupt.nwb");
        byte[] bytes = Files.readAllBytes(resource("99111002.nwb"));
        // Keep the superblock (first 96 bytes) so that the damage is inside the object headers and heaps.
        Arrays.fill(bytes, 96, 20_000, (byte) 0x5a);
        Files.write(file, bytes);
        RecordingException e = assertThrows(RecordingException.class, () -> NwbReader.read(file));
        assertMessage(e, file, "corrupt");
    }

    @Test
    void fileThatIsNotHdf5AtAllIsNamedAsSuch() throws Exception {
        Path file = dir.resolve("text.nwb");
        Files.writeString(file, "t_ms,V\n0,-65\n");
        RecordingException e = assertThrows(RecordingException.class, () -> NwbReader.read(file));
        assertMessage(e, file, "not an HDF5 file");
        RecordingException missing = assertThrows(RecordingException.class,
                () -> Recordings.read(dir.resolve("absent.nwb")));
        assertMessage(missing, dir.resolve("absent.nwb"), "no such file");
    }

    @Test
    void recordingsDispatchesByExtension() throws Exception {
        Recording r = Recordings.read(resource("99111002.nwb"), new Recordings.Options(true, null));
        assertEquals("NWB", r.format());
        Path other = dir.resolve("trace.mat");
        Files.writeString(other, "x");
        RecordingException e = assertThrows(RecordingException.class, () -> Recordings.read(other));
        assertMessage(e, other, "unknown recording format", ".abf", ".nwb", ".csv");
    }

    @Test
    void everyIntegerWidthAndSignednessIsReadIncludingUnsigned64Bit() throws Exception {
        Path file = resource("integer-types.nwb");
        Recording even = NwbReader.read(file);
        assertEquals(ClampMode.CURRENT, even.clampMode());
        assertEquals("electrode 0", even.metadata().get("electrode"));
        assertTrue(even.metadata().get("notes").contains("left out electrodes [electrode 1]"), even.metadata().toString());
        assertEquals("intracellular_recordings table", even.metadata().get("paired by"));
        Recording odd = Recordings.read(file, new Recordings.Options(false, null, 1));
        assertEquals("electrode 1", odd.metadata().get("electrode"));
        assertEquals(4, even.sweeps().size());
        assertEquals(4, odd.sweeps().size());
        for (int k = 0; k < 4; k++) {
            for (Recording r : List.of(even, odd)) {
                int n = 2 * k + (r == odd ? 1 : 0);
                double offset = n == 6 ? -130 * 1e3 : 0;
                Recording.Sweep s = r.sweeps().get(k);
                assertArrayEquals(new double[] {60 + n + offset, 61 + offset, 62 + offset, 63 + offset, 64 + offset,
                    65 + offset, 66 + offset, 67 + n + offset}, s.response(), 1e-4, "sweep ccs_" + n);
                assertArrayEquals(new double[] {0, 0, 0.1, 0.1, 0.1, 0.1, 0, 0}, s.stimulus(), 1e-12, "stimulus ccss_" + n);
                assertEquals(0.1, s.dtMs(), 1e-9);
            }
        }
        assertThrows(RecordingException.class, () -> Recordings.read(file, new Recordings.Options(false, null, 2)));
    }

    @Test
    void unsigned64BitValuesBecomeIndicesOrDoubles() {
        BigInteger max = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
        assertArrayEquals(new long[] {-1, 7}, NwbValues.integers(new BigInteger[] {max,
            BigInteger.valueOf(7)}), "too large for an index: -1, which no table accepts");
        assertArrayEquals(new long[] {-3, 250}, NwbValues.integers(new short[] {-3, 250}));
        assertArrayEquals(new double[] {1.8446744073709552e19, 3}, NwbValues.samples(new BigInteger[] {max,
            BigInteger.valueOf(3)}, 0, 2, 1, 0));
    }

    /** A PatchClampSeries-like group: {@code data} with unit and conversion, {@code starting_time} with rate. */
    static WritableGroup series(WritableGroup parent, String name, String type, Object data, String unit,
                                double conversion, double rateHz) {
        WritableGroup g = parent.putGroup(name);
        g.putAttribute("neurodata_type", type);
        WritableDataset d = g.putDataset("data", data);
        d.putAttribute("unit", unit);
        d.putAttribute("conversion", conversion);
        g.putDataset("starting_time", 0.0).putAttribute("rate", rateHz);
        return g;
    }

    static Path resource(String name) throws URISyntaxException {
        URL url = NwbReaderTest.class.getResource("/data/nwb/" + name);
        return Path.of(url.toURI());
    }

    private static void assertMessage(Exception e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), "names the file: " + m);
        for (String p : parts) {
            assertTrue(m.contains(p), "'" + p + "' in: " + m);
        }
    }

    private static double[] sorted(double[] x) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c;
    }
}
