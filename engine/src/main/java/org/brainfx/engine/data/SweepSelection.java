package org.brainfx.engine.data;

import java.util.List;

/**
 * The part of a recording a fit uses: chosen sweeps, a time window, a coarser time step and a
 * voltage offset (e.g. a liquid-junction potential), applied the same way to every sweep.
 *
 * @param sweeps   sweep indices, or null for all
 * @param windowMs [start, end] in ms, or null for the whole sweep
 * @param dtMs     the time step to resample to (an integer multiple of the recording's), or null to keep it
 * @param offsetMv subtracted from the response (current clamp), 0 for none
 */
public record SweepSelection(List<Integer> sweeps, List<Double> windowMs, Double dtMs, double offsetMv) {

    /** The selected, cropped and resampled sweeps: {@code response[sweep][sample]}, {@code stimulus[sweep][sample]}. */
    public record Traces(double[][] response, double[][] stimulus, double dtMs, int[] sweepIndices) { }

    /**
     * Applies the selection. Resampling averages each block of samples (a boxcar low-pass before
     * decimation, so noise above the new Nyquist frequency does not fold back).
     */
    public Traces apply(Recording r) throws RecordingException {
        List<Recording.Sweep> all = r.sweeps();
        int[] chosen = sweeps == null ? java.util.stream.IntStream.range(0, all.size()).toArray()
                : sweeps.stream().mapToInt(Integer::intValue).toArray();
        if (chosen.length == 0) {
            throw new RecordingException(r.file() + ": no sweeps selected; list sweep indices 0.." + (all.size() - 1));
        }
        double[][] response = new double[chosen.length][];
        double[][] stimulus = new double[chosen.length][];
        double outDt = 0;
        for (int i = 0; i < chosen.length; i++) {
            int s = chosen[i];
            if (s < 0 || s >= all.size()) {
                throw new RecordingException(r.file() + ": sweep " + s + " does not exist; the file has " + all.size()
                        + " sweeps (0.." + (all.size() - 1) + ")");
            }
            Recording.Sweep sw = all.get(s);
            if (sw.stimulus() == null) {
                throw new RecordingException(r.file() + ": sweep " + s + " has no stimulus (" + r.stimulusSource()
                        + "); a fit needs the injected current");
            }
            int factor = factor(r, sw.dtMs());
            int from = 0;
            int to = sw.samples();
            if (windowMs != null) {
                from = (int) Math.round(windowMs.get(0) / sw.dtMs());
                to = (int) Math.round(windowMs.get(1) / sw.dtMs());
                if (from < 0 || to > sw.samples() || from >= to) {
                    throw new RecordingException(r.file() + ": window " + windowMs + " ms is outside sweep " + s
                            + " (0–" + sw.samples() * sw.dtMs() + " ms)");
                }
            }
            response[i] = decimate(sw.response(), from, to, factor, offsetMv);
            stimulus[i] = decimate(sw.stimulus(), from, to, factor, 0);
            outDt = sw.dtMs() * factor;
        }
        return new Traces(response, stimulus, outDt, chosen);
    }

    private int factor(Recording r, double fileDt) throws RecordingException {
        if (dtMs == null) {
            return 1;
        }
        double f = dtMs / fileDt;
        long k = Math.round(f);
        if (k < 1 || Math.abs(f - k) > 1e-6 * f) {
            throw new RecordingException(r.file() + ": dt " + dtMs + " ms is not a whole multiple of the recording's "
                    + fileDt + " ms; choose " + fileDt + " × an integer");
        }
        return (int) k;
    }

    private static double[] decimate(double[] x, int from, int to, int factor, double offset) {
        int n = (to - from) / factor;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < factor; k++) {
                sum += x[from + i * factor + k];
            }
            out[i] = sum / factor - offset;
        }
        return out;
    }
}
