package org.brainfx.engine.data;

/**
 * Rebuilds a sweep's command waveform from a DAC's epoch table the way Clampex plays it: the holding level
 * for the first 1/64 of the sweep, then each epoch in order (steps and ramps, with level and length changing
 * per sweep), then holding (or the last level, if the protocol keeps it) to the end.
 */
final class AbfEpochs {
    private AbfEpochs() {
    }

    /** Samples Clampex holds before the first epoch: 1/64 of the sweep, rounded down. */
    static int holdingSamples(int samplesPerSweep) {
        return samplesPerSweep / 64;
    }

    /** Why this DAC's waveform cannot be rebuilt, or null when {@link #waveform} can. */
    static String unsupportedReason(AbfDac dac) {
        if (dac.waveform() == AbfDac.Waveform.STIMULUS_FILE) {
            return "DAC '" + dac.name() + "' played a stimulus file, whose samples are not stored in the ABF";
        }
        if (dac.waveform() == AbfDac.Waveform.NOT_READ) {
            return "the epoch table of ABF files older than 1.6 is not interpreted";
        }
        for (AbfEpoch e : dac.epochs()) {
            boolean played = dac.waveform() == AbfDac.Waveform.EPOCHS && e.type() != AbfEpoch.OFF;
            if (played && e.type() != AbfEpoch.STEP && e.type() != AbfEpoch.RAMP) {
                return "epoch " + e.label() + " of DAC '" + dac.name() + "' is a " + e.typeName()
                        + "; only steps and ramps are rebuilt";
            }
        }
        return null;
    }

    /** The command in one sweep (0-based), in the DAC's units; call only when {@link #unsupportedReason} is null. */
    static double[] waveform(AbfDac dac, int sweep, int samples) {
        double[] out = new double[samples];
        double level = dac.holding();
        int at = 0;
        if (dac.waveform() == AbfDac.Waveform.EPOCHS) {
            at = fill(out, 0, holdingSamples(samples), level);
            for (AbfEpoch e : dac.epochs()) {
                if (e.type() == AbfEpoch.OFF) {
                    continue;
                }
                int end = (int) Math.min(samples, (long) at + e.duration(sweep));
                double target = e.level(sweep);
                if (e.type() == AbfEpoch.RAMP) {
                    ramp(out, at, end, level, target, e.duration(sweep));
                } else {
                    fill(out, at, end, target);
                }
                at = end;
                level = target;
            }
        }
        fill(out, at, samples, dac.keepsLastLevel() ? level : dac.holding());
        return out;
    }

    private static int fill(double[] out, int from, int to, double value) {
        int end = Math.min(to, out.length);
        for (int i = from; i < end; i++) {
            out[i] = value;
        }
        return end;
    }

    /** A ramp reaches its target on its last sample, starting one step above the previous level. */
    private static void ramp(double[] out, int from, int to, double start, double target, int length) {
        for (int i = from; i < to; i++) {
            out[i] = start + (target - start) * (i - from + 1) / length;
        }
    }
}
