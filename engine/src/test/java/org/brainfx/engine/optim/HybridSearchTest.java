package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DE, then an L-BFGS-B polish: where it hands over, and what the polish adds. */
class HybridSearchTest {

    private static final Bounds SQUARE = OptimizerDriver.box(2, -2, 2);

    private static HybridSearch hybrid(Bounds bounds, long seed) {
        return (HybridSearch) Optimizers.create("hybrid", bounds, OptimizerSettings.defaults(), seed);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void rosenbrockIsPolishedToMachineLevel(int dimension) {
        Bounds bounds = OptimizerDriver.box(dimension, -2, 2);
        HybridSearch o = hybrid(bounds, 42);
        OptimizerDriver.run(o, TestObjective.rosenbrock(), bounds, 2000);
        assertTrue(o.finished());
        assertTrue(o.polishing());
        assertTrue(o.bestLoss() <= 1e-16, "reached " + o.bestLoss());
        for (double xi : o.bestPoint()) {
            assertEquals(1, xi, 1e-8);
        }
    }

    @Test
    void thePolishNeedsFewerEvaluationsThanDeAloneToTheSameLoss() {
        HybridSearch hybrid = hybrid(SQUARE, 3);
        OptimizerDriver.run(hybrid, TestObjective.rosenbrock(), SQUARE, 2000);
        Optimizer de = Optimizers.create("de", SQUARE, OptimizerSettings.defaults(), 3);
        while (de.bestLoss() > hybrid.bestLoss() && de.iteration() < 2000) {
            OptimizerDriver.run(de, TestObjective.rosenbrock(), SQUARE, de.iteration() + 1);
        }
        assertTrue(hybrid.evaluations() < de.evaluations(),
                "hybrid " + hybrid.evaluations() + " evaluations, DE " + de.evaluations() + " to loss " + hybrid.bestLoss());
    }

    @Test
    void aMinimumOnABoundIsReachedExactly() {
        HybridSearch o = hybrid(SQUARE, 7);
        OptimizerDriver.run(o, TestObjective.quadratic(3, -0.5), SQUARE, 2000);
        assertEquals(2.0, o.bestPoint()[0], 0.0);
        assertEquals(-0.375, o.bestPoint()[1], 1e-9);
    }

    @Test
    void aStaircaseIsCrossedByTheSearchAndTheSmoothPartPinnedByThePolish() {
        // Like the GIF fit: x0 acts only through which step it is on (gradient zero), x1 smoothly.
        TestObjective staircase = new TestObjective() {
            @Override
            public double value(double[] x) {
                double step = Math.floor(5 * x[0]) - 3;
                return step * step + (x[1] - 0.7) * (x[1] - 0.7);
            }

            @Override
            public double[] gradient(double[] x) {
                return new double[] {0, 2 * (x[1] - 0.7)};
            }
        };
        HybridSearch o = hybrid(SQUARE, 11);
        OptimizerDriver.run(o, staircase, SQUARE, 2000);
        assertTrue(o.polishing());
        assertEquals(3, Math.floor(5 * o.bestPoint()[0]), 0.0, Arrays.toString(o.bestPoint()));
        assertEquals(0.7, o.bestPoint()[1], 1e-9);
    }

    @Test
    void thePolishStartsFromTheBestFifthOfThePopulation() {
        HybridSearch o = hybrid(SQUARE, 5);
        while (!o.polishing()) {
            OptimizerDriver.run(o, TestObjective.quadratic(0.3, -0.2), SQUARE, o.iteration() + 1);
        }
        assertTrue(o.needsGradient());
        assertEquals(4, o.ask().length, "a population of 20 hands 4 members to the polish");
    }

    @Test
    void aProjectsStartScreeningDoesNotReachThePolish() {
        HybridSearch o = (HybridSearch) Optimizers.create("hybrid", SQUARE,
                OptimizerSettings.defaults().withScreening(10), 5);
        while (!o.polishing()) {
            OptimizerDriver.run(o, TestObjective.quadratic(0.3, -0.2), SQUARE, o.iteration() + 1);
        }
        assertTrue(o.needsGradient(), "no screening round of random points after the hand-over");
        assertEquals(4, o.ask().length);
    }

    @Test
    void theBestMembersAreChosenByLossWithDivergedOnesLast() {
        double[][] members = {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}};
        double[] losses = {5, Double.POSITIVE_INFINITY, 1, 7, 3, Double.NaN, 9, 8, 6, 4, 2};
        assertArrayEquals(new double[][] {{2}, {10}}, HybridSearch.bestMembers(members, losses));
        assertArrayEquals(new double[][] {{1}}, HybridSearch.bestMembers(new double[][] {{0}, {1}, {2}},
                new double[] {Double.NaN, 1, Double.POSITIVE_INFINITY}));
    }

    @Test
    void iterationsCountGenerationsThenPolishSteps() {
        HybridSearch o = hybrid(SQUARE, 9);
        int generations = 0;
        while (!o.polishing()) {
            OptimizerDriver.run(o, TestObjective.quadratic(0.3, -0.2), SQUARE, o.iteration() + 1);
            generations++;
        }
        assertEquals(generations, o.iteration());
        OptimizerDriver.run(o, TestObjective.quadratic(0.3, -0.2), SQUARE, 2000);
        assertTrue(o.iteration() > generations);
        assertArrayEquals(new double[] {0.3, -0.2}, o.bestPoint(), 1e-9);
    }
}
