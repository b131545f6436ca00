package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.data.Recording.ClampMode;
import org.brainfx.engine.data.Recording.StimulusSource;
import org.junit.jupiter.api.Test;

/** Reads every sample ABF recording and checks it against the facts in its PROVENANCE.md. */
class AbfReaderTest {
    /** The large step recording is not bundled; it is read from the shared data folder next to the repository. */
    private static final String SHARED_STEPS = "abf/17o05028_ic_steps.abf";

    @Test
    void fileAxon5IsAStepProtocolInAbf20() throws Exception {
        Recording r = AbfReader.read(sample("File_axon_5.abf"));
        assertBasics(r, "2.0", 9, 20_000, 20_000, List.of(new Recording.Channel("_Ipatch", "mV")));
        assertCurrentClamp(r, StimulusSource.PROTOCOL);
        assertEquals("step cclamp", r.metadata().get("protocol"));
        assertEquals("clampex 10.1.0.7", r.metadata().get("creator"));
        assertEquals("2007-02-09T12:54:55.828", r.metadata().get("recordedAt"));
        for (Recording.Sweep s : r.sweeps()) {
            // 312 holding points + 4000 points of epoch A, then epoch B for 10000 points.
            assertLevel(s, 0, 0.2156, 0);
            assertLevel(s, 0.2156, 0.7156, (-100 + 50 * s.index()) / 1000.0);
            assertLevel(s, 0.7156, 1.0, 0);
        }
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 2, 2, 3}, spikesPerSweep(r));
    }

    @Test
    void rampRecordingRebuildsARampThatKeepsItsLastLevel() throws Exception {
        Recording r = AbfReader.read(sample("17o05027_ic_ramp.abf"));
        assertBasics(r, "2.6", 2, 20_000, 20_000, List.of(new Recording.Channel("IN 0", "mV")));
        assertCurrentClamp(r, StimulusSource.PROTOCOL);
        assertEquals("0111 continuous ramp", r.metadata().get("protocol"));
        for (Recording.Sweep s : r.sweeps()) {
            double top = 0.010 * s.index();
            double[] stim = s.stimulus();
            assertEquals(0, stim[311], 1e-12, "holding before the ramp");
            assertEquals(top / 2, stim[312 + 19_300 / 2 - 1], 1e-9, "half way up the 19300-point ramp");
            assertEquals(top, stim[312 + 19_300 - 1], 1e-9, "ramp top");
            // nInterEpisodeLevel = 1: the last level is held to the end of the sweep.
            assertEquals(top, stim[stim.length - 1], 1e-9, "after the ramp");
        }
        assertArrayEquals(new int[] {6, 9}, spikesPerSweep(r));
    }

    @Test
    void abf1RecordingWithTwoChannelsIsReadByPhysicalAdcNumber() throws Exception {
        Recording r = AbfReader.read(sample("190619B_0003.abf"));
        assertBasics(r, "1.83", 10, 10_000, 30_640,
                List.of(new Recording.Channel("IN 0", "mV"), new Recording.Channel("IN 2", "mV")));
        assertCurrentClamp(r, StimulusSource.PROTOCOL);
        assertEquals("IV_FI_IN0_saray", r.metadata().get("protocol"));
        assertEquals("Clampex 9.2.1.9", r.metadata().get("creator"));
        assertEquals("2019-06-19T11:23:26.409", r.metadata().get("recordedAt"));
        for (Recording.Sweep s : r.sweeps()) {
            // 478 holding points + epoch A of 10000 points, then the 1 s step of epoch B.
            assertLevel(s, 0, 1.0478, 0);
            assertLevel(s, 1.0478, 2.0478, (-120 + 60 * s.index()) / 1000.0);
            assertLevel(s, 2.0478, 3.064, 0);
        }
        assertArrayEquals(new int[] {0, 0, 0, 0, 3, 6, 8, 12, 13, 16}, spikesPerSweep(r));
    }

    @Test
    void sharpElectrodeRecordingUsesItsRecordedCommand() throws Exception {
        Recording r = AbfReader.read(sample("97509008.abf"));
        assertBasics(r, "2.4", 16, 10_000, 7_168,
                List.of(new Recording.Channel("Chan 0mV", "mV"), new Recording.Channel("AO #0", "nA")));
        assertCurrentClamp(r, StimulusSource.RECORDED);
        assertEquals("1 (AO #0, nA)", r.metadata().get("stimulusChannel"));
        assertEquals("float32", r.metadata().get("dataFormat"));
        for (Recording.Sweep s : r.sweeps()) {
            // 112 holding points + 200 points of epoch A, then epoch B for 4000 points.
            assertLevel(s, 0.0312, 0.4312, -2.0 + 0.2 * s.index());
        }
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 9, 21, 38}, spikesPerSweep(r));
    }

    @Test
    void epochTableOf97509008MatchesItsRecordedCommand() throws Exception {
        Path file = sample("97509008.abf");
        Recording r = AbfReader.read(file);
        AbfHeader header = AbfHeader.read(new AbfBytes(file, Files.readAllBytes(file)));
        AbfDac dac = header.dacs().get(0);
        assertEquals(AbfDac.Waveform.EPOCHS, dac.waveform());
        assertEquals("nA", dac.units());
        for (Recording.Sweep s : r.sweeps()) {
            double[] recorded = s.stimulus();
            double[] rebuilt = AbfEpochs.waveform(dac, s.index(), s.samples());
            int close = 0;
            for (int i = 0; i < recorded.length; i++) {
                close += Math.abs(recorded[i] - rebuilt[i]) <= 0.02 ? 1 : 0;
            }
            assertTrue(close >= 0.999 * recorded.length, "sweep " + s.index() + ": only " + close + " of "
                    + recorded.length + " samples agree within 0.02 nA");
            double recordedStep = mean(recorded, 312, 4312);
            double rebuiltStep = mean(rebuilt, 312, 4312);
            assertEquals(rebuiltStep, recordedStep, Math.max(0.02 * Math.abs(rebuiltStep), 0.005),
                    "epoch B level of sweep " + s.index());
        }
    }

    @Test
    void voltageClampRecordingIsFlaggedAndConvertedToNanoampsAndMillivolts() throws Exception {
        Recording r = AbfReader.read(sample("17o05024_vc_steps.abf"));
        assertBasics(r, "2.6", 7, 20_000, 70_000, List.of(new Recording.Channel("IN 0", "pA")));
        assertEquals(ClampMode.VOLTAGE, r.clampMode());
        assertEquals(StimulusSource.PROTOCOL, r.stimulusSource());
        for (Recording.Sweep s : r.sweeps()) {
            assertEquals("nA", s.responseUnit());
            assertEquals("mV", s.stimulusUnit());
            // Holding −70 mV for 1093 points, epoch A (−70 mV) for 10000, then epoch B.
            assertLevel(s, 0, 0.55465, -70);
            assertLevel(s, 0.55465, 1.05465, -110 + 10 * s.index());
        }
        double maxAbs = 0;
        for (double v : r.sweeps().get(0).response()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertTrue(maxAbs > 0.01 && maxAbs < 20, "response must be in nA, peak |I| = " + maxAbs);
    }

    @Test
    void sharedDualStepRecording() throws Exception {
        Recording r = AbfReader.read(SharedData.require(SHARED_STEPS));
        assertBasics(r, "2.6", 16, 20_000, 60_000, List.of(new Recording.Channel("IN 0", "mV")));
        assertCurrentClamp(r, StimulusSource.PROTOCOL);
        for (Recording.Sweep s : r.sweeps()) {
            double step = (-50 + 10 * s.index()) / 1000.0;
            assertLevel(s, 0.14685, 0.64685, step);
            assertLevel(s, 1.14685, 1.64685, -0.050);
            assertLevel(s, 1.64685, 2.14685, step);
        }
        int[] spikes = spikesPerSweep(r);
        assertEquals(10, spikes[0]);
        assertEquals(42, spikes[15]);
    }

    @Test
    void printsReadTimeOfTheLargestRecording() throws Exception {
        Path file = SharedData.require(SHARED_STEPS);
        for (int i = 0; i < 20; i++) {
            AbfReader.read(file);
        }
        int runs = 20;
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            AbfReader.read(file);
            long t = System.nanoTime() - t0;
            best = Math.min(best, t);
            total += t;
        }
        System.out.printf("AbfReader: %s (%d bytes) read in %.1f ms (mean of %d, best %.1f ms)%n", file.getFileName(),
                Files.size(file), total / 1e6 / runs, runs, best / 1e6);
    }

    static Path sample(String name) throws URISyntaxException {
        URL url = AbfReaderTest.class.getResource("/data/abf/" + name);
        assertNotNull(url, "test resource data/abf/" + name + " is missing");
        return Path.of(url.toURI());
    }

    private static void assertBasics(Recording r, String version, int sweeps, double rate, int samples,
                                     List<Recording.Channel> channels) {
        assertEquals("ABF", r.format());
        assertEquals(version, r.version());
        assertEquals(sweeps, r.sweeps().size());
        assertEquals(rate, r.sampleRateHz(), 1e-6);
        assertEquals(channels, r.channels());
        for (Recording.Sweep s : r.sweeps()) {
            assertEquals(samples, s.samples());
            assertEquals(1000.0 / rate, s.dtMs(), 1e-12);
            if (s.stimulus() != null) {
                assertEquals(samples, s.stimulus().length);
            }
        }
    }

    private static void assertCurrentClamp(Recording r, StimulusSource source) {
        assertEquals(ClampMode.CURRENT, r.clampMode());
        assertEquals(source, r.stimulusSource());
        for (Recording.Sweep s : r.sweeps()) {
            assertEquals("mV", s.responseUnit());
            assertEquals("nA", s.stimulusUnit());
            assertNotNull(s.stimulus());
        }
        String note = r.metadata().get("stimulusNote");
        assertTrue(note == null || !note.contains("no stimulus") && !note.contains("unknown"), note);
    }

    /** Every stimulus sample from {@code fromS} to {@code toS} (a sample's width inside each end) equals {@code level}. */
    private static void assertLevel(Recording.Sweep s, double fromS, double toS, double level) {
        int from = (int) Math.ceil(fromS * 1000 / s.dtMs()) + 1;
        int to = Math.min(s.samples(), (int) Math.floor(toS * 1000 / s.dtMs()) - 1);
        for (int i = from; i < to; i++) {
            assertEquals(level, s.stimulus()[i], 1e-6, "sweep " + s.index() + ", sample " + i);
        }
    }

    /**
     * Upward crossings of 0 mV, counted as "at or below 0, then above 0" so a sample landing exactly on
     * 0 mV (float32 data in 0.5 mV steps) is not a crossing of its own.
     */
    private static int[] spikesPerSweep(Recording r) {
        int[] counts = new int[r.sweeps().size()];
        for (Recording.Sweep s : r.sweeps()) {
            double[] v = s.response();
            for (int i = 1; i < v.length; i++) {
                counts[s.index()] += v[i - 1] <= 0 && v[i] > 0 ? 1 : 0;
            }
        }
        return counts;
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }
}
