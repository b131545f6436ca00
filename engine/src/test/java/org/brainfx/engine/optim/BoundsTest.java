package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoundsTest {

    private final Bounds hh = new Bounds(new double[] {1e-4, 0.01, -65}, new double[] {0.1, 40, -50});

    @Test
    void rejectsInvalidBoxesWithTheDimensionNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Bounds(new double[] {0, 1}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("dimension 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Bounds(new double[] {0}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new Bounds(new double[] {0, 0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Bounds(new double[0], new double[0]));
    }

    @Test
    void unitCubeEndsMapExactlyOntoTheBounds() {
        assertArrayEquals(hh.lower(), hh.fromUnit(new double[] {0, 0, 0}));
        assertArrayEquals(hh.upper(), hh.fromUnit(new double[] {1, 1, 1}));
        assertArrayEquals(hh.upper(), hh.fromUnit(new double[] {1.5, 2, 1 + 1e-16}));
        double[] x = {0.0084, 24.7, -55.3};
        assertArrayEquals(x, hh.fromUnit(hh.toUnit(x)), 1e-12);
    }

    @Test
    void gradientScalesByTheWidth() {
        assertArrayEquals(new double[] {0.0999, 39.99, 15}, hh.gradientToUnit(new double[] {1, 1, 1}), 1e-12);
    }

    @Test
    void clipAndUniformStayInside() {
        assertArrayEquals(new double[] {0.1, 0.01, -60}, hh.clip(new double[] {5, -3, -60}));
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            assertTrue(hh.contains(hh.uniform(rng)));
        }
        assertFalse(hh.contains(new double[] {0.05, 41, -55}));
        assertEquals(3, hh.dimension());
    }

    @Test
    void arraysAreCopiedAndCompareByValue() {
        double[] lo = {0, 0};
        Bounds b = new Bounds(lo, new double[] {1, 1});
        lo[0] = 5;
        b.lower()[1] = 7;
        assertArrayEquals(new double[] {0, 0}, b.lower());
        assertEquals(new Bounds(new double[] {0, 0}, new double[] {1, 1}), b);
    }

    @Test
    void latinHypercubeUsesEveryStratumOncePerDimension() {
        double[][] p = StartSampling.LATIN_HYPERCUBE.sample(10, 3, new SplittableRandom(1));
        for (int j = 0; j < 3; j++) {
            boolean[] seen = new boolean[10];
            for (double[] point : p) {
                int stratum = (int) (point[j] * 10);
                assertFalse(seen[stratum], "stratum " + stratum + " used twice in dimension " + j);
                seen[stratum] = true;
            }
        }
        assertEquals(StartSampling.LATIN_HYPERCUBE, StartSampling.fromKey("lhs"));
        assertEquals(AdamBoundHandling.REPARAMETRIZATION, AdamBoundHandling.fromKey("reparametrize"));
        assertThrows(IllegalArgumentException.class, () -> StartSampling.fromKey("sobol"));
    }
}
