package org.brainfx.engine.compile;

/** Scalar functions the generated kernels call that {@link Math} lacks; all are accurate near their removable singularities. */
public final class KernelMath {
    private KernelMath() {
    }

    /**
     * {@code exprel(z) = (e^z − 1)/z}, 1 at 0, to within a few ulps. Below |z| = 0.5 a Taylor
     * polynomial (whose truncation error is under 1e-17 there, degree 6 below 0.01); above it {@code (exp(z) − 1)/z},
     * whose cancellation costs at most a factor e^z/(e^z − 1) ≤ 2.6 in relative error. This avoids
     * {@link Math#expm1}, which the JIT does not intrinsify and which made it the most expensive
     * call of a Hodgkin–Huxley step.
     */
    public static double exprel(double z) {
        double a = Math.abs(z);
        // Degree chosen so the first dropped term is below 1e-17: exponential-Euler factors
        // dt·a are mostly tiny, and a short chain of multiply-adds has short latency.
        if (a < 0.01) {
            return 1 + z * (1.0 / 2 + z * (1.0 / 6 + z * (1.0 / 24 + z * (1.0 / 120 + z * (1.0 / 720 + z / 5040)))));
        }
        if (a < 0.5) {
            return 1 + z * (1.0 / 2 + z * (1.0 / 6 + z * (1.0 / 24 + z * (1.0 / 120 + z * (1.0 / 720
                    + z * (1.0 / 5040 + z * (1.0 / 40320 + z * (1.0 / 362880 + z * (1.0 / 3628800
                    + z * (1.0 / 39916800 + z * (1.0 / 479001600 + z * (1.0 / 6227020800L
                    + z * (1.0 / 87178291200L + z * (1.0 / 1307674368000L + z / 20922789888000L))))))))))))));
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
