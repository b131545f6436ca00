package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PopulationOptimizersTest {

    private static final Bounds SQUARE = OptimizerDriver.box(2, -2, 2);

    @ParameterizedTest
    @CsvSource({
        "de,     2, 300,  1e-3",
        "de,     4, 1000, 1e-3",
        "pso,    2, 500,  1e-3",
        "pso,    4, 2000, 1e-2",
        "cmaes,  2, 300,  1e-3",
        "cmaes,  4, 1000, 1e-3",
        "random, 2, 2000, 5e-2",
        "random, 4, 2000, 10"})
    void rosenbrockGetsCloseWithinTheBudget(String name, int dimension, int generations, double target) {
        Bounds bounds = OptimizerDriver.box(dimension, -2, 2);
        Optimizer o = Optimizers.create(name, bounds, OptimizerSettings.defaults(), 42);
        OptimizerDriver.run(o, TestObjective.rosenbrock(), bounds, generations);
        assertTrue(o.bestLoss() <= target, name + " reached " + o.bestLoss());
        assertEquals(0, o.divergedEvaluations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "pso", "cmaes"})
    void aSolutionOnABoundIsReached(String name) {
        Optimizer o = Optimizers.create(name, SQUARE, OptimizerSettings.defaults(), 7);
        OptimizerDriver.run(o, TestObjective.quadratic(3, -0.5), SQUARE, 2000);
        assertEquals(2.0, o.bestPoint()[0], 1e-6);
        assertEquals(-0.375, o.bestPoint()[1], 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "pso", "cmaes"})
    void aCornerInSixDimensionsIsReached(String name) {
        Bounds bounds = OptimizerDriver.box(6, -2, 2);
        Optimizer o = Optimizers.create(name, bounds, OptimizerSettings.defaults(), 7);
        OptimizerDriver.run(o, TestObjective.quadratic(3, -3, 0.5, 3, -0.2, -5), bounds, 3000);
        double[] x = o.bestPoint();
        assertEquals(2.0, x[0], 1e-6);
        assertEquals(-2.0, x[1], 1e-6);
        assertEquals(2.0, x[3], 1e-6);
        assertEquals(-2.0, x[5], 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"de, 1e-3", "pso, 1e-3", "cmaes, 1e-3", "random, 5e-2"})
    void divergedCandidatesRankWorstAndAreCounted(String name, double target) {
        Optimizer o = Optimizers.create(name, SQUARE, OptimizerSettings.defaults(), 42);
        OptimizerDriver.run(o, TestObjective.rosenbrock().divergingAbove(1.5), SQUARE, 2000);
        assertTrue(o.divergedEvaluations() > 0, name + " never met the diverging region");
        assertTrue(o.bestLoss() <= target, name + " reached " + o.bestLoss());
        assertTrue(o.bestPoint()[0] <= 1.5);
    }

    @ParameterizedTest
    @CsvSource({"de, 1e-6", "pso, 1e-6", "cmaes, 1e-6", "random, 3e-2"})
    void badlyScaledParametersConverge(String name, double relativeError) {
        Bounds bounds = new Bounds(new double[] {1e-4, 0.01}, new double[] {0.1, 40});
        Optimizer o = Optimizers.create(name, bounds, OptimizerSettings.defaults(), 3);
        OptimizerDriver.run(o, TestObjective.relativeError(0.00836, 24.7), bounds, 2000);
        assertEquals(0.00836, o.bestPoint()[0], 0.00836 * relativeError);
        assertEquals(24.7, o.bestPoint()[1], 24.7 * relativeError);
    }

    @ParameterizedTest
    @CsvSource({"de, 20, 20", "pso, 20, 20", "random, 20, 20", "cmaes, 0, 6", "de, 12, 12", "cmaes, 15, 15"})
    void aWholeGenerationIsAskedAtOnce(String name, int population, int expected) {
        Optimizer o = Optimizers.create(name, SQUARE, OptimizerSettings.defaults().withPopulation(population), 1);
        OptimizerDriver.Run run = OptimizerDriver.run(o, TestObjective.rosenbrock(), SQUARE, 5);
        assertEquals(5, run.asked().size());
        for (double[][] generation : run.asked()) {
            assertEquals(expected, generation.length);
        }
        assertEquals(5L * expected, o.evaluations());
        assertEquals(5, o.iteration());
        assertEquals(expected, o.currentLosses().length);
        assertEquals(expected, o.currentPoints().length);
    }
}
