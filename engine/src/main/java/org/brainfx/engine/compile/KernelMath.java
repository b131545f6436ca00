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
            double z2 = z * z;
            double z4 = z2 * z2;
            double z8 = z4 * z4;
            double q0 = (1 + z * (1.0 / 2)) + z2 * (1.0 / 6 + z * (1.0 / 24));
            double q1 = (1.0 / 120 + z * (1.0 / 720)) + z2 * (1.0 / 5040 + z * (1.0 / 40320));
            double q2 = (1.0 / 362880 + z * (1.0 / 3628800)) + z2 * (1.0 / 39916800 + z * (1.0 / 479001600));
            double q3 = (1.0 / 6227020800L + z * (1.0 / 87178291200L)) + z2 * (1.0 / 1307674368000L + z * (1.0 / 20922789888000L));
            return (q0 + z4 * q1) + z8 * ((q2 + z4 * q3) + z8 * (1.0 / 355687428096000L));
        }
        return (Math.exp(z) - 1) / z;
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
