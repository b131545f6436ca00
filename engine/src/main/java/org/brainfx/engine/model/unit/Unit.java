package org.brainfx.engine.model.unit;

/**
 * A unit: a dimension and its size in SI ({@code scale}), plus the symbol it was written as.
 * BrainFX computes in one internal system — mV, ms, nA, µS, nF, MΩ (and µm for lengths) —
 * in which {@code C·dV/dt} is in nA and {@code g·(V − E)} is in nA without any factor.
 */
public record Unit(String symbol, double scale, Dimension dimension) {
    /** A pure number. */
    public static final Unit DIMENSIONLESS = new Unit("1", 1.0, Dimension.NONE);

    // Internal base sizes in SI: time ms, current nA, length µm; mass follows from mV = kg·m²/(s³·A).
    private static final double TIME = 1e-3;
    private static final double CURRENT = 1e-9;
    private static final double LENGTH = 1e-6;
    private static final double MASS = 1e-3 * TIME * TIME * TIME * CURRENT / (LENGTH * LENGTH);

    /** The product of two units. */
    public Unit times(Unit o) {
        return new Unit(compose(symbol, "*", o.symbol), scale * o.scale, dimension.times(o.dimension));
    }

    /** The quotient of two units. */
    public Unit divide(Unit o) {
        return new Unit(compose(symbol, "/", o.symbol), scale / o.scale, dimension.divide(o.dimension));
    }

    /** This unit raised to a power. */
    public Unit pow(double p) {
        String s = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
        return new Unit(isDimensionless() ? "1" : "(" + symbol + ")^" + s, Math.pow(scale, p), dimension.pow(p));
    }

    /** True when this unit has no dimension (its scale may still differ from 1, e.g. percent). */
    public boolean isDimensionless() {
        return dimension.isNone();
    }

    /** True when both units measure the same kind of quantity. */
    public boolean sameDimension(Unit o) {
        return dimension.sameAs(o.dimension);
    }

    /** The SI size of one internal unit of this dimension (e.g. 1e-3 for volts, since mV is internal). */
    public static double internalScale(Dimension d) {
        return Math.pow(MASS, d.mass()) * Math.pow(LENGTH, d.length()) * Math.pow(TIME, d.time())
                * Math.pow(CURRENT, d.current());
    }

    /**
     * The factor that turns a value in this unit into the internal system. Factors within 1e-12
     * of a power of ten are snapped to it, so that 1 µS is exactly 1.0 internally despite the
     * round-off of composing base sizes.
     */
    public double toInternalFactor() {
        double f = scale / internalScale(dimension);
        double p = Math.rint(Math.log10(f));
        double snapped = Double.parseDouble("1e" + (long) p);
        return Math.abs(f / snapped - 1) < 1e-12 ? snapped : f;
    }

    /** A value in this unit expressed in the internal system. */
    public double toInternal(double value) {
        return value * toInternalFactor();
    }

    /** A value in the internal system expressed in this unit. */
    public double fromInternal(double value) {
        return value / toInternalFactor();
    }

    /** The symbol, e.g. {@code mS/cm2}. */
    @Override
    public String toString() {
        return symbol;
    }

    private static String compose(String a, String op, String b) {
        if ("1".equals(b)) {
            return a;
        }
        if ("1".equals(a)) {
            return "*".equals(op) ? b : "1/" + wrap(b);
        }
        return a + op + wrap(b);
    }

    private static String wrap(String s) {
        return s.contains("*") || s.contains("/") ? "(" + s + ")" : s;
    }
}
