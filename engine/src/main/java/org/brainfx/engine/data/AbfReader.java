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
     * Reads one ABF file.
     *
     * @throws RecordingException naming the file, the place and a fix, when the file is not a readable
     *                            episodic ABF (wrong signature, unknown version, truncated, unsupported mode,
     *                            no sweeps, unusable scaling, non-finite samples)
     */
    public static Recording read(Path file) throws RecordingException {
        return read(file, 0);
    }

    /** Reads one ABF file taking channel {@code responseChannel} (0-based) as the response. */
    public static Recording read(Path file, int responseChannel) throws RecordingException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read (" + e.getMessage() + "). Check that the file exists and is readable", e);
        }
        AbfBytes bytes = new AbfBytes(file, content);
        AbfHeader header = AbfHeader.read(bytes);
        double[][][] samples = AbfSamples.decode(header, bytes);
        if (responseChannel < 0 || responseChannel >= header.channels().size()) {
            throw new RecordingException(file + ": there is no channel " + responseChannel + "; the file has "
                    + header.channels().size() + " (0.." + (header.channels().size() - 1) + ": "
                    + header.channels().stream().map(c -> c.name() + " (" + c.units() + ")").toList() + ")");
        }
        AbfClamp clamp = AbfClamp.decide(header, responseChannel);
        double dtMs = 1000.0 / header.sampleRateHz();
        List<Recording.Sweep> sweeps = new ArrayList<>();
        for (int s = 0; s < header.sweeps(); s++) {
            double[] response = samples[responseChannel][s];
            for (int i = 0; i < response.length; i++) {
                response[i] *= clamp.responseScale();
            }
            double[] stimulus = clamp.stimulus(s, samples, header.samplesPerSweep());
            sweeps.add(new Recording.Sweep(s, dtMs, response, clamp.responseUnit(), stimulus,
                    stimulus == null ? null : clamp.stimulusUnit()));
        }
        List<Recording.Channel> channels = new ArrayList<>();
        for (AbfChannel c : header.channels()) {
            channels.add(new Recording.Channel(c.name(), c.units()));
        }
        return new Recording("ABF", header.version(), file, clamp.mode(), channels, sweeps, header.sampleRateHz(),
                clamp.source(), metadata(header, clamp));
    }

    private static Map<String, String> metadata(AbfHeader header, AbfClamp clamp) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "protocol", protocolName(header.protocolPath()));
        put(m, "protocolPath", header.protocolPath());
        put(m, "creator", header.creator());
        put(m, "recordedAt", header.recordedAt());
        m.put("dataFormat", header.floatData() ? "float32" : "int16");
        if (clamp.commandChannel() >= 0) {
            m.put("stimulusChannel", header.channels().get(clamp.commandChannel()).name());
        }
        if (clamp.dac() != null) {
            m.put("stimulusDac", clamp.dac().name());
        }
        put(m, "stimulusNote", clamp.note());
        return m;
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
