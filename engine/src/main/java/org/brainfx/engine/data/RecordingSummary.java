package org.brainfx.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-sweep facts a user checks before fitting a recording: how strong each sweep's stimulus
 * is and how many spikes the cell fired ({@link SpikeDetector}).
 *
 * @param sweeps one entry per sweep of the recording, in its order
 */
public record RecordingSummary(Recording recording, List<SweepSummary> sweeps) {
    /** Copies the list. */
    public RecordingSummary {
        sweeps = List.copyOf(sweeps);
    }

    /**
     * One sweep's summary.
     *
     * @param stimulusAmplitude the largest-magnitude deviation of the stimulus from its first sample
     *                          (the holding level), signed: pA in current clamp, mV in voltage clamp;
     *                          null without a stimulus
     * @param stimulusUnit      {@code pA} or {@code mV}, null without a stimulus
     * @param spikeCount        spikes in current clamp; null in voltage clamp, where the response is a current
     */
    public record SweepSummary(int index, Double stimulusAmplitude, String stimulusUnit, Integer spikeCount) { }

    /** Summarizes every sweep of a recording, counting spikes with {@link SpikeDetector#DEFAULT}. */
    public static RecordingSummary of(Recording recording) {
        return of(recording, SpikeDetector.DEFAULT);
    }

    /** Summarizes every sweep of a recording, counting spikes with {@code spikes}. */
    public static RecordingSummary of(Recording recording, SpikeDetector.Settings spikes) {
        boolean currentClamp = recording.clampMode() == Recording.ClampMode.CURRENT;
        List<SweepSummary> out = new ArrayList<>();
        for (Recording.Sweep s : recording.sweeps()) {
            Double amplitude = null;
            String unit = null;
            if (s.stimulus() != null && s.stimulus().length > 0) {
                // Current-clamp stimuli are stored in nA; people read step amplitudes in pA.
                double a = currentClamp ? stimulusAmplitude(s.stimulus()) * 1000 : stimulusAmplitude(s.stimulus());
                // Rounded to 1/1000 of the unit (1 fA, 1 µV), far below any amplifier's resolution, so that
                // float32 round-off in the file does not show as a 0.00003 pA "step".
                amplitude = Math.rint(a * 1000) / 1000;
                unit = currentClamp ? "pA" : "mV";
            }
            Integer count = currentClamp ? SpikeDetector.detect(s.response(), s.dtMs(), spikes).count() : null;
            out.add(new SweepSummary(s.index(), amplitude, unit, count));
        }
        return new RecordingSummary(recording, out);
    }

    /** The signed largest-magnitude deviation of {@code stimulus} from its first sample. */
    public static double stimulusAmplitude(double[] stimulus) {
        double holding = stimulus[0];
        double amplitude = 0;
        for (double x : stimulus) {
            if (Math.abs(x - holding) > Math.abs(amplitude)) {
                amplitude = x - holding;
            }
        }
        return amplitude;
    }
}
