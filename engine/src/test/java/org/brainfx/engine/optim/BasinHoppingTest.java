package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Basin hopping: hops cross the cliffs where a descent stops, the elite keeps the best basins, and the run ends itself. */
class BasinHoppingTest {

    private static final Bounds SQUARE = OptimizerDriver.box(2, -2, 2);

    /**
     * Like a spike-count loss near its optimum: a smooth bowl with its minimum 0 at (−1, −1), and a
     * disc of radius 0.25 around (−0.6, −0.6) where everything is 1 lower (behind a cliff), so the lowest
     * loss, (0.4 √2 − 0.25)² − 1 ≈ −0.90, lies on the disc's edge nearest the bowl's centre;
     * a descent outside the disc ends in the bowl and never sees it.
     */
    private static final TestObjective CLIFF = new TestObjective() {
        @Override
        public double value(double[] x) {
            double a = x[0] + 1;
            double b = x[1] + 1;
            double inside = Math.hypot(x[0] + 0.6, x[1] + 0.6) < 0.25 ? 1 : 0;
            return a * a + b * b - inside;
        }

        @Override
        public double[] gradient(double[] x) {
            return new double[] {2 * (x[0] + 1), 2 * (x[1] + 1)};
        }
    };

    /** Rastrigin's function: a local minimum near every integer point, the global one 0 at the origin. */
    private static final TestObjective RASTRIGIN = new TestObjective() {
        @Override
        public double value(double[] x) {
            double f = 10 * x.length;
            for (double xi : x) {
                f += xi * xi - 10 * Math.cos(2 * Math.PI * xi);
            }
            return f;
        }

        @Override
        public double[] gradient(double[] x) {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * x[i] + 20 * Math.PI * Math.sin(2 * Math.PI * x[i]);
            }
            return g;
        }
    };

    private static BasinHopping basin(Bounds bounds, OptimizerSettings settings, long seed) {
        return (BasinHopping) Optimizers.create("basin", bounds, settings, seed);
    }

    @Test
    void hopsCrossTheCliffThatEveryDescentMisses() {
        // Starts on the bowl's anti-diagonal: every descent and line-search trial stays on it (or on
        // the box's edge), far from the disc on the diagonal.
        double[][] starts = new double[16][];
        for (int i = 0; i < starts.length; i++) {
            double offset = 0.02 * (i / 2 + 1) * (i % 2 == 0 ? 1 : -1);
            starts[i] = new double[] {-1 - offset, -1 + offset};
        }
        OptimizerSettings s = OptimizerSettings.defaults().withStarts(16).withInitialPoints(starts);
        double edge = Math.pow(0.4 * Math.sqrt(2) - 0.25, 2) - 1;
        int found = 0;
        StringBuilder reached = new StringBuilder();
        for (long seed = 1; seed <= 8; seed++) {
            Optimizer local = Optimizers.create("lbfgsb", SQUARE, s, seed);
            OptimizerDriver.run(local, CLIFF, SQUARE, 500);
            assertTrue(local.finished());
            assertEquals(0, local.bestLoss(), 1e-12, "multi-start L-BFGS-B ends in the bowl");
            BasinHopping hopping = basin(SQUARE, s, seed);
            OptimizerDriver.run(hopping, CLIFF, SQUARE, 5000);
            assertTrue(hopping.finished(), "seed " + seed + " ends by itself");
            reached.append(' ').append(hopping.bestLoss());
            if (Math.abs(hopping.bestLoss() - edge) < 1e-3) {
                found++;
            }
        }
        // A hop lands in the disc (or sends a descent through it) rarely, about once in 100; the
        // patience, 5 × 16 descents without progress, gives most runs that many.
        assertTrue(found >= 6, "basin hopping reached the disc's edge (" + edge + ") in " + found
                + " of 8 seeds:" + reached);
    }

    @Test
    void theRunEndsByItselfOnceHopsStopPayingAndNeverCallsThatConverged() {
        BasinHopping o = basin(SQUARE, OptimizerSettings.defaults().withStarts(4), 5);
        OptimizerDriver.run(o, TestObjective.quadratic(0.5, -0.5), SQUARE, 5000);
        assertTrue(o.finished(), "ended after " + o.iteration() + " rounds");
        assertFalse(o.converged(), "an end of hopping is no test of a minimum");
        assertTrue(o.bestLoss() < 1e-12, "reached " + o.bestLoss());
        assertTrue(o.descents() >= 5 * 4, "gave hops a fair chance: " + o.descents() + " descents");
        assertEquals(0, o.ask().length, "a finished run asks for nothing");
    }

    @Test
    void theEliteKeepsTheBestDistinctPointsAndOneEntryPerBasin() {
        BasinHopping o = basin(SQUARE, OptimizerSettings.defaults(), 1);
        for (int i = 0; i < 8; i++) {
            o.offer(new double[] {0.1 * i, 0.5}, 10 - i);
        }
        assertArrayEquals(new double[] {3, 4, 5, 6, 7}, o.eliteLosses(), 0.0, "the five lowest, best first");
        o.offer(new double[] {0.7, 0.5}, 3.5);
        assertArrayEquals(new double[] {3, 4, 5, 6, 7}, o.eliteLosses(), 0.0, "a worse copy of a held point is ignored");
        o.offer(new double[] {0.7, 0.5}, 2);
        assertArrayEquals(new double[] {2, 4, 5, 6, 7}, o.eliteLosses(), 0.0, "a lower copy replaces it");
        o.offer(new double[] {0.9, 0.9}, 8);
        assertArrayEquals(new double[] {2, 4, 5, 6, 7}, o.eliteLosses(), 0.0, "worse than the whole elite");
    }

    @Test
    void everyWalkerStaysALaneAndDescentsEndAndHopOn() {
        Bounds box = OptimizerDriver.box(4, -5.12, 5.12);
        BasinHopping o = basin(box, OptimizerSettings.defaults().withStarts(6), 2);
        OptimizerDriver.Run run = OptimizerDriver.run(o, RASTRIGIN, box, 60);
        for (double[][] asked : run.asked()) {
            assertEquals(6, asked.length, "a walker whose descent ended asks for its hop in the same round");
        }
        assertEquals(60, o.iteration());
        assertTrue(o.descents() > 6, "descents end (after at most " + BasinHopping.LOCAL_ITERATIONS
                + " iterations) and walkers hop: " + o.descents());
    }

    @Test
    void screeningPicksTheFirstWalkersByLossAlone() {
        BasinHopping o = basin(SQUARE, OptimizerSettings.defaults().withStarts(3).withScreening(10), 4);
        assertFalse(o.needsGradient());
        double[][] screened = o.ask();
        assertEquals(30, screened.length);
        double[] loss = Arrays.stream(screened).mapToDouble(CLIFF::value).toArray();
        o.tell(loss, null);
        assertTrue(o.needsGradient());
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        double[] walkerLosses = Arrays.stream(o.ask()).mapToDouble(CLIFF::value).sorted().toArray();
        assertArrayEquals(Arrays.copyOf(sorted, 3), walkerLosses, 1e-15);
    }

    @Test
    void divergedEvaluationsAreSurvivedAndCounted() {
        TestObjective f = TestObjective.quadratic(0.5, -0.5).divergingAbove(1);
        BasinHopping o = basin(SQUARE, OptimizerSettings.defaults().withStarts(5), 9);
        OptimizerDriver.run(o, f, SQUARE, 300);
        assertTrue(o.divergedEvaluations() > 0);
        assertEquals(0, o.bestLoss(), 1e-10);
        assertTrue(o.bestPoint()[0] <= 1);
    }
}
