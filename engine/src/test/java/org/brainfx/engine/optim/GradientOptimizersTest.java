package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GradientOptimizersTest {

    private static final Bounds SQUARE = OptimizerDriver.box(2, -2, 2);

    private static int budget(String name) {
        return name.equals("adam") ? 20_000 : 500;
    }

    @ParameterizedTest
    @CsvSource({"lbfgsb, 2", "lbfgsb, 4", "adam, 2", "adam, 4"})
    void rosenbrockIsSolvedToMachineLevel(String name, int dimension) {
        Bounds bounds = OptimizerDriver.box(dimension, -2, 2);
        Optimizer o = Optimizers.create(name, bounds, OptimizerSettings.defaults().withStarts(5), 42);
        OptimizerDriver.run(o, TestObjective.rosenbrock(), bounds, budget(name));
        assertTrue(o.bestLoss() <= 1e-10, name + " reached " + o.bestLoss());
        for (double xi : o.bestPoint()) {
            assertEquals(1, xi, 1e-4);
        }
        assertEquals(0, o.divergedEvaluations());
    }

    @Test
    void lbfgsbStopsOnItsOwnWellWithinTheBudget() {
        Bounds bounds = OptimizerDriver.box(4, -2, 2);
        Optimizer o = Optimizers.create("lbfgsb", bounds, OptimizerSettings.defaults().withStarts(5), 42);
        OptimizerDriver.run(o, TestObjective.rosenbrock(), bounds, 500);
        assertTrue(o.finished());
        assertTrue(o.iteration() < 200, "took " + o.iteration() + " iterations");
        assertTrue(o.evaluations() < 1500, "took " + o.evaluations() + " evaluations");
        assertEquals(0, o.ask().length);
    }

    @Test
    void lbfgsbTakesTheStepsOfTheReferenceImplementation() {
        // SciPy 1.17 L-BFGS-B (Fortran 3.0 algorithm) on the same unit-cube problem from (−1.2, 1), m = 10,
        // pgtol 1e-9: 35 iterations, 48 evaluations.
        Optimizer o = Optimizers.create("lbfgsb", SQUARE,
                OptimizerSettings.defaults().withStarts(1).withInitialPoints(new double[] {-1.2, 1.0}), 1);
        OptimizerDriver.run(o, TestObjective.rosenbrock(), SQUARE, 1000);
        assertTrue(o.finished());
        assertEquals(35, o.iteration(), 2);
        assertEquals(48, o.evaluations(), 3);
    }

    @Test
    void lbfgsbLandsExactlyOnTheBoundAndSolvesTheFreeVariables() {
        Optimizer o = Optimizers.create("lbfgsb", SQUARE, OptimizerSettings.defaults().withStarts(3), 7);
        OptimizerDriver.run(o, TestObjective.quadratic(3, -0.5), SQUARE, 200);
        assertEquals(2.0, o.bestPoint()[0], 0.0);
        assertEquals(-0.375, o.bestPoint()[1], 1e-8);
    }

    @Test
    void lbfgsbFindsTheActiveSetInSixDimensions() {
        Bounds bounds = OptimizerDriver.box(6, -2, 2);
        TestObjective q = TestObjective.quadratic(3, -3, 0.5, 3, -0.2, -5);
        Optimizer o = Optimizers.create("lbfgsb", bounds, OptimizerSettings.defaults().withStarts(4), 11);
        OptimizerDriver.run(o, q, bounds, 200);
        double[] x = o.bestPoint();
        assertEquals(2.0, x[0], 0.0);
        assertEquals(-2.0, x[1], 0.0);
        assertEquals(2.0, x[3], 0.0);
        assertEquals(-2.0, x[5], 0.0);
        double[] g = q.gradient(x);
        // KKT: zero gradient on the free coordinates, pointing out of the box on the active ones.
        assertEquals(0, g[2], 1e-7);
        assertEquals(0, g[4], 1e-7);
        assertTrue(g[0] < 0 && g[1] > 0 && g[3] < 0 && g[5] > 0, Arrays.toString(g));
    }

    @ParameterizedTest
    @EnumSource(AdamBoundHandling.class)
    void adamReachesABoundBothWays(AdamBoundHandling handling) {
        Optimizer o = Optimizers.create("adam", SQUARE,
                OptimizerSettings.defaults().withStarts(3).withAdamBounds(handling), 7);
        OptimizerDriver.run(o, TestObjective.quadratic(3, -0.5), SQUARE, 20_000);
        assertEquals(2.0, o.bestPoint()[0], handling == AdamBoundHandling.PROJECTION ? 0.0 : 1e-6);
        // The loss-window test stops once the loss is flat to 1e-12, i.e. the free coordinate to about 1e-6.
        assertEquals(-0.375, o.bestPoint()[1], 1e-5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgsb", "adam"})
    void survivesDivergedRegionsAndCountsThem(String name) {
        // The first start's first step (a long one, for Adam) leads into the region where the "simulation" diverges.
        OptimizerSettings settings = OptimizerSettings.defaults().withStarts(10).withLearningRate(0.05)
                .withInitialPoints(new double[] {1.41, 2.0});
        Optimizer o = Optimizers.create(name, SQUARE, settings, 42);
        OptimizerDriver.run(o, TestObjective.rosenbrock().divergingAbove(1.5), SQUARE, budget(name));
        assertTrue(o.divergedEvaluations() > 0);
        assertTrue(o.bestLoss() <= 1e-10, name + " reached " + o.bestLoss());
        assertTrue(o.bestPoint()[0] <= 1.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgsb", "adam"})
    void aStartOnlyInTheDivergedRegionEndsWithoutHarmingTheOthers(String name) {
        OptimizerSettings settings = OptimizerSettings.defaults().withStarts(2)
                .withInitialPoints(new double[] {1.9, 0}, new double[] {-1, 1});
        Optimizer o = Optimizers.create(name, SQUARE, settings, 1);
        OptimizerDriver.Run run = OptimizerDriver.run(o, TestObjective.rosenbrock().divergingAbove(1.5), SQUARE, budget(name));
        assertTrue(o.divergedEvaluations() >= 1);
        assertTrue(Double.isNaN(o.currentLosses()[0]));
        assertEquals(1, run.asked().get(1).length, "the dead start must leave the batch");
        assertTrue(o.bestLoss() <= 1e-10);
    }

    @ParameterizedTest
    @CsvSource({"lbfgsb, 1e-7", "adam, 1e-6"})
    void badlyScaledParametersConverge(String name, double relativeError) {
        Bounds bounds = new Bounds(new double[] {1e-4, 0.01}, new double[] {0.1, 40});
        Optimizer o = Optimizers.create(name, bounds, OptimizerSettings.defaults().withStarts(5), 3);
        OptimizerDriver.run(o, TestObjective.relativeError(0.00836, 24.7), bounds, budget(name));
        assertEquals(0.00836, o.bestPoint()[0], 0.00836 * relativeError);
        assertEquals(24.7, o.bestPoint()[1], 24.7 * relativeError);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgsb", "adam"})
    void aStartInABatchFollowsExactlyThePathItWouldAlone(String name) {
        double[][] starts = new double[10][];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int k = 0; k < starts.length; k++) {
            starts[k] = SQUARE.uniform(rng);
        }
        int iterations = name.equals("adam") ? 300 : 100;
        OptimizerDriver.Run batch = OptimizerDriver.run(
                Optimizers.create(name, SQUARE, OptimizerSettings.defaults().withInitialPoints(starts), 1),
                TestObjective.rosenbrock(), SQUARE, iterations);
        for (int k : new int[] {0, 4, 9}) {
            OptimizerDriver.Run alone = OptimizerDriver.run(
                    Optimizers.create(name, SQUARE, OptimizerSettings.defaults().withStarts(1).withInitialPoints(starts[k]), 99),
                    TestObjective.rosenbrock(), SQUARE, iterations);
            int steps = Math.min(alone.losses().size(), batch.losses().size());
            assertTrue(steps > 10);
            for (int t = 0; t < steps; t++) {
                assertEquals(alone.losses().get(t)[0], batch.losses().get(t)[k], 0.0, "start " + k + ", tell " + t);
                assertArrayEquals(alone.points().get(t)[0], batch.points().get(t)[k], 0.0, "start " + k + ", tell " + t);
            }
        }
    }

    @Test
    void finishedStartsDropOutOfTheBatch() {
        OptimizerSettings settings = OptimizerSettings.defaults().withStarts(6);
        OptimizerDriver.Run run = OptimizerDriver.run(Optimizers.create("lbfgsb", SQUARE, settings, 8),
                TestObjective.rosenbrock(), SQUARE, 500);
        assertEquals(6, run.asked().get(0).length);
        int last = run.asked().get(run.asked().size() - 1).length;
        assertTrue(last < 6, "batch never shrank");
        for (int t = 1; t < run.asked().size(); t++) {
            assertTrue(run.asked().get(t).length <= run.asked().get(t - 1).length);
        }
    }
}
