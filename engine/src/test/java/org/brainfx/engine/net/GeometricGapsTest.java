package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeometricGapsTest {

    /** The table must give what the inverse-CDF formula gives, draw for draw, or networks would change. */
    @Test
    void equalsTheFormulaDrawForDraw() {
        for (double p : new double[] {1e-9, 1e-4, 0.02, 0.1, 0.3, 0.5, 0.9, 0.999}) {
            GeometricGaps gaps = GeometricGaps.of(p);
            double logQ = Math.log1p(-p);
            SplittableRandom table = new SplittableRandom(42);
            SplittableRandom formula = new SplittableRandom(42);
            for (int k = 0; k < 2_000_000; k++) {
                double expected = Math.floor(Math.log(1 - formula.nextDouble()) / logQ);
                double got = gaps.next(table);
                if (got != expected) {
                    assertEquals(expected, got, "p " + p + ", draw " + k);
                }
            }
        }
    }

    /** The bucket edges are where a table would go wrong first: every edge value agrees with the formula. */
    @Test
    void bucketEdgesAgree() {
        double p = 0.1;
        double logQ = Math.log1p(-p);
        GeometricGaps gaps = GeometricGaps.of(p);
        for (long b = 0; b < 4096; b++) {
            for (long bits : new long[] {b << 41, (b << 41) + 1, ((b + 1) << 41) - 1, ((b + 1) << 41) - 2}) {
                double expected = Math.floor(Math.log(1 - bits * 0x1.0p-53) / logQ);
                // == rather than equals: the formula gives −0.0 at u = 0, the same gap as the table's 0.
                assertTrue(expected == gaps.gapOf(bits), "bits " + bits + ": " + expected + " vs " + gaps.gapOf(bits));
            }
        }
    }

    @Test
    void refusesProbabilitiesWithoutGaps() {
        assertThrows(IllegalArgumentException.class, () -> GeometricGaps.of(0));
        assertThrows(IllegalArgumentException.class, () -> GeometricGaps.of(1));
        assertThrows(IllegalArgumentException.class, () -> GeometricGaps.of(Double.NaN));
    }
}
