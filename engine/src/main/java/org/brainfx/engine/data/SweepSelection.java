package org.brainfx.engine.data;

import java.util.List;

/**
 * The part of a recording a fit uses: chosen sweeps, a time window, another time step, a voltage
 * offset (e.g. a liquid-junction potential) and optionally baseline alignment, applied the same
 * way to every sweep.
 *
 * @param sweeps     sweep indices, or null for all
 * @param windowMs   [start, end] in ms, or null for the whole sweep
 * @param dtMs       the time step to resample to, or null to keep the recording's
 * @param offsetMv   subtracted from the response (current clamp), 0 for none
 * @param baselineMs [start, end] ms of each sweep's baseline (before the window is applied): every
 *                   sweep is shifted so that its baseline mean equals the mean of all selected
 *                   sweeps' baselines, which removes drift between sweeps but keeps the absolute
 *                   level; null for none
 */
public record SweepSelection(List<Integer> sweeps, List<Double> windowMs, Double dtMs, double offsetMv,
                             List<Double> baselineMs) {

    /** A selection without baseline alignment. */
    public SweepSelection(List<Integer> sweeps, List<Double> windowMs, Double dtMs, double offsetMv) {
        this(sweeps, windowMs, dtMs, offsetMv, null);
    }

    /** The selected, cropped and resampled sweeps: {@code response[sweep][sample]}, {@code stimulus[sweep][sample]}. */
    public record Traces(double[][] response, double[][] stimulus, double dtMs, int[] sweepIndices) { }

    /**
     * Applies the selection. Resampling to a coarser step averages the samples that fall in each
     * new step (a boxcar low-pass before decimation, so noise above the new Nyquist frequency does
     * not fold back); to a finer step it interpolates the response linearly and holds the
     * stimulus (a command is piecewise constant between its samples).
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
        double[] shift = baselineShifts(r, all, chosen);
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
            double newDt = dtMs == null ? sw.dtMs() : dtMs;
            if (!(newDt > 0)) {
                throw new RecordingException(r.file() + ": dt must be positive, got " + dtMs + " ms");
            }
            response[i] = resample(sw.response(), from, to, sw.dtMs(), newDt, offsetMv + shift[i], true);
            stimulus[i] = resample(sw.stimulus(), from, to, sw.dtMs(), newDt, 0, false);
            outDt = newDt;
        }
        return new Traces(response, stimulus, outDt, chosen);
    }

    /** Per selected sweep, how far its baseline mean lies above the common baseline mean (0s without alignment). */
    private double[] baselineShifts(Recording r, List<Recording.Sweep> all, int[] chosen) throws RecordingException {
        double[] shift = new double[chosen.length];
        if (baselineMs == null) {
            return shift;
        }
        double sum = 0;
        for (int i = 0; i < chosen.length; i++) {
            Recording.Sweep sw = all.get(chosen[i]);
            int from = (int) Math.round(baselineMs.get(0) / sw.dtMs());
            int to = (int) Math.round(baselineMs.get(1) / sw.dtMs());
            if (from < 0 || to > sw.samples() || from >= to) {
                throw new RecordingException(r.file() + ": baseline " + baselineMs + " ms is outside sweep " + chosen[i]
                        + " (0–" + sw.samples() * sw.dtMs() + " ms)");
            }
            double mean = 0;
            for (int k = from; k < to; k++) {
                mean += sw.response()[k];
            }
            shift[i] = mean / (to - from);
            sum += shift[i];
        }
        double reference = sum / chosen.length;
        for (int i = 0; i < shift.length; i++) {
            shift[i] -= reference;
        }
        return shift;
    }

    private static double[] resample(double[] x, int from, int to, double dt, double newDt, double offset,
                                     boolean interpolate) {
        double factor = newDt / dt;
        long whole = Math.round(factor);
        if (Math.abs(factor - whole) <= 1e-9 * factor) {
            return decimate(x, from, to, (int) whole, offset);
        }
        int n = (int) Math.floor((to - from) * dt / newDt);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (factor > 1) {
                int a = from + (int) Math.floor(i * factor);
                int b = Math.min(to, Math.max(a + 1, from + (int) Math.floor((i + 1) * factor)));
                double sum = 0;
                for (int k = a; k < b; k++) {
                    sum += x[k];
                }
                out[i] = sum / (b - a) - offset;
            } else {
                double pos = i * factor;
                int k = from + (int) Math.floor(pos);
                double frac = pos - Math.floor(pos);
                double next = k + 1 < to ? x[k + 1] : x[k];
                out[i] = (interpolate ? x[k] + frac * (next - x[k]) : x[k]) - offset;
            }
        }
        return out;
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
