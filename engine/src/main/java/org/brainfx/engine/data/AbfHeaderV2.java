package org.brainfx.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parses ABF 2.x files (signature {@code ABF2}): a small fixed header with a map of sections (protocol,
 * ADC, DAC, epochs per DAC, strings, data), each a run of fixed-size entries starting at a 512-byte block.
 */
final class AbfHeaderV2 {
    private static final int STRINGS_HEADER = 44;

    private AbfHeaderV2() {
    }

    /** A section map entry: first block, bytes per entry and entry count. */
    private record Section(String name, long block, long entrySize, long count) {
        long entry(long i) {
            return block * AbfHeader.BLOCK + i * entrySize;
        }
    }

    static AbfHeader parse(AbfBytes b) throws RecordingException {
        int major = b.u8(7, "fFileVersionNumber");
        String version = major + "." + b.u8(6, "fFileVersionNumber") + suffix(b.u8(5, "fFileVersionNumber"), b.u8(4, "fFileVersionNumber"));
        if (major != 2) {
            throw b.error("unknown ABF version " + version + " in an 'ABF2' file (expected 2.x)",
                    "BrainFX reads ABF 1.x and 2.x; re-save the file with a Clampfit that writes ABF 2");
        }
        Section protocol = section(b, "ProtocolSection", 76, 144);
        Section adc = section(b, "ADCSection", 92, 82);
        Section dac = section(b, "DACSection", 108, 46);
        Section epochs = section(b, "EpochPerDACSection", 156, 22);
        Section strings = section(b, "StringsSection", 220, 0);
        Section data = section(b, "DataSection", 236, 0);
        Section synch = section(b, "SynchArraySection", 316, 0);
        List<String> text = strings(b, strings);

        long p = protocol.entry(0);
        double rangeOverResolution = b.f32(p + 110, "fADCRange") / (double) b.i32(p + 118, "lADCResolution");
        boolean conditioned = b.i16(p + 138, "nSignalType") != 0;
        if (adc.count() < 1 || adc.count() > 16) {
            throw b.error("the ADC section lists " + adc.count() + " recorded channels; ABF allows 1 to 16",
                    "The header is corrupt; recover the file from a backup");
        }
        List<AbfChannel> channels = new ArrayList<>();
        for (int i = 0; i < adc.count(); i++) {
            channels.add(channel(b, adc.entry(i), i, text, rangeOverResolution, conditioned));
        }
        List<AbfDac> dacs = new ArrayList<>();
        for (int i = 0; i < dac.count(); i++) {
            dacs.add(dac(b, dac.entry(i), text, epochs));
        }
        boolean floatData = dataFormat(b, data);
        String creator = string(text, b.u32(60, "uCreatorNameIndex"));
        if (b.i32(56, "uCreatorVersion") != 0) {
            // Files converted from ABF1 by Clampfit carry the old creator's name with its version inside and zeros here.
            creator = (creator + " " + b.u8(59, "uCreatorVersion") + "." + b.u8(58, "uCreatorVersion") + "."
                    + b.u8(57, "uCreatorVersion") + "." + b.u8(56, "uCreatorVersion")).trim();
        }
        String modifier = string(text, b.u32(68, "uModifierNameIndex"));
        int mode = b.i16(p, "nOperationMode");
        return new AbfHeader(version, mode, (int) Math.min(Integer.MAX_VALUE, b.u32(12, "lActualEpisodes")),
                b.i32(p + 22, "lNumSamplesPerEpisode"), 1e6 / b.f32(p + 2, "fADCSequenceInterval"), floatData,
                data.block() * AbfHeader.BLOCK, data.count(), channels, dacs, b.i16(p + 142, "nActiveDACChannel"),
                modifier.isEmpty() ? creator : creator + ", modified by " + modifier,
                string(text, b.u32(72, "uProtocolPathIndex")),
                AbfHeader.timestamp(b.u32(16, "uFileStartDate"), b.u32(20, "uFileStartTimeMS")),
                AbfHeader.eventLengths(b, mode, synch.block() * AbfHeader.BLOCK, synch.count(), synch.entrySize()));
    }

    /** Bug-fix and build numbers are shown only when set, so 2.6.0.0 reads as the familiar "2.6". */
    private static String suffix(int bugfix, int build) {
        return build != 0 ? "." + bugfix + "." + build : bugfix != 0 ? "." + bugfix : "";
    }

    private static Section section(AbfBytes b, String name, long at, int minEntrySize) throws RecordingException {
        long block = b.u32(at, name + ".uBlockIndex");
        long size = b.u32(at + 4, name + ".uBytes");
        long count = b.i32(at + 8, name + ".llNumEntries") & 0xFFFFFFFFL | (long) b.i32(at + 12, name + ".llNumEntries") << 32;
        Section s = new Section(name, block, size, count);
        // Data and strings are bounds-checked where they are read, so the data's message can say "truncated data".
        if (count < 0 || (minEntrySize > 0 && count > 0 && (size < minEntrySize || s.entry(count) > b.length()))) {
            throw b.error("truncated or corrupt header: the " + name + " (at byte " + at + ") claims " + count + " entries of "
                            + size + " bytes from block " + block + ", which does not fit in the file's " + b.length() + " bytes",
                    "The file is incomplete or damaged; copy it again from the original");
        }
        return s;
    }

    /**
     * The indexed strings (channel names, units, protocol path …). Header fields refer to them by 1-based
     * index; 0 means "no string".
     */
    private static List<String> strings(AbfBytes b, Section s) throws RecordingException {
        List<String> out = new ArrayList<>();
        if (s.count() == 0) {
            return out;
        }
        long at = s.entry(0);
        String signature = b.text(at, 4, "StringsSection signature");
        if (!signature.equals("SSCH")) {
            throw b.error("the strings section at byte " + at + " starts with '" + signature + "' instead of 'SSCH'",
                    "The file is damaged; recover it from a backup");
        }
        long wanted = b.u32(at + 8, "StringsSection.uNumStrings");
        long end = at + Math.min(s.entrySize(), STRINGS_HEADER + b.u32(at + 16, "StringsSection.uTotalBytes"));
        long start = at + STRINGS_HEADER;
        for (long i = start; i < end && out.size() < wanted; i++) {
            if (b.u8(i, "StringsSection text") == 0) {
                out.add(latin1(b, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static String latin1(AbfBytes b, long from, long to) throws RecordingException {
        byte[] chars = new byte[(int) (to - from)];
        for (int k = 0; k < chars.length; k++) {
            chars[k] = (byte) b.u8(from + k, "StringsSection text");
        }
        return new String(chars, StandardCharsets.ISO_8859_1).trim();
    }

    private static String string(List<String> text, long index) {
        return index >= 1 && index <= text.size() ? text.get((int) index - 1) : "";
    }

    private static AbfChannel channel(AbfBytes b, long o, int i, List<String> text, double rangeOverResolution,
                                      boolean conditioned) throws RecordingException {
        String at = "ADCSection[" + i + "].";
        double scale = b.f32(o + 40, at + "fInstrumentScaleFactor") * (double) b.f32(o + 28, at + "fADCProgrammableGain");
        double offset = b.f32(o + 44, at + "fInstrumentOffset");
        if (conditioned) {
            scale *= b.f32(o + 48, at + "fSignalGain");
            offset -= b.f32(o + 52, at + "fSignalOffset");
        }
        if (b.i16(o + 2, at + "nTelegraphEnable") != 0) {
            scale *= b.f32(o + 6, at + "fTelegraphAdditGain");
        }
        String name = string(text, b.u32(o + 74, at + "lADCChannelNameIndex"));
        boolean telegraphed = b.i16(o + 2, at + "nTelegraphEnable") != 0;
        return new AbfChannel(name.isEmpty() ? "ADC " + b.i16(o, at + "nADCNum") : name,
                string(text, b.u32(o + 78, at + "lADCUnitsIndex")), rangeOverResolution / scale, offset,
                telegraphed ? b.i16(o + 18, at + "nTelegraphMode") : -1);
    }

    private static AbfDac dac(AbfBytes b, long o, List<String> text, Section epochSection) throws RecordingException {
        int number = b.i16(o, "DACSection.nDACNum");
        String at = "DACSection[" + number + "].";
        List<AbfEpoch> epochs = new ArrayList<>();
        for (int i = 0; i < epochSection.count(); i++) {
            long e = epochSection.entry(i);
            if (b.i16(e + 2, "EpochPerDACSection.nDACNum") != number) {
                continue;
            }
            int epoch = b.i16(e, "EpochPerDACSection.nEpochNum");
            epochs.add(new AbfEpoch((char) ('A' + epoch), b.i16(e + 4, "nEpochType"), b.f32(e + 6, "fEpochInitLevel"),
                    b.f32(e + 10, "fEpochLevelInc"), b.i32(e + 14, "lEpochInitDuration"), b.i32(e + 18, "lEpochDurationInc")));
        }
        epochs.sort(Comparator.comparingInt(AbfEpoch::label));
        String name = string(text, b.u32(o + 24, at + "lDACChannelNameIndex"));
        return new AbfDac(number, name.isEmpty() ? "DAC " + number : name, string(text, b.u32(o + 28, at + "lDACChannelUnitsIndex")),
                b.f32(o + 12, at + "fDACHoldingLevel"),
                AbfHeaderV1.waveform(b.i16(o + 40, at + "nWaveformEnable"), b.i16(o + 42, at + "nWaveformSource")),
                b.i16(o + 44, at + "nInterEpisodeLevel") != 0, epochs);
    }

    private static boolean dataFormat(AbfBytes b, Section data) throws RecordingException {
        int format = b.i16(30, "nDataFormat");
        if (format != 0 && format != 1) {
            throw b.error("unknown sample format " + format + " (nDataFormat at byte 30; 0 = int16, 1 = float32)",
                    "The header is corrupt; recover the file from a backup");
        }
        long expected = format == 1 ? 4 : 2;
        if (data.count() > 0 && data.entrySize() != expected) {
            throw b.error("the data section stores " + data.entrySize() + "-byte samples but nDataFormat = " + format
                    + " means " + expected + "-byte samples", "The header is corrupt; recover the file from a backup");
        }
        return format == 1;
    }
}
