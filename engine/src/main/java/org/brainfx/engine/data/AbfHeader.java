package org.brainfx.engine.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What an ABF header (version 1 or 2) says about a recording, in one form for both versions, checked so
 * that the data can be decoded without further surprises.
 *
 * @param version           the format version as the file states it (e.g. {@code 2.6}, {@code 1.83})
 * @param operationMode     Axon's acquisition mode code ({@link #EPISODIC} is the only one read)
 * @param sweeps            number of sweeps recorded
 * @param samplesPerEpisode samples in one sweep over all channels together (interleaved)
 * @param sampleRateHz      samples per second in each channel
 * @param floatData         true when samples are stored as float32 in user units, false for int16 counts
 * @param dataOffset        byte position of the first sample
 * @param dataPoints        samples stored in the data section, all channels together
 * @param channels          recorded channels in the order they are interleaved
 * @param dacs              analog outputs with their epoch tables
 * @param activeDac         the DAC Clampex marked as active in the waveform editor
 * @param creator           acquisition program and its version, or empty
 * @param protocolPath      the protocol file used (Windows path as stored), or empty
 * @param recordedAt        ISO local date-time of the recording's start, or empty when not stated
 * @param eventLengths      samples (all channels together) of each event in the synch array, which event-driven
 *                          files use to say where each sweep lies; empty when the file has none
 */
record AbfHeader(String version, int operationMode, int sweeps, int samplesPerEpisode, double sampleRateHz,
                 boolean floatData, long dataOffset, long dataPoints, List<AbfChannel> channels, List<AbfDac> dacs,
                 int activeDac, String creator, String protocolPath, String recordedAt, long[] eventLengths) {

    static final int EVENT_VARIABLE = 1;
    static final int EVENT_FIXED = 2;
    static final int GAP_FREE = 3;
    static final int OSCILLOSCOPE = 4;
    static final int EPISODIC = 5;
    static final int BLOCK = 512;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** Copies the lists. */
    AbfHeader {
        channels = List.copyOf(channels);
        dacs = List.copyOf(dacs);
        eventLengths = eventLengths.clone();
    }

    /**
     * The synch array's event lengths (its second int32 per entry) in variable-length event mode, the only one
     * that needs them; read only when the entries fit in the file, so a corrupt count cannot make the reader
     * allocate more than the file holds.
     */
    static long[] eventLengths(AbfBytes b, int mode, long offset, long count, long entrySize) throws RecordingException {
        if (mode != EVENT_VARIABLE || count <= 0 || offset <= 0) {
            return new long[0];
        }
        if (entrySize < 8 || count > b.length() / entrySize || offset + count * entrySize > b.length()) {
            throw b.error("truncated or corrupt header: the synch array claims " + count + " entries of " + entrySize
                    + " bytes at byte " + offset + ", which does not fit in the file's " + b.length() + " bytes",
                    "The file is incomplete or damaged; copy it again from the original");
        }
        long[] out = new long[(int) count];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.i32(offset + i * entrySize + 4, "SynchArray[" + i + "].lLength");
        }
        return out;
    }

    /**
     * Samples per channel in each sweep, in file order: episodic and fixed-length event files have
     * {@link #sweeps} of one length, variable-length event files one sweep per synch-array event, and a gap-free
     * file is one sweep or, when {@code splitSamples > 0}, consecutive sweeps of that many samples (a shorter
     * rest is left out).
     */
    int[] sweepLengths(int splitSamples) {
        int n = channels.size();
        if (operationMode == GAP_FREE) {
            long total = dataPoints / n;
            if (splitSamples <= 0) {
                return new int[] {(int) total};
            }
            int[] out = new int[(int) (total / splitSamples)];
            Arrays.fill(out, splitSamples);
            return out;
        }
        if (operationMode == EVENT_VARIABLE) {
            int[] out = new int[eventLengths.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) (eventLengths[i] / n);
            }
            return out;
        }
        int[] out = new int[sweeps];
        Arrays.fill(out, samplesPerEpisode / n);
        return out;
    }

    /** Reads and checks the header: signature, version, mode, sizes, data extent and channel scaling. */
    static AbfHeader read(AbfBytes bytes) throws RecordingException {
        String signature = signature(bytes);
        AbfHeader header;
        if (signature.equals("ABF ")) {
            header = AbfHeaderV1.parse(bytes);
        } else if (signature.equals("ABF2")) {
            header = AbfHeaderV2.parse(bytes);
        } else {
            throw bytes.error("not an Axon Binary Format file: it starts with '" + printable(signature)
                            + "' but ABF files start with 'ABF ' (version 1) or 'ABF2' (version 2)",
                    "Open an .abf file saved by pCLAMP (Clampex or Clampfit), or export the recording from its program as ABF");
        }
        header.check(bytes);
        return header;
    }

    /** Samples per sweep in one channel. */
    int samplesPerSweep() {
        return samplesPerEpisode / channels.size();
    }

    /** ISO date-time from Axon's {@code yyyymmdd} date and milliseconds since midnight, or empty if invalid. */
    static String timestamp(long yyyymmdd, long millisOfDay) {
        if (millisOfDay < 0 || millisOfDay >= MILLIS_PER_DAY) {
            return "";
        }
        try {
            LocalDate date = LocalDate.of((int) (yyyymmdd / 10000), (int) (yyyymmdd / 100 % 100), (int) (yyyymmdd % 100));
            return date.atStartOfDay().plusNanos(millisOfDay * 1_000_000L).toString();
        } catch (DateTimeException e) {
            // Old ABF1 files store two-digit years or leave the date empty; a missing date is not an error.
            return "";
        }
    }

    private void check(AbfBytes bytes) throws RecordingException {
        int n = channels.size();
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw bytes.error("the sample interval gives a sample rate of " + sampleRateHz + " Hz",
                    "The header's sample interval (fADCSequenceInterval / fADCSampleInterval) is corrupt; recover the file from a backup");
        }
        long needed;
        if (operationMode == GAP_FREE) {
            if (dataPoints < n) {
                throw bytes.error("the gap-free recording holds " + dataPoints + " samples (lActualAcqLength), fewer than one per channel",
                        "The acquisition was probably stopped at once; use another recording");
            }
            needed = dataPoints - dataPoints % n;
        } else if (operationMode == EVENT_VARIABLE) {
            if (eventLengths.length == 0) {
                throw bytes.error("the variable-length event recording has no synch array, which says where each event lies",
                        "Open it in Clampfit and save it again (File > Save As, ABF), or export the events as an episodic file");
            }
            needed = 0;
            for (int i = 0; i < eventLengths.length; i++) {
                if (eventLengths[i] <= 0 || eventLengths[i] % n != 0) {
                    throw bytes.error("event " + (i + 1) + " of the synch array is " + eventLengths[i]
                            + " samples long, not a positive multiple of the " + n + " channels", "The header is corrupt; recover the file from a backup");
                }
                needed += eventLengths[i];
            }
        } else if (operationMode == EPISODIC || operationMode == EVENT_FIXED || operationMode == OSCILLOSCOPE) {
            if (sweeps <= 0) {
                throw bytes.error("the header says the file holds " + sweeps + " sweeps (lActualEpisodes)",
                        "The acquisition was probably stopped before the first sweep finished; use another recording");
            }
            if (samplesPerEpisode <= 0 || samplesPerEpisode % n != 0) {
                throw bytes.error("the sweep length " + samplesPerEpisode + " (lNumSamplesPerEpisode) is not a positive multiple of the "
                        + n + " recorded channels", "The header is corrupt; recover the file from a backup");
            }
            needed = (long) sweeps * samplesPerEpisode;
        } else {
            throw bytes.error("unknown acquisition mode (nOperationMode = " + operationMode
                            + "); ABF files are event-driven (1, 2), gap-free (3), oscilloscope (4) or episodic (5)",
                    "The header is corrupt; recover the file from a backup");
        }
        if (dataPoints < needed) {
            throw bytes.error("truncated data: the data section holds " + dataPoints + " samples but "
                    + (operationMode == EVENT_VARIABLE ? eventLengths.length + " events" : sweeps + " sweeps × " + samplesPerEpisode + " samples")
                    + " need " + needed, "The file is incomplete; copy it again from the original");
        }
        if (needed / n > Integer.MAX_VALUE) {
            throw bytes.error("the recording holds " + needed / n + " samples per channel, more than one array can hold",
                    "Cut the recording into parts in Clampfit");
        }
        long end = dataOffset + needed * (floatData ? 4 : 2);
        if (dataOffset < 0 || end > bytes.length()) {
            throw bytes.error("truncated data: the samples run from byte " + dataOffset + " to byte " + end
                    + " but the file has only " + bytes.length() + " bytes", "The file is incomplete; copy it again from the original");
        }
        if (!floatData) {
            for (int c = 0; c < n; c++) {
                AbfChannel ch = channels.get(c);
                if (!Double.isFinite(ch.gain()) || ch.gain() == 0 || !Double.isFinite(ch.offset())) {
                    throw bytes.error("channel " + c + " ('" + ch.name() + "') has unusable scaling: gain " + ch.gain()
                                    + " " + ch.units() + " per count, offset " + ch.offset()
                                    + " (from ADC range, resolution, instrument scale factor, signal, programmable and telegraph gains)",
                            "A zero or missing gain in the header means the amplifier settings were not saved; fix them in Clampfit (Edit > Modify Signal Parameters)");
                }
            }
        }
    }

    private static String signature(AbfBytes bytes) throws RecordingException {
        if (bytes.length() < 4) {
            throw bytes.error("not an Axon Binary Format file: it has only " + bytes.length() + " bytes",
                    "Open an .abf file saved by pCLAMP (Clampex or Clampfit)");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append((char) bytes.u8(i, "file signature"));
        }
        return s.toString();
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return out.toString();
    }
}
