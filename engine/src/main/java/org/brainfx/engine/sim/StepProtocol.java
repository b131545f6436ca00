package org.brainfx.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A piecewise-constant stimulus: segments of (amplitude, duration in ms), sampled at {@code dt}
 * with {@code int(duration/dt)} samples per segment, as the reference protocols are.
 */
public record StepProtocol(List<Segment> segments) {

    /** One constant segment; amplitude in the input's internal unit (nA for current). */
    public record Segment(double amplitude, double durationMs) { }

    /** Validates and copies the segments. */
    public StepProtocol {
        segments = List.copyOf(segments);
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (!(s.durationMs() >= 0) || !Double.isFinite(s.amplitude())) {
                throw new IllegalArgumentException("segment " + (i + 1) + " of the step protocol has amplitude "
                        + s.amplitude() + " and duration " + s.durationMs() + " ms; durations must be ≥ 0 and amplitudes finite");
            }
        }
    }

    /** A protocol from alternating amplitude, duration values. */
    public static StepProtocol of(double... amplitudeDurationPairs) {
        if (amplitudeDurationPairs.length % 2 != 0) {
            throw new IllegalArgumentException("a step protocol needs amplitude, duration pairs; got "
                    + amplitudeDurationPairs.length + " numbers");
        }
        List<Segment> s = new ArrayList<>();
        for (int i = 0; i < amplitudeDurationPairs.length; i += 2) {
            s.add(new Segment(amplitudeDurationPairs[i], amplitudeDurationPairs[i + 1]));
        }
        return new StepProtocol(s);
    }

    /** The samples at time step {@code dt} ms. */
    public double[] sample(double dt) {
        int n = 0;
        for (Segment s : segments) {
            n += (int) (s.durationMs() / dt);
        }
        double[] out = new double[n];
        int k = 0;
        for (Segment s : segments) {
            int len = (int) (s.durationMs() / dt);
            java.util.Arrays.fill(out, k, k + len, s.amplitude());
            k += len;
        }
        return out;
    }
}
