package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.brainfx.engine.data.Recording.ClampMode;
import org.brainfx.engine.data.Recording.StimulusSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, unsupported and unusual ABF files: each fails with a message naming the file and the problem, or reads honestly. */
class AbfReaderBadInputTest {
    /** File_axon_5.abf (ABF 2.0): protocol section at block 1, ADC section at block 2, epochs per DAC at block 5. */
    private static final int PROTOCOL = 512;
    private static final int ADC = 1024;
    private static final int EPOCH_B_TYPE = 5 * 512 + 48 + 4;

    @TempDir
    Path dir;

    @Test
    void wrongSignature() throws Exception {
        Path f = write("riff.abf", "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        assertFails(f, "not an Axon Binary Format file", "'RIFF'");
    }

    @Test
    void fileShorterThanTheSignature() throws Exception {
        assertFails(write("tiny.abf", new byte[] {'A', 'B'}), "only 2 bytes");
    }

    @Test
    void unknownAbf2Version() throws Exception {
        byte[] b = sample("File_axon_5.abf");
        b[7] = 3;
        assertFails(write("v3.abf", b), "unknown ABF version 3.0");
    }

    @Test
    void unknownAbf1Version() throws Exception {
        byte[] b = sample("190619B_0003.abf");
        le(b).putFloat(4, 7.5f);
        assertFails(write("v7.abf", b), "unknown ABF version 7.5");
    }

    @Test
    void truncatedAbf2Header() throws Exception {
        byte[] b = Arrays.copyOf(sample("File_axon_5.abf"), 600);
        assertFails(write("short2.abf", b), "truncated", "ProtocolSection");
    }

    @Test
    void truncatedAbf1Header() throws Exception {
        byte[] b = Arrays.copyOf(sample("190619B_0003.abf"), 1000);
        assertFails(write("short1.abf", b), "truncated file: header field", "at byte");
    }

    @Test
    void truncatedAbf2Data() throws Exception {
        byte[] full = sample("File_axon_5.abf");
        assertFails(write("cut2.abf", Arrays.copyOf(full, full.length - 100_000)), "truncated data");
    }

    @Test
    void truncatedAbf1Data() throws Exception {
        byte[] full = sample("190619B_0003.abf");
        assertFails(write("cut1.abf", Arrays.copyOf(full, full.length / 2)), "truncated data");
    }

    @Test
    void gapFreeRecordingIsOneSweepOrCutAtTheLengthGiven() throws Exception {
        byte[] b = sample("File_axon_5.abf");
        le(b).putShort(PROTOCOL, (short) 3);
        Path file = write("gapfree.abf", b);
        Recording whole = AbfReader.read(file);
        assertEquals(1, whole.sweeps().size());
        assertEquals(9 * 20_000, whole.sweeps().get(0).samples());
        assertEquals("gap-free", whole.metadata().get("operationMode"));
        Recording episodic = AbfReader.read(AbfReaderTest.sample("File_axon_5.abf"), -1);
        assertArrayEquals(episodic.sweeps().get(8).response(), Arrays.copyOfRange(whole.sweeps().get(0).response(),
                8 * 20_000, 9 * 20_000));
        Recording cut = AbfReader.read(file, -1, 700);
        assertEquals(12, cut.sweeps().size(), "180000 samples in 14000-sample sweeps, the rest left out");
        assertArrayEquals(Arrays.copyOfRange(whole.sweeps().get(0).response(), 14_000, 28_000),
                cut.sweeps().get(1).response());
        assertTrue(cut.metadata().get("gapFreeSweepSamples").contains("last 12000 samples are left out"));
        assertTrue(cut.metadata().get("stimulusNote").contains("flat stimulus"), cut.metadata().toString());
        RecordingException e = assertThrows(RecordingException.class, () -> AbfReader.read(file, -1, 10_000));
        assertTrue(e.getMessage().contains("9000.0 ms long"), e.getMessage());
    }

    @Test
    void variableLengthEventsWithoutSynchArrayAreRefused() throws Exception {
        byte[] b = sample("File_axon_5.abf");
        le(b).putShort(PROTOCOL, (short) 1);
        le(b).putLong(316 + 8, 0); // SynchArraySection.llNumEntries
        assertFails(write("events.abf", b), "no synch array", "Clampfit");
    }

    @Test
    void unknownOperationModeIsRefusedByNumber() throws Exception {
        byte[] b = sample("File_axon_5.abf");
        le(b).putShort(PROTOCOL, (short) 9);
        assertFails(write("mode9.abf", b), "nOperationMode = 9", "episodic (5)");
    }

    @Test
    void zeroSweeps() throws Exception {
        byte[] b = sample("File_axon_5.abf");
        le(b).putInt(12, 0);
        assertFails(write("nosweeps.abf", b), "0 sweeps");
    }

    @Test
    void zeroInstrumentScaleFactor() throws Exception {
        byte[] b = sample("File_axon_5.abf");
        le(b).putFloat(ADC + 40, 0f);
        assertFails(write("zerogain.abf", b), "unusable scaling", "_Ipatch");
    }

    @Test
    void nanProgrammableGain() throws Exception {
        byte[] b = sample("File_axon_5.abf");
        le(b).putFloat(ADC + 28, Float.NaN);
        assertFails(write("nangain.abf", b), "unusable scaling", "NaN");
    }

    @Test
    void zeroGainInAbf1() throws Exception {
        byte[] b = sample("190619B_0003.abf");
        le(b).putFloat(922, 0f);
        assertFails(write("zerogain1.abf", b), "unusable scaling", "IN 0");
    }

    @Test
    void nanSampleInFloatData() throws Exception {
        byte[] b = sample("97509008.abf");
        le(b).putFloat(11 * 512 + 4 * 10, Float.NaN);
        assertFails(write("nansample.abf", b), "sample 5 of sweep 1 in channel 0", "NaN");
    }

    @Test
    void missingFile() {
        assertFails(dir.resolve("absent.abf"), "cannot be read");
    }

    @Test
    void unsupportedEpochTypeGivesNoStimulusAndSaysWhy() throws Exception {
        byte[] b = sample("File_axon_5.abf");
        le(b).putShort(EPOCH_B_TYPE, (short) 3);
        Recording r = AbfReader.read(write("pulses.abf", b));
        assertEquals(ClampMode.CURRENT, r.clampMode());
        assertEquals(StimulusSource.NONE, r.stimulusSource());
        assertNull(r.sweeps().get(0).stimulus());
        assertTrue(r.metadata().get("stimulusNote").contains("epoch B"), r.metadata().toString());
        assertTrue(r.metadata().get("stimulusNote").contains("pulse train"), r.metadata().toString());
    }

    @Test
    void unrecognisedResponseUnitsLeaveClampModeUnknown() throws Exception {
        byte[] b = sample("17o05027_ic_ramp.abf");
        int at = indexOf(b, "IN 0\0mV\0".getBytes(StandardCharsets.US_ASCII)) + 5;
        b[at] = 'z';
        b[at + 1] = 'z';
        Recording r = AbfReader.read(write("units.abf", b));
        assertEquals(ClampMode.UNKNOWN, r.clampMode());
        assertEquals(StimulusSource.NONE, r.stimulusSource());
        assertEquals("zz", r.sweeps().get(0).responseUnit());
        assertTrue(r.metadata().get("stimulusNote").contains("'zz'"), r.metadata().toString());
    }

    @Test
    void abf15HeaderReadsDataButNotItsEpochTable() throws Exception {
        Recording r = AbfReader.read(write("old.abf", AbfV15Writer.twoSweeps()));
        assertEquals("1.5", r.version());
        assertEquals(ClampMode.CURRENT, r.clampMode());
        assertEquals(StimulusSource.NONE, r.stimulusSource());
        assertTrue(r.metadata().get("stimulusNote").contains("older than 1.6"));
        assertEquals(2, r.sweeps().size());
        assertEquals(10_000, r.sampleRateHz(), 1e-9);
        // Counts 0..99 at 10 V / 32768 counts / 0.01 V/mV → 0.0305 mV per count (0.01 is a float in the file).
        assertEquals(99 * 10.0 / 32768 / 0.01, r.sweeps().get(0).response()[99], 1e-6);
        assertEquals(-5 * 10.0 / 32768 / 0.01, r.sweeps().get(1).response()[5], 1e-6);
    }

    @Test
    void abf15HeaderCutShortNamesTheMissingField() throws Exception {
        byte[] b = Arrays.copyOf(AbfV15Writer.twoSweeps(), 130);
        assertFails(write("old-short.abf", b), "header field fADCRange at byte 244");
    }

    private void assertFails(Path file, String... parts) {
        RecordingException e = assertThrows(RecordingException.class, () -> AbfReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "message must name the file: " + e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': " + e.getMessage());
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(AbfReaderTest.sample(name));
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    /** Writes a minimal ABF 1.5 file (2048-byte header, one int16 channel in mV, two 100-point sweeps). */
    private static final class AbfV15Writer {
        static byte[] twoSweeps() {
            int points = 100;
            ByteBuffer b = le(new byte[2048 + 2 * points * 2]);
            b.put(0, "ABF ".getBytes(StandardCharsets.US_ASCII));
            b.putFloat(4, 1.5f);
            b.putShort(8, (short) 5);
            b.putInt(10, 2 * points);
            b.putInt(16, 2);
            b.putInt(40, 4);
            b.putShort(120, (short) 1);
            b.putFloat(122, 100f);
            b.putInt(138, points);
            b.putFloat(244, 10f);
            b.putInt(252, 32768);
            b.put(442, "IN 0".getBytes(StandardCharsets.US_ASCII));
            b.put(602, "mV".getBytes(StandardCharsets.US_ASCII));
            b.putFloat(730, 1f);
            b.putFloat(922, 0.01f);
            b.put(1346, "pA".getBytes(StandardCharsets.US_ASCII));
            b.putShort(1438, (short) 1);
            for (int i = 0; i < points; i++) {
                b.putShort(2048 + 2 * i, (short) i);
                b.putShort(2048 + 2 * (points + i), (short) -i);
            }
            return b.array();
        }
    }
}
