package org.brainfx.engine.data;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * Turns what jHDF returns for NWB attributes and datasets (Java primitives, boxed numbers,
 * one-element arrays — MIES stores every scalar as one — and strings) into plain values.
 */
final class NwbValues {
    /** Sample intervals may wobble by this fraction (float timestamps) and still count as regular. */
    private static final double REGULAR_TOLERANCE = 1e-3;

    private NwbValues() {
    }

    /** A string, or the only string of a one-element array; null otherwise. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value != null && value.getClass().isArray() && Array.getLength(value) == 1) {
            return text(Array.get(value, 0));
        }
        return null;
    }

    /** A number, or the only number of a one-element array; null otherwise. */
    static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        if (value != null && value.getClass().isArray() && Array.getLength(value) == 1) {
            return number(Array.get(value, 0));
        }
        return null;
    }

    /**
     * The values of an integer array of any width and signedness (int8 … uint64, as jHDF returns them:
     * {@code byte[]} … {@code long[]}, {@code BigInteger[]}), or null when {@code value} is not one. Unsigned
     * 64-bit values above {@link Long#MAX_VALUE} cannot be indices or counts and come back as -1.
     */
    static long[] integers(Object value) {
        if (value instanceof long[] l) {
            return l;
        }
        if (value instanceof int[] a) {
            return Arrays.stream(a).asLongStream().toArray();
        }
        if (value instanceof short[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof byte[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof BigInteger[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i].bitLength() < 64 ? a[i].longValue() : -1;
            }
            return out;
        }
        return null;
    }

    /** A short description of a value for a message. */
    static String describe(Object value) {
        if (value != null && value.getClass().isArray()) {
            return value.getClass().getComponentType().getSimpleName() + "[" + Array.getLength(value) + "]";
        }
        return String.valueOf(value);
    }

    /** {@code values[start, start + count) × factor + shift} as doubles, from any primitive number array. */
    static double[] samples(Object values, int start, int count, double factor, double shift) {
        double[] out = new double[count];
        if (values instanceof float[] f) {
            for (int i = 0; i < count; i++) {
                out[i] = f[start + i] * factor + shift;
            }
        } else if (values instanceof double[] d) {
            for (int i = 0; i < count; i++) {
                out[i] = d[start + i] * factor + shift;
            }
        } else if (values instanceof short[] s) {
            for (int i = 0; i < count; i++) {
                out[i] = s[start + i] * factor + shift;
            }
        } else if (values instanceof int[] n) {
            for (int i = 0; i < count; i++) {
                out[i] = n[start + i] * factor + shift;
            }
        } else if (values instanceof long[] n) {
            for (int i = 0; i < count; i++) {
                out[i] = n[start + i] * factor + shift;
            }
        } else if (values instanceof byte[] b) {
            for (int i = 0; i < count; i++) {
                out[i] = b[start + i] * factor + shift;
            }
        } else if (values instanceof Number[] n) {
            // Unsigned 64-bit integers come as BigInteger; above 2^53 a double rounds them, as any trace reader does.
            for (int i = 0; i < count; i++) {
                out[i] = n[start + i].doubleValue() * factor + shift;
            }
        } else if (values instanceof boolean[] b) {
            for (int i = 0; i < count; i++) {
                out[i] = (b[start + i] ? 1 : 0) * factor + shift;
            }
        } else {
            throw new IllegalArgumentException("not a numeric array: " + describe(values));
        }
        return out;
    }

    /**
     * The rate of regularly spaced timestamps in seconds; irregular ones cannot become a sweep
     * with one dt, so they fail through {@code fail(problem, fix)}.
     */
    static double regularRate(Object timestamps, BiFunction<String, String, RecordingException> fail)
            throws RecordingException {
        int n = timestamps != null && timestamps.getClass().isArray() ? Array.getLength(timestamps) : 0;
        if (n < 2) {
            throw fail.apply("timestamps has " + n + " values", "a sweep needs at least two samples");
        }
        double[] t = samples(timestamps, 0, n, 1, 0);
        double dt = (t[n - 1] - t[0]) / (n - 1);
        for (int i = 1; i < n; i++) {
            double step = t[i] - t[i - 1];
            if (!(dt > 0) || Math.abs(step - dt) > REGULAR_TOLERANCE * dt) {
                throw fail.apply("timestamps are not evenly spaced (step " + step + " s at sample " + i
                        + ", mean " + dt + " s)", "BrainFX needs a constant sampling rate");
            }
        }
        return 1 / dt;
    }
}
