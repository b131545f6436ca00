package org.brainfx.app.playground;

/**
 * How a slider's travel maps to a value: linearly from {@code lower} to {@code upper}, or evenly
 * in decades when {@code logarithmic}, so that conductances spanning several orders of magnitude
 * get as much travel for 0.001–0.01 as for 1–10.
 *
 * @param lower       the value at the left end
 * @param upper       the value at the right end (greater than {@code lower})
 * @param logarithmic true to space values evenly in decades (then {@code lower > 0})
 */
public record SliderScale(double lower, double upper, boolean logarithmic) {

    /** Bounds at least this many times apart, both positive, get a logarithmic slider. */
    static final double LOG_SPAN = 100;

    /** Checks the range. */
    public SliderScale {
        if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("slider range must be finite with lower < upper, got [" + lower + ", "
                    + upper + "]");
        }
        if (logarithmic && lower <= 0) {
            throw new IllegalArgumentException("a logarithmic slider needs a positive lower end, got " + lower);
        }
    }

    /**
     * The range for a parameter: its bounds where it has them, otherwise a range around its value
     * (a decade either side of a positive value, half its size either side of a negative one),
     * always wide enough to include {@code value}.
     *
     * @param lowerBound the declared lower bound, or null
     * @param upperBound the declared upper bound, or null
     */
    public static SliderScale around(double value, Double lowerBound, Double upperBound) {
        double lo;
        double hi;
        if (value > 0) {
            lo = value / 10;
            hi = value * 10;
        } else if (value < 0) {
            lo = value * 1.5;
            hi = value * 0.5;
        } else {
            lo = -1;
            hi = 1;
        }
        if (lowerBound != null && Double.isFinite(lowerBound)) {
            lo = lowerBound;
        }
        if (upperBound != null && Double.isFinite(upperBound)) {
            hi = upperBound;
        }
        if (lowerBound != null && upperBound == null && hi <= lo) {
            hi = lo + Math.max(1, Math.abs(lo));
        }
        if (upperBound != null && lowerBound == null && lo >= hi) {
            lo = hi - Math.max(1, Math.abs(hi));
        }
        lo = Math.min(lo, value);
        hi = Math.max(hi, value);
        if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        boolean unboundedPositive = lowerBound == null && upperBound == null && value > 0;
        return new SliderScale(lo, hi, lo > 0 && (hi / lo >= LOG_SPAN || unboundedPositive));
    }

    /** The slider position (0 to 1) of {@code value}, clamped to the range. */
    public double position(double value) {
        double v = Math.max(lower, Math.min(upper, value));
        double p = logarithmic ? Math.log(v / lower) / Math.log(upper / lower) : (v - lower) / (upper - lower);
        return Math.max(0, Math.min(1, p));
    }

    /** The value at slider position {@code position} (0 to 1, clamped). */
    public double value(double position) {
        double p = Math.max(0, Math.min(1, position));
        if (p == 0) {
            return lower;
        }
        if (p == 1) {
            return upper;
        }
        return logarithmic ? lower * Math.pow(upper / lower, p) : lower + p * (upper - lower);
    }
}
