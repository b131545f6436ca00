package org.brainfx.engine.net;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a population's neurons sit on its sheet ({@code width} × {@code height} µm), for distance-dependent
 * connectivity; with {@code periodic} the sheet is a torus and distances wrap around its edges.
 */
public record Positions(double[] x, double[] y, double width, double height, boolean periodic) {

    /** Layouts accepted in {@link PositionSpec#layout()}. */
    public static final List<String> LAYOUTS = List.of("grid", "random");

    /** Checks that every neuron has both coordinates and the sheet has an area. */
    public Positions {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x but " + y.length + " y coordinates");
        }
        if (!(width > 0 && height > 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw new IllegalArgumentException("sheet " + width + " × " + height + " must be positive and finite");
        }
    }

    /**
     * The positions of {@code n} neurons laid out by {@code spec}, or null when {@code spec} is null (a population
     * without positions). {@code grid}: a near-square grid of cells filling the sheet, neuron k at the centre of
     * cell (k mod columns, k div columns), the last row possibly partly empty. {@code random}: uniform on the
     * sheet from a {@link SplittableRandom} seeded with {@code seed} as given (derive it with
     * {@link Wiring#seedFor(long, String)}).
     *
     * @param where names the population for messages, e.g. "population 'E', positions"
     */
    public static Positions of(PositionSpec spec, int n, long seed, String where) {
        if (spec == null) {
            return null;
        }
        if (n <= 0) {
            throw new NetworkException(where + ": size " + n + " must be positive");
        }
        if (!(spec.width() > 0 && spec.width() < Double.POSITIVE_INFINITY)
                || !(spec.height() > 0 && spec.height() < Double.POSITIVE_INFINITY)) {
            throw new NetworkException(where + ": sheet " + spec.width() + " × " + spec.height()
                    + " µm; width and height must be positive and finite");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        String layout = spec.layout();
        if ("grid".equals(layout)) {
            int columns = (int) Math.min(n, Math.max(1, Math.ceil(Math.sqrt(n * spec.width() / spec.height()))));
            int rows = (n + columns - 1) / columns;
            columns = (n + rows - 1) / rows;
            double cellWidth = spec.width() / columns;
            double cellHeight = spec.height() / rows;
            for (int k = 0; k < n; k++) {
                x[k] = (k % columns + 0.5) * cellWidth;
                y[k] = (k / columns + 0.5) * cellHeight;
            }
        } else if ("random".equals(layout)) {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int k = 0; k < n; k++) {
                x[k] = rng.nextDouble() * spec.width();
                y[k] = rng.nextDouble() * spec.height();
            }
        } else {
            throw new NetworkException(where + ": unknown layout '" + layout + "'; use one of " + LAYOUTS);
        }
        return new Positions(x, y, spec.width(), spec.height(), spec.periodic());
    }

    /** Number of neurons. */
    public int size() {
        return x.length;
    }

    /**
     * Squared distance from this sheet's neuron {@code i} to {@code other}'s neuron {@code j}; when this sheet
     * is periodic each coordinate difference wraps around this sheet's width and height.
     */
    public double distanceSquared(int i, Positions other, int j) {
        double dx = Math.abs(x[i] - other.x[j]);
        double dy = Math.abs(y[i] - other.y[j]);
        if (periodic) {
            dx %= width;
            dy %= height;
            dx = Math.min(dx, width - dx);
            dy = Math.min(dy, height - dy);
        }
        return dx * dx + dy * dy;
    }
}
