package org.brainfx.engine.net;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * A checked, random {@link ValueSpec} (constant, uniform, normal, log-normal or truncated normal) that fills
 * arrays from a {@link SplittableRandom}. Normals come from Marsaglia's polar method written here rather than
 * from {@code RandomGenerator.nextGaussian}, whose algorithm its API leaves open (SplittableRandom only has it
 * since Java 17), so a seed's values do not hang on that choice.
 */
final class Distribution {
    /** The standard deviation of a standard normal truncated at ±2, which Kaiming-normal divides out. */
    static final double TRUNCATED_SD = 0.8796;

    private static final int CONSTANT = 0;
    private static final int UNIFORM = 1;
    private static final int NORMAL = 2;
    private static final int LOGNORMAL = 3;
    private static final int TRUNCATED_NORMAL = 4;

    private final int kind;
    private final double a;
    private final double b;

    private Distribution(int kind, double a, double b) {
        this.kind = kind;
        this.a = a;
        this.b = b;
    }

    /**
     * The distribution of {@code spec}, checked; {@code where} names element and field for messages. Kinds
     * {@code file} and {@code kaiming} are the caller's, who knows the count and the fan-in.
     */
    static Distribution of(ValueSpec spec, String where) {
        if (spec == null) {
            throw new NetworkException(where + ": no value given; give a value such as {\"kind\": \"constant\", "
                    + "\"value\": 1}");
        }
        String kind = spec.kind();
        if (kind == null || !ValueSpec.KINDS.contains(kind)) {
            throw new NetworkException(where + ": unknown kind '" + kind + "'; use one of " + ValueSpec.KINDS);
        }
        switch (kind) {
            case "constant":
                return new Distribution(CONSTANT, finite(spec.value(), "value", where), 0);
            case "uniform": {
                double low = finite(spec.low(), "low", where);
                double high = finite(spec.high(), "high", where);
                if (low > high) {
                    throw new NetworkException(where + ": uniform low " + low + " is above high " + high
                            + "; swap them");
                }
                return new Distribution(UNIFORM, low, high);
            }
            case "normal":
                return new Distribution(NORMAL, finite(spec.mean(), "mean", where), spread(spec.sd(), "sd", where));
            case "lognormal":
                return new Distribution(LOGNORMAL, finite(spec.mu(), "mu", where),
                        spread(spec.sigma(), "sigma", where));
            default:
                throw new IllegalArgumentException(where + ": kind " + kind + " is not a plain distribution");
        }
    }

    /**
     * Kaiming-normal: a zero-mean normal truncated at ±2 sd (values outside are drawn again) with
     * sd = sqrt(scale/fanIn)/0.8796, so the truncated values' standard deviation is sqrt(scale/fanIn).
     */
    static Distribution kaiming(double scale, double fanIn) {
        return new Distribution(TRUNCATED_NORMAL, 0, Math.sqrt(scale / fanIn) / TRUNCATED_SD);
    }

    /** The lower end of a uniform (the others have none worth naming). */
    double low() {
        return kind == UNIFORM ? a : Double.NaN;
    }

    /**
     * The probability of a draw at most {@code x} for a normal or log-normal, else NaN (constant and uniform
     * draws are cheap enough to round one by one; a truncated normal has no use for it).
     */
    double cumulative(double x) {
        if (kind == NORMAL) {
            return b == 0 ? (x >= a ? 1 : 0) : 0.5 * Erf.erfc((a - x) / (b * Math.sqrt(2)));
        }
        if (kind == LOGNORMAL) {
            return x <= 0 ? 0 : b == 0 ? (Math.log(x) >= a ? 1 : 0) : 0.5 * Erf.erfc((a - Math.log(x)) / (b * Math.sqrt(2)));
        }
        return Double.NaN;
    }

    /** The interval outside which a draw has probability below 2⁻⁶⁰ (normal and log-normal), else null. */
    double[] support() {
        double reach = 9.5;
        if (kind == NORMAL) {
            return new double[] {a - reach * b, a + reach * b};
        }
        if (kind == LOGNORMAL) {
            return new double[] {Math.exp(a - reach * b), Math.exp(a + reach * b)};
        }
        return null;
    }

    /** Fills {@code out[from..to)} with independent draws from {@code rng}. */
    void fill(double[] out, int from, int to, SplittableRandom rng) {
        switch (kind) {
            case CONSTANT:
                java.util.Arrays.fill(out, from, to, a);
                break;
            case UNIFORM: {
                double width = b - a;
                for (int k = from; k < to; k++) {
                    out[k] = a + width * rng.nextDouble();
                }
                break;
            }
            case NORMAL:
            case LOGNORMAL:
                fillNormal(out, from, to, rng, a, b, Double.POSITIVE_INFINITY);
                if (kind == LOGNORMAL) {
                    for (int k = from; k < to; k++) {
                        out[k] = Math.exp(out[k]);
                    }
                }
                break;
            case TRUNCATED_NORMAL:
                fillNormal(out, from, to, rng, 0, b, 2);
                break;
            default:
                throw new IllegalStateException("kind " + kind);
        }
    }

    /** Normals by the polar method, both values of each pair used; |z| > limit is drawn again. */
    private static void fillNormal(double[] out, int from, int to, SplittableRandom rng, double mean, double sd,
                                   double limit) {
        int k = from;
        while (k < to) {
            double u;
            double v;
            double s;
            do {
                u = 2 * rng.nextDouble() - 1;
                v = 2 * rng.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double f = Math.sqrt(-2 * Math.log(s) / s);
            double z1 = u * f;
            double z2 = v * f;
            if (Math.abs(z1) <= limit) {
                out[k++] = mean + sd * z1;
            }
            if (k < to && Math.abs(z2) <= limit) {
                out[k++] = mean + sd * z2;
            }
        }
    }

    private static double finite(Double x, String field, String where) {
        if (x == null || !Double.isFinite(x)) {
            throw new NetworkException(where + ": " + field + " is " + (x == null ? "missing" : x)
                    + "; give a finite number");
        }
        return x;
    }

    private static double spread(Double x, String field, String where) {
        double v = finite(x, field, where);
        if (v < 0) {
            throw new NetworkException(where + ": " + field + " " + v + " is negative; a spread must be ≥ 0");
        }
        return v;
    }
}
