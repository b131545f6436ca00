package org.brainfx.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the fixed-layout header of ABF 1.x files (signature {@code ABF }), whose fields sit at byte
 * offsets defined by Axon's ABF 1.8 header description.
 */
final class AbfHeaderV1 {
    /** ABF 1.6 grew the header from 2048 to 6144 bytes and moved telegraphs and epochs to the new part. */
    private static final float EXTENDED_SINCE = 1.6f;
    private static final int ADC_COUNT = 16;
    private static final int DAC_COUNT = 4;
    /** The extended header describes waveforms for two DACs, ten epochs each. */
    private static final int WAVEFORM_DACS = 2;
    private static final int EPOCHS_PER_DAC = 10;

    private AbfHeaderV1() {
    }

    static AbfHeader parse(AbfBytes b) throws RecordingException {
        float version = b.f32(4, "fFileVersionNumber");
        if (!(version >= 1f && version < 2f)) {
            throw b.error("unknown ABF version " + version + " in an 'ABF ' file (expected 1.x)",
                    "Re-save the file with Clampfit as ABF 2, which BrainFX reads");
        }
        boolean extended = version >= EXTENDED_SINCE - 1e-4f;
        int channelCount = b.i16(120, "nADCNumChannels");
        if (channelCount < 1 || channelCount > ADC_COUNT) {
            throw b.error("the header says " + channelCount + " channels are recorded (nADCNumChannels at byte 120); ABF allows 1 to 16",
                    "The header is corrupt; recover the file from a backup");
        }
        double rangeOverResolution = b.f32(244, "fADCRange") / (double) b.i32(252, "lADCResolution");
        boolean conditioned = b.i16(1410, "nSignalType") != 0;
        List<AbfChannel> channels = new ArrayList<>();
        for (int i = 0; i < channelCount; i++) {
            int adc = b.i16(410 + 2L * i, "nADCSamplingSeq[" + i + "]");
            if (adc < 0 || adc >= ADC_COUNT) {
                throw b.error("recorded channel " + i + " names ADC " + adc + " (nADCSamplingSeq); ABF ADCs are numbered 0 to 15",
                        "The header is corrupt; recover the file from a backup");
            }
            channels.add(channel(b, adc, rangeOverResolution, conditioned, extended));
        }
        int activeDac = b.i16(1440, "nActiveDACChannel");
        List<AbfDac> dacs = new ArrayList<>();
        for (int d = 0; d < DAC_COUNT; d++) {
            dacs.add(dac(b, d, extended, activeDac));
        }
        String creator = b.text(294, 16, "sCreatorInfo");
        if (extended) {
            creator += " " + b.i16(5798, "nMajorVersion") + "." + b.i16(5800, "nMinorVersion") + "."
                    + b.i16(5802, "nBugfixVersion") + "." + b.i16(5804, "nBuildVersion");
        }
        long millis = b.i32(24, "lFileStartTime") * 1000L + b.i16(366, "nFileStartMillisecs");
        int mode = b.i16(8, "nOperationMode");
        return new AbfHeader(Float.toString(version), mode, b.i32(16, "lActualEpisodes"),
                b.i32(138, "lNumSamplesPerEpisode"),
                1e6 / (b.f32(122, "fADCSampleInterval") * (double) channelCount), dataFormat(b),
                b.i32(40, "lDataSectionPtr") * (long) AbfHeader.BLOCK, b.i32(10, "lActualAcqLength"), channels, dacs,
                activeDac, creator.trim(), extended ? b.text(4898, 256, "sProtocolPath") : "",
                AbfHeader.timestamp(b.i32(20, "lFileStartDate"), millis),
                AbfHeader.eventLengths(b, mode, b.i32(92, "lSynchArrayPtr") * (long) AbfHeader.BLOCK,
                        b.i32(96, "lSynchArraySize"), 8));
    }

    private static AbfChannel channel(AbfBytes b, int adc, double rangeOverResolution, boolean conditioned,
                                      boolean extended) throws RecordingException {
        double scale = b.f32(922 + 4L * adc, "fInstrumentScaleFactor[" + adc + "]")
                * (double) b.f32(730 + 4L * adc, "fADCProgrammableGain[" + adc + "]");
        double offset = b.f32(986 + 4L * adc, "fInstrumentOffset[" + adc + "]");
        if (conditioned) {
            scale *= b.f32(1050 + 4L * adc, "fSignalGain[" + adc + "]");
            offset -= b.f32(1114 + 4L * adc, "fSignalOffset[" + adc + "]");
        }
        scale *= telegraphGain(b, adc, extended);
        boolean telegraphed = extended && b.i16(4512 + 2L * adc, "nTelegraphEnable[" + adc + "]") != 0;
        String name = b.text(442 + 10L * adc, 10, "sADCChannelName[" + adc + "]");
        return new AbfChannel(name.isEmpty() ? "ADC " + adc : name,
                b.text(602 + 8L * adc, 8, "sADCUnits[" + adc + "]"), rangeOverResolution / scale, offset,
                telegraphed ? b.i16(4768 + 2L * adc, "nTelegraphMode[" + adc + "]") : -1);
    }

    /** Before 1.6 a single "autosample" telegraph applied to one ADC; later each ADC has its own. */
    private static double telegraphGain(AbfBytes b, int adc, boolean extended) throws RecordingException {
        if (extended) {
            return b.i16(4512 + 2L * adc, "nTelegraphEnable[" + adc + "]") != 0
                    ? b.f32(4576 + 4L * adc, "fTelegraphAdditGain[" + adc + "]") : 1;
        }
        boolean telegraphed = b.i16(262, "nAutosampleEnable") != 0 && b.i16(264, "nAutosampleADCNum") == adc;
        return telegraphed ? b.f32(268, "fAutosampleAdditGain") : 1;
    }

    private static AbfDac dac(AbfBytes b, int d, boolean extended, int activeDac) throws RecordingException {
        String name = b.text(1306 + 10L * d, 10, "sDACChannelName[" + d + "]");
        String units = b.text(1346 + 8L * d, 8, "sDACChannelUnits[" + d + "]");
        double holding = b.f32(1394 + 4L * d, "fDACHoldingLevel[" + d + "]");
        if (!extended) {
            boolean played = d == activeDac && b.i16(1438, "nWaveformSource") != 0;
            return new AbfDac(d, name, units, holding, played ? AbfDac.Waveform.NOT_READ : AbfDac.Waveform.OFF, false, List.of());
        }
        if (d >= WAVEFORM_DACS) {
            return new AbfDac(d, name, units, holding, AbfDac.Waveform.OFF, false, List.of());
        }
        AbfDac.Waveform waveform = waveform(b.i16(2296 + 2L * d, "nWaveformEnable[" + d + "]"),
                b.i16(2300 + 2L * d, "nWaveformSource[" + d + "]"));
        List<AbfEpoch> epochs = new ArrayList<>();
        for (int e = 0; e < EPOCHS_PER_DAC; e++) {
            int k = d * EPOCHS_PER_DAC + e;
            epochs.add(new AbfEpoch((char) ('A' + e), b.i16(2308 + 2L * k, "nEpochType[" + k + "]"),
                    b.f32(2348 + 4L * k, "fEpochInitLevel[" + k + "]"), b.f32(2428 + 4L * k, "fEpochLevelInc[" + k + "]"),
                    b.i32(2508 + 4L * k, "lEpochInitDuration[" + k + "]"), b.i32(2588 + 4L * k, "lEpochDurationInc[" + k + "]")));
        }
        boolean keepsLast = b.i16(2304 + 2L * d, "nInterEpisodeLevel[" + d + "]") != 0;
        return new AbfDac(d, name, units, holding, waveform, keepsLast, epochs);
    }

    /** Axon's waveform source codes: 0 none, 1 epoch table, 2 stimulus file. */
    static AbfDac.Waveform waveform(int enabled, int source) {
        if (enabled == 0 || source == 0) {
            return AbfDac.Waveform.OFF;
        }
        return source == 1 ? AbfDac.Waveform.EPOCHS : AbfDac.Waveform.STIMULUS_FILE;
    }

    private static boolean dataFormat(AbfBytes b) throws RecordingException {
        int format = b.i16(100, "nDataFormat");
        if (format != 0 && format != 1) {
            throw b.error("unknown sample format " + format + " (nDataFormat at byte 100; 0 = int16, 1 = float32)",
                    "The header is corrupt; recover the file from a backup");
        }
        return format == 1;
    }
}
