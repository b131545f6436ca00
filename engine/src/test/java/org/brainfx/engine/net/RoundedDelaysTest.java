package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoundedDelaysTest {
    private static final int DRAWS = 1_000_000;

    /** Steps drawn from the table and delays drawn and rounded one by one have the same histogram. */
    @Test
    void stepsHaveTheDistributionOfRoundedDelays() {
        assertSameHistogram(ValueSpec.normal(5.7, 0.57), 0.1);
        assertSameHistogram(ValueSpec.normal(3.0, 0.25), 0.5);
        assertSameHistogram(ValueSpec.lognormal(1.5, 0.2), 0.1);
    }

    /** Where a likely draw would be under half a step or beyond a short, draws are left to the checked path. */
    @Test
    void leavesRiskyDistributionsToTheCheckedPath() {
        assertNull(RoundedDelays.of(Distribution.of(ValueSpec.normal(1.0, 0.5), "test"), 0.1));
        assertNull(RoundedDelays.of(Distribution.of(ValueSpec.uniform(1, 2), "test"), 0.1));
        assertNull(RoundedDelays.of(Distribution.of(ValueSpec.normal(5000, 1), "test"), 0.1));
        assertNotNull(RoundedDelays.of(Distribution.of(ValueSpec.normal(1.0, 0.09), "test"), 0.1));
    }

    @Test
    void aNarrowDistributionGivesItsOneStep() {
        RoundedDelays one = RoundedDelays.of(Distribution.of(ValueSpec.normal(1.5, 1e-6), "test"), 0.1);
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < 1000; k++) {
            assertEquals(15, one.next(rng));
        }
    }

    private static void assertSameHistogram(ValueSpec spec, double dt) {
        Distribution distribution = Distribution.of(spec, "test");
        RoundedDelays rounded = RoundedDelays.of(distribution, dt);
        assertNotNull(rounded, spec.toString());
        int[] table = new int[Short.MAX_VALUE];
        int[] direct = new int[Short.MAX_VALUE];
        SplittableRandom rng = new SplittableRandom(11);
        for (int k = 0; k < DRAWS; k++) {
            table[rounded.next(rng)]++;
        }
        double[] ms = new double[DRAWS];
        distribution.fill(ms, 0, DRAWS, new SplittableRandom(12));
        for (double m : ms) {
            direct[(int) Math.floor(m / dt + 0.5 + 1e-9)]++;
        }
        for (int s = 0; s < table.length; s++) {
            double both = table[s] + direct[s];
            assertTrue(Math.abs(table[s] - direct[s]) <= 5 * Math.sqrt(both) + 5,
                    spec + " step " + s + ": " + table[s] + " from the table, " + direct[s] + " rounded one by one");
        }
    }
}
