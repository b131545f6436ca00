package org.brainfx.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Axon Binary Format files (ABF 1.x and 2.x, episodic stimulation) into a {@link Recording}: the
 * first channel as the response, the stimulus from a recorded command channel or rebuilt from the
 * protocol's epoch table, both in BrainFX's units.
 */
public final class AbfReader {
    private AbfReader() {
    }

    /**
     * Reads one ABF file, choosing the response channel by units.
     *
     * @throws RecordingException naming the file, the place and a fix, when the file is not a readable
     *                            ABF (wrong signature, unknown version or mode, truncated, no sweeps, unusable
     *                            scaling, non-finite samples)
     */
    public static Recording read(Path file) throws RecordingException {
        return read(file, Recordings.Options.AUTO_CHANNEL, 0);
    }

    /** Reads one ABF file taking channel {@code responseChannel} (0-based; negative: chosen by units) as the response. */
    public static Recording read(Path file, int responseChannel) throws RecordingException {
        return read(file, responseChannel, 0);
    }

    /**
     * Reads one ABF file; a gap-free recording is cut into sweeps of {@code gapFreeSweepMs} (0: kept as one
     * sweep; ignored for other modes).
     */
    public static Recording read(Path file, int responseChannel, double gapFreeSweepMs) throws RecordingException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read (" + e.getMessage() + "). Check that the file exists and is readable", e);
        }
        AbfBytes bytes = new AbfBytes(file, content);
        AbfHeader header = AbfHeader.read(bytes);
        if (responseChannel >= header.channels().size()) {
            throw new RecordingException(file + ": there is no channel " + responseChannel + "; the file has "
                    + header.channels().size() + " (0.." + (header.channels().size() - 1) + ": "
                    + header.channels().stream().map(c -> c.name() + " (" + c.units() + ")").toList() + ")");
        }
        int split = splitSamples(file, header, gapFreeSweepMs);
        double[][][] samples = AbfSamples.decode(header, bytes, header.sweepLengths(split));
        AbfClamp clamp = AbfClamp.decide(header, responseChannel);
        double dtMs = 1000.0 / header.sampleRateHz();
        List<Recording.Sweep> sweeps = new ArrayList<>();
        int responseAt = clamp.responseChannel();
        for (int s = 0; s < samples[responseAt].length; s++) {
            double[] response = samples[responseAt][s];
            for (int i = 0; i < response.length; i++) {
                response[i] *= clamp.responseScale();
            }
            double[] stimulus = clamp.stimulus(s, samples, response.length);
            sweeps.add(new Recording.Sweep(s, dtMs, response, clamp.responseUnit(), stimulus,
                    stimulus == null ? null : clamp.stimulusUnit()));
        }
        List<Recording.Channel> channels = new ArrayList<>();
        for (AbfChannel c : header.channels()) {
            channels.add(new Recording.Channel(c.name(), c.units()));
        }
        return new Recording("ABF", header.version(), file, clamp.mode(), channels, sweeps, header.sampleRateHz(),
                clamp.source(), metadata(header, clamp, split));
    }

    private static int splitSamples(Path file, AbfHeader header, double gapFreeSweepMs) throws RecordingException {
        if (header.operationMode() != AbfHeader.GAP_FREE || gapFreeSweepMs == 0) {
            return 0;
        }
        double samples = Math.rint(gapFreeSweepMs * header.sampleRateHz() / 1000);
        long total = header.dataPoints() / header.channels().size();
        if (!(samples >= 1) || samples > total) {
            throw new RecordingException(file + ": cannot cut the gap-free recording into sweeps of " + gapFreeSweepMs
                    + " ms: it is " + total * 1000.0 / header.sampleRateHz() + " ms long at " + header.sampleRateHz()
                    + " Hz; give a sweep length between one sample and the whole recording");
        }
        return (int) samples;
    }

    private static Map<String, String> metadata(AbfHeader header, AbfClamp clamp, int split) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("operationMode", modeName(header.operationMode()));
        if (split > 0) {
            long rest = header.dataPoints() / header.channels().size() % split;
            m.put("gapFreeSweepSamples", split + (rest > 0 ? " (the last " + rest + " samples are left out)" : ""));
        }
        AbfChannel response = header.channels().get(clamp.responseChannel());
        m.put("responseChannel", clamp.responseChannel() + " (" + response.name() + ", " + response.units() + ")");
        put(m, "protocol", protocolName(header.protocolPath()));
        put(m, "protocolPath", header.protocolPath());
        put(m, "creator", header.creator());
        put(m, "recordedAt", header.recordedAt());
        m.put("dataFormat", header.floatData() ? "float32" : "int16");
        if (clamp.commandChannel() >= 0) {
            AbfChannel c = header.channels().get(clamp.commandChannel());
            m.put("stimulusChannel", clamp.commandChannel() + " (" + c.name() + ", " + c.units() + ")");
        }
        if (clamp.dac() != null) {
            m.put("stimulusDac", clamp.dac().name());
        }
        put(m, "stimulusNote", String.join("; ", clamp.notes()));
        return m;
    }

    private static String modeName(int mode) {
        return switch (mode) {
            case AbfHeader.EVENT_VARIABLE -> "event-driven, variable length";
            case AbfHeader.EVENT_FIXED -> "event-driven, fixed length";
            case AbfHeader.GAP_FREE -> "gap-free";
            case AbfHeader.OSCILLOSCOPE -> "high-speed oscilloscope";
            default -> "episodic";
        };
    }

    /** The protocol's file name without folder or extension, as Clampex lists it. */
    static String protocolName(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }
}
