package org.brainfx.engine.compile;

/** Scalar functions the generated kernels call that {@link Math} lacks; all are accurate near their removable singularities. */
public final class KernelMath {
    private KernelMath() {
    }

    /**
     * {@code exprel(z) = (e^z − 1)/z}, 1 at 0. Below |z| = 0.5 its degree-16 Taylor polynomial (first
     * dropped term under 2e-21 relative) in Estrin's form; above, {@code (exp(z) − 1)/z}, whose
     * cancellation costs at most e^z/(e^z − 1) ≤ 2.6 in relative error. Exponential-Euler factors
     * {@code dt·a} of conductance-based neurons sit on both sides of smaller switch points step after
     * step (a COBA neuron's total conductance varies several-fold), and each mispredicted branch or
     * {@code exp} and division cost more than the whole polynomial; Estrin's pairing keeps one lane's
     * evaluation to five dependent multiply-add levels instead of Horner's sixteen. {@link Math#expm1}
     * is avoided because the JIT does not intrinsify it.
     */
    public static double exprel(double z) {
        if (Math.abs(z) < 0.5) {
            return exprelSeries(z);
        }
        return (Math.exp(z) - 1) / z;
    }

    /** {@link #exprel}'s degree-16 Taylor polynomial; the vector kernels evaluate it in this order. */
    static double exprelSeries(double z) {
        double z2 = z * z;
        double z4 = z2 * z2;
        double z8 = z4 * z4;
        double q0 = (1 + z * (1.0 / 2)) + z2 * (1.0 / 6 + z * (1.0 / 24));
        double q1 = (1.0 / 120 + z * (1.0 / 720)) + z2 * (1.0 / 5040 + z * (1.0 / 40320));
        double q2 = (1.0 / 362880 + z * (1.0 / 3628800)) + z2 * (1.0 / 39916800 + z * (1.0 / 479001600));
        double q3 = (1.0 / 6227020800L + z * (1.0 / 87178291200L)) + z2 * (1.0 / 1307674368000L + z * (1.0 / 20922789888000L));
        return (q0 + z4 * q1) + z8 * ((q2 + z4 * q3) + z8 * (1.0 / 355687428096000L));
    }

    /** Below this {@link #expArith} is 0: e^x would be within a factor 2 of the smallest normal double. */
    static final double EXP_ARITH_MIN = -707.5;
    /** Above this e^x overflows. */
    static final double EXP_ARITH_MAX = 709.782712893384;
    /** Adding it to a value below 2^51 in magnitude rounds the value to an integer held in the low mantissa bits. */
    static final double ROUNDING_SHIFTER = 0x1.8p52;
    static final double LOG2_E = 1.4426950408889634;
    /** ln 2 split (fdlibm's): the high part has 21 trailing zero bits, so k·LN2_HI is exact for |k| < 2^21. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;

    /**
     * {@code e^x} from additions, multiplications, comparisons and bit operations alone, in the exact
     * order the SIMD kernels evaluate it ({@code VectorKernelEmitter}), so a lane gets the same bits from
     * either — which {@link Math#exp} and the Vector API's own {@code EXP} (SVML once compiled, but
     * {@link Math#exp} before) cannot promise. Cody–Waite reduction to |r| ≤ ln2/2 and a degree-13
     * Taylor polynomial in Estrin's form (truncation under 5e-18 relative), scaled by 2^(k−1)·2; within
     * 2 ulp of {@link Math#exp}. Results below e^−707.5 (≈ 9e-308) are flushed to 0; NaN stays NaN.
     */
    public static double expArith(double x) {
        double xc = x < EXP_ARITH_MIN ? EXP_ARITH_MIN : x;
        xc = xc > EXP_ARITH_MAX ? EXP_ARITH_MAX : xc;
        double t = xc * LOG2_E + ROUNDING_SHIFTER;
        double k = t - ROUNDING_SHIFTER;
        double r = (xc - k * LN2_HI) - k * LN2_LO;
        double r2 = r * r;
        double r4 = r2 * r2;
        double r8 = r4 * r4;
        double q0 = (1 + r) + r2 * (1.0 / 2 + r * (1.0 / 6));
        double q1 = (1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720 + r * (1.0 / 5040));
        double q2 = (1.0 / 40320 + r * (1.0 / 362880)) + r2 * (1.0 / 3628800 + r * (1.0 / 39916800));
        double q3 = 1.0 / 479001600 + r * (1.0 / 6227020800L);
        double poly = (q0 + r4 * q1) + r8 * (q2 + r4 * q3);
        // 2^(k−1) from t's low mantissa bits (k + 1022 is the biased exponent, in 1..2046 after clamping).
        double half = Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1022L) << 52);
        double e = (poly * 2.0) * half;
        e = x > EXP_ARITH_MAX ? Double.POSITIVE_INFINITY : e;
        return x < EXP_ARITH_MIN ? 0.0 : e;
    }

    /** {@link #exprel} with {@link #expArith} for its exponential, as the SIMD kernels compute it. */
    public static double exprelArith(double z) {
        return Math.abs(z) < 0.5 ? exprelSeries(z) : (expArith(z) - 1) / z;
    }

    /** {@link #sigmoid} with {@link #expArith}, as the SIMD kernels compute it. */
    public static double sigmoidArith(double x) {
        return 1 / (1 + expArith(-x));
    }

    /** First derivative of {@link #exprel}: {@code (e^z(z − 1) + 1)/z²}. */
    public static double exprelPrime(double z) {
        if (Math.abs(z) < 0.05) {
            // Taylor series Σ k z^(k−1)/(k+1)!, truncated where the next term is below 1e-17.
            return 0.5 + z * (1.0 / 3 + z * (1.0 / 8 + z * (1.0 / 30 + z * (1.0 / 144 + z * (1.0 / 840 + z / 5760)))));
        }
        return (Math.exp(z) * (z - 1) + 1) / (z * z);
    }

    /** Second derivative of {@link #exprel}: {@code (e^z(z² − 2z + 2) − 2)/z³}. */
    public static double exprelSecond(double z) {
        if (Math.abs(z) < 0.05) {
            // Σ k(k−1) z^(k−2)/(k+1)!
            return 1.0 / 3 + z * (1.0 / 4 + z * (1.0 / 10 + z * (1.0 / 36 + z * (1.0 / 168 + z * (1.0 / 960 + z / 6480)))));
        }
        return (Math.exp(z) * (z * z - 2 * z + 2) - 2) / (z * z * z);
    }

    /**
     * The logistic function {@code 1/(1 + e^−x)}; branch-free, and exact in the limits since
     * {@code e^−x} overflowing to infinity gives 0.
     */
    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
