package org.brainfx.engine.compile;

/** Scalar functions the generated kernels call that {@link Math} lacks; all are accurate near their removable singularities. */
public final class KernelMath {
    private KernelMath() {
    }

    /**
     * {@code exprel(z) = (e^z − 1)/z}, 1 at 0. Below |z| = 0.002 a degree-5 Taylor polynomial
     * (first dropped term under 2e-20); above it {@code (exp(z) − 1)/z}, whose cancellation costs a
     * relative error of at most about 1e-13 at the switch and shrinks as |z| grows. One short
     * polynomial and one branch: exponential-Euler factors {@code dt·a} of a network's conductance
     * neurons wander across any threshold every few steps, and a long Taylor chain there was the
     * most expensive part of their step. {@link Math#expm1} is avoided because the JIT does not
     * intrinsify it.
     */
    public static double exprel(double z) {
        if (Math.abs(z) < 0.002) {
            return 1 + z * (1.0 / 2 + z * (1.0 / 6 + z * (1.0 / 24 + z * (1.0 / 120 + z / 720))));
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
