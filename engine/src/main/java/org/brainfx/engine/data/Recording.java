package org.brainfx.engine.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An electrophysiology recording read from a file (ABF, NWB or CSV): its sweeps in BrainFX's
 * units and what the file says about how it was recorded.
 *
 * @param format         {@code ABF}, {@code NWB} or {@code CSV}
 * @param version        format version as the file states it (e.g. {@code 2.6}, {@code 1.8})
 * @param channels       recorded channels with their units as stored in the file
 * @param sampleRateHz   samples per second
 * @param stimulusSource where the sweeps' stimulus came from
 * @param metadata       anything else worth showing (protocol name, cell, date …)
 */
public record Recording(String format, String version, Path file, ClampMode clampMode, List<Channel> channels,
                        List<Sweep> sweeps, double sampleRateHz, StimulusSource stimulusSource,
                        Map<String, String> metadata) {

    /** Copies the lists and map. */
    public Recording {
        channels = List.copyOf(channels);
        sweeps = List.copyOf(sweeps);
        metadata = Map.copyOf(metadata);
    }

    /** How the cell was clamped. */
    public enum ClampMode { CURRENT, VOLTAGE, UNKNOWN }

    /** Where a stimulus came from: a recorded command channel, the protocol's description, or nowhere. */
    public enum StimulusSource { RECORDED, PROTOCOL, NONE }

    /** A recorded channel as the file names it. */
    public record Channel(String name, String units) { }

    /**
     * One sweep in BrainFX units: in current clamp the response is in mV and the stimulus in nA;
     * in voltage clamp the response is in nA and the stimulus in mV.
     *
     * @param stimulus the stimulus per sample, or null when the recording has none
     */
    public record Sweep(int index, double dtMs, double[] response, String responseUnit, double[] stimulus,
                        String stimulusUnit) {
        /** Number of samples. */
        public int samples() {
            return response.length;
        }
    }

    /** Duration of the longest sweep, ms. */
    public double durationMs() {
        return sweeps.stream().mapToDouble(s -> s.samples() * s.dtMs()).max().orElse(0);
    }
}
