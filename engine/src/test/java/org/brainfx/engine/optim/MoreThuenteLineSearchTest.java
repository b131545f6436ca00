package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoreThuenteLineSearchTest {

    // Moré and Thuente (1994), test function 1: φ(α) = −α / (α² + β), β = 2, minimum at √2.
    private static double phi(double a) {
        return -a / (a * a + 2);
    }

    private static double dphi(double a) {
        return (a * a - 2) / ((a * a + 2) * (a * a + 2));
    }

    @Test
    void findsAStrongWolfePointFromTinyAndLargeFirstSteps() {
        for (double first : new double[] {1e-3, 1e-1, 10, 1000}) {
            MoreThuenteLineSearch search = new MoreThuenteLineSearch(phi(0), dphi(0), first, 0, 1e10, 1e-3, 0.1, 0.1);
            int evaluations = 0;
            MoreThuenteLineSearch.Status status = MoreThuenteLineSearch.Status.EVALUATE;
            while (status == MoreThuenteLineSearch.Status.EVALUATE && evaluations < 30) {
                double a = search.step();
                status = search.next(phi(a), dphi(a));
                evaluations++;
            }
            double a = search.step();
            assertEquals(MoreThuenteLineSearch.Status.CONVERGED, status, "first step " + first);
            assertTrue(phi(a) <= phi(0) + 1e-3 * a * dphi(0));
            assertTrue(Math.abs(dphi(a)) <= 0.1 * Math.abs(dphi(0)));
            assertTrue(evaluations <= 12, "took " + evaluations + " evaluations from " + first);
        }
    }

    @Test
    void refusesAnAscentDirection() {
        MoreThuenteLineSearch search = new MoreThuenteLineSearch(0, 1, 1, 0, 10, 1e-3, 0.9, 0.1);
        assertEquals(MoreThuenteLineSearch.Status.ERROR, search.status());
    }
}
