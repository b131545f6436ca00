package org.brainfx.engine.data;

import java.util.Arrays;

/**
 * Finds action potentials in a membrane potential the way ipfx and eFEL do, so that inspect, the recording
 * view, the losses and the results count the same spikes: a spike is a rise whose dV/dt reaches
 * {@link Settings#dvdtMvPerMs()}; its threshold (onset) is where that rise began, found as ipfx refines it; it peaks within {@link Settings#maxRiseMs()} at least
 * {@link Settings#minHeightMv()} above that threshold and above {@link Settings#minPeakMv()}, is at least
 * {@link Settings#minWidthMs()} wide at half its height and falls back below half height within
 * {@link Settings#maxWidthMs()}; a spike starting sooner than {@link Settings#refractoryMs()} after the
 * previous one is the same event. One- or two-sample step-edge artifacts fail the width, noise fails the
 * height, a bridge-imbalance step that stays up fails the fall.
 *
 * <p>The defaults: 10 mV/ms is eFEL's {@code DerivativeThreshold} (ipfx takes 20, which misses the slow
 * spikes of a cell near depolarization block); 5 ms and -30 mV are ipfx's {@code max_interval} and
 * {@code min_peak}; the height (20 mV, where ipfx takes 2 mV after a 10 kHz low-pass filter this detector does
 * not apply) rejects noise on unfiltered traces; 0.25 ms is more than two samples at 10 kHz and less than the
 * half-width of the fastest cortical interneurons; 10 ms bounds broad calcium-dependent spikes.
 */
public final class SpikeDetector {
    /** The settings ipfx and eFEL users know, with the defaults described above. */
    public static final Settings DEFAULT = new Settings(10.0, 20.0, -30.0, 0.25, 10.0, 5.0, 1.0);

    /** ipfx's {@code thresh_frac}: the threshold is where the rise slows to this fraction of the upstroke. */
    static final double THRESHOLD_FRACTION = 0.05;

    private SpikeDetector() {
    }

    /**
     * How spikes are told from everything else; a project may set any of them (null keeps the default).
     *
     * @param dvdtMvPerMs  the rate of rise that marks a spike's threshold, mV/ms
     * @param minHeightMv  least rise from threshold to peak, mV
     * @param minPeakMv    least peak potential, mV
     * @param minWidthMs   least width at half height (threshold to peak), ms
     * @param maxWidthMs   most width at half height: the potential must fall back within it, ms
     * @param maxRiseMs    most time from threshold to peak, ms
     * @param refractoryMs least time between the thresholds of two spikes, ms
     */
    public record Settings(Double dvdtMvPerMs, Double minHeightMv, Double minPeakMv, Double minWidthMs,
                           Double maxWidthMs, Double maxRiseMs, Double refractoryMs) {
        /** These settings with every missing value taken from {@link #DEFAULT}. */
        public Settings orDefaults() {
            Settings d = DEFAULT;
            return new Settings(or(dvdtMvPerMs, d.dvdtMvPerMs), or(minHeightMv, d.minHeightMv), or(minPeakMv, d.minPeakMv),
                    or(minWidthMs, d.minWidthMs), or(maxWidthMs, d.maxWidthMs), or(maxRiseMs, d.maxRiseMs),
                    or(refractoryMs, d.refractoryMs));
        }

        /** Why these settings cannot work (a non-positive rate, width or time, min width above max), or null. */
        public String problem() {
            Settings s = orDefaults();
            if (!(s.dvdtMvPerMs > 0) || !(s.minWidthMs >= 0) || !(s.maxWidthMs > s.minWidthMs) || !(s.maxRiseMs > 0)
                    || !(s.refractoryMs >= 0) || !(s.minHeightMv >= 0) || !Double.isFinite(s.minPeakMv)) {
                return "spike detection needs dvdtMvPerMs > 0, minHeightMv >= 0, a finite minPeakMv, 0 <= minWidthMs <"
                        + " maxWidthMs, maxRiseMs > 0 and refractoryMs >= 0; got " + this;
            }
            return null;
        }

        private static Double or(Double value, Double fallback) {
            return value != null ? value : fallback;
        }
    }

    /** The spikes of one trace: each one's threshold (onset) sample and peak sample, in time order. */
    public record Spikes(int[] onsets, int[] peaks) {
        /** Number of spikes. */
        public int count() {
            return onsets.length;
        }
    }

    /** The spikes of {@code vMv} (mV) sampled every {@code dtMs} with the default settings. */
    public static Spikes detect(double[] vMv, double dtMs) {
        return detect(vMv, dtMs, DEFAULT);
    }

    /** The spikes of {@code vMv} (mV) sampled every {@code dtMs}; missing settings take the defaults. */
    public static Spikes detect(double[] vMv, double dtMs, Settings settings) {
        Settings s = settings.orDefaults();
        double rise = s.dvdtMvPerMs() * dtMs;
        int maxRise = Math.max(1, (int) Math.round(s.maxRiseMs() / dtMs));
        int maxWidth = Math.max(1, (int) Math.ceil(s.maxWidthMs() / dtMs));
        int[] onsets = new int[8];
        int[] peaks = new int[8];
        int n = 0;
        double lastOnset = Double.NEGATIVE_INFINITY;
        int searchFrom = 0;
        int i = 1;
        while (i < vMv.length) {
            if (vMv[i] - vMv[i - 1] < rise) {
                i++;
                continue;
            }
            int peak = i;
            for (int k = i + 1; k <= Math.min(vMv.length - 1, i - 1 + maxRise); k++) {
                if (vMv[k] > vMv[peak]) {
                    peak = k;
                }
            }
            int onset = threshold(vMv, i, peak, Math.max(searchFrom, i - maxRise));
            double height = vMv[peak] - vMv[onset];
            double half = vMv[onset] + height / 2;
            int fall = peak + 1;
            while (fall < vMv.length && fall - peak <= maxWidth && vMv[fall] >= half) {
                fall++;
            }
            boolean fellBack = fall < vMv.length && vMv[fall] < half;
            if (height < s.minHeightMv() || vMv[peak] < s.minPeakMv() || !fellBack) {
                i++;
                continue;
            }
            double width = (crossing(vMv, fall - 1, half) - riseCrossing(vMv, onset, peak, half)) * dtMs;
            if (width >= s.minWidthMs() && width <= s.maxWidthMs() && (onset - lastOnset) * dtMs >= s.refractoryMs()) {
                if (n == onsets.length) {
                    onsets = Arrays.copyOf(onsets, 2 * n);
                    peaks = Arrays.copyOf(peaks, 2 * n);
                }
                onsets[n] = onset;
                peaks[n] = peak;
                n++;
                lastOnset = onset;
            }
            // Whether a spike or an artifact, nothing before its fall can start another.
            i = fall + 1;
            searchFrom = fall;
        }
        return new Spikes(Arrays.copyOf(onsets, n), Arrays.copyOf(peaks, n));
    }

    /**
     * The threshold sample of a spike whose rise first reaches the cutoff into sample {@code first}: as ipfx
     * refines it, the rise is followed back while it is steeper than {@link #THRESHOLD_FRACTION} of the spike's
     * fastest upstroke, but not before {@code earliest}. Coarse sampling (1 kHz) puts the first fast sample half
     * way up a spike; the refined threshold is where the spike really takes off.
     */
    private static int threshold(double[] v, int first, int peak, int earliest) {
        double upstroke = 0;
        for (int k = first; k <= peak; k++) {
            upstroke = Math.max(upstroke, v[k] - v[k - 1]);
        }
        int k = first;
        while (k - 1 > Math.max(0, earliest) && v[k - 1] - v[k - 2] >= THRESHOLD_FRACTION * upstroke) {
            k--;
        }
        return k - 1;
    }

    /** The fractional sample between {@code k} and {@code k + 1} where the falling trace crosses {@code level}. */
    private static double crossing(double[] v, int k, double level) {
        return k + (v[k] - level) / (v[k] - v[k + 1]);
    }

    /** The fractional sample where the rise from {@code onset} first reaches {@code level}. */
    private static double riseCrossing(double[] v, int onset, int peak, double level) {
        int k = onset + 1;
        while (k < peak && v[k] < level) {
            k++;
        }
        return k - 1 + (level - v[k - 1]) / (v[k] - v[k - 1]);
    }
}
