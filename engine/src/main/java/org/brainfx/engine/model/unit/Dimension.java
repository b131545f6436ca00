package org.brainfx.engine.model.unit;

/**
 * Physical dimension as exponents of mass, length, time and electric current (SI bases);
 * exponents may be halves (square roots).
 */
public record Dimension(double mass, double length, double time, double current) {
    /** No dimension. */
    public static final Dimension NONE = new Dimension(0, 0, 0, 0);

    /** The dimension of a product. */
    public Dimension times(Dimension o) {
        return new Dimension(mass + o.mass, length + o.length, time + o.time, current + o.current);
    }

    /** The dimension of a quotient. */
    public Dimension divide(Dimension o) {
        return new Dimension(mass - o.mass, length - o.length, time - o.time, current - o.current);
    }

    /** The dimension raised to a power. */
    public Dimension pow(double p) {
        return new Dimension(mass * p, length * p, time * p, current * p);
    }

    /** True when this has no dimension. */
    public boolean isNone() {
        return equals(NONE);
    }

    /** Exponent-wise equality with a tolerance for fractional powers. */
    public boolean sameAs(Dimension o) {
        return close(mass, o.mass) && close(length, o.length) && close(time, o.time) && close(current, o.current);
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) < 1e-9;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension d && sameAs(d);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Math.round(mass * 1e6) * 31_000_003L + Math.round(length * 1e6) * 131
                + Math.round(time * 1e6) * 7 + Math.round(current * 1e6));
    }
}
