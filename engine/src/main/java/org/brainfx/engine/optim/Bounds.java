package org.brainfx.engine.optim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Box constraints {@code lower[i] <= x[i] <= upper[i]} on the fitted parameters, and the map to the
 * unit cube in which the optimizers work so that a conductance of 0.01 and one of 20 are equally
 * well conditioned.
 */
public record Bounds(double[] lower, double[] upper) {

    /** Validates that both sides are finite, of one length, and strictly ordered. */
    public Bounds {
        if (lower == null || upper == null) {
            throw new IllegalArgumentException("bounds need both a lower and an upper array");
        }
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("bounds need equal, non-zero lengths, got " + lower.length
                    + " lower and " + upper.length + " upper values");
        }
        lower = lower.clone();
        upper = upper.clone();
        for (int i = 0; i < lower.length; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i]) || !(lower[i] < upper[i])) {
                throw new IllegalArgumentException("bounds of dimension " + i + " must be finite with lower < upper, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
        }
    }

    /** The lower bounds (a copy). */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** The upper bounds (a copy). */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** Number of parameters. */
    public int dimension() {
        return lower.length;
    }

    /** Whether every coordinate of {@code x} lies inside the box (bounds included). */
    public boolean contains(double[] x) {
        checkDimension(x);
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    /** The nearest point of the box to {@code x}. */
    public double[] clip(double[] x) {
        checkDimension(x);
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return c;
    }

    /** A point drawn uniformly from the box. */
    public double[] uniform(SplittableRandom rng) {
        double[] u = new double[dimension()];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextDouble();
        }
        return fromUnit(u);
    }

    /** {@code x} mapped to the unit cube, {@code (x - lower) / (upper - lower)} per coordinate. */
    public double[] toUnit(double[] x) {
        checkDimension(x);
        double[] u = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            u[i] = (x[i] - lower[i]) / (upper[i] - lower[i]);
        }
        return u;
    }

    /**
     * A unit-cube point mapped back into the box; 0 and 1 land exactly on the bounds (and rounding
     * can never leave the box), so a solution on a bound is reported as the bound itself.
     */
    public double[] fromUnit(double[] u) {
        checkDimension(u);
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            if (u[i] <= 0) {
                x[i] = lower[i];
            } else if (u[i] >= 1) {
                x[i] = upper[i];
            } else {
                x[i] = Math.min(upper[i], Math.max(lower[i], lower[i] + u[i] * (upper[i] - lower[i])));
            }
        }
        return x;
    }

    /** A gradient with respect to {@code x} turned into one with respect to the unit-cube coordinates (chain rule). */
    public double[] gradientToUnit(double[] gradient) {
        checkDimension(gradient);
        double[] g = new double[gradient.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = gradient[i] * (upper[i] - lower[i]);
        }
        return g;
    }

    private void checkDimension(double[] x) {
        if (x == null || x.length != lower.length) {
            throw new IllegalArgumentException("expected a point of dimension " + lower.length + ", got "
                    + (x == null ? "null" : String.valueOf(x.length)));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bounds b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "Bounds[lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + "]";
    }
}
