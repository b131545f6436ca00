package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every optimizer promises the fit job, whatever its method. */
class OptimizerContractTest {

    private static final Bounds SQUARE = OptimizerDriver.box(2, -2, 2);

    static java.util.List<String> names() {
        return Optimizers.NAMES;
    }

    private static Optimizer create(String name, long seed) {
        return Optimizers.create(name, SQUARE, OptimizerSettings.defaults().withStarts(4), seed);
    }

    @ParameterizedTest
    @MethodSource("names")
    void theSameSeedGivesTheSameRunBitForBit(String name) {
        Optimizer a = create(name, 2024);
        Optimizer b = create(name, 2024);
        OptimizerDriver.run(a, TestObjective.rosenbrock().divergingAbove(1.5), SQUARE, 60);
        OptimizerDriver.run(b, TestObjective.rosenbrock().divergingAbove(1.5), SQUARE, 60);
        assertArrayEquals(a.bestPoint(), b.bestPoint(), 0.0);
        assertEquals(a.bestLoss(), b.bestLoss(), 0.0);
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.divergedEvaluations(), b.divergedEvaluations());
        Optimizer c = create(name, 2025);
        OptimizerDriver.run(c, TestObjective.rosenbrock().divergingAbove(1.5), SQUARE, 60);
        assertFalse(java.util.Arrays.equals(a.bestPoint(), c.bestPoint()) && a.evaluations() == c.evaluations(),
                "another seed should give another run");
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyAskedPointStaysInsideAnAwkwardBox(String name) {
        // Minimum far outside a thin, off-centre box: every method pushes against its walls.
        Bounds thin = new Bounds(new double[] {1e-4, -50}, new double[] {2e-4, -49.999});
        Optimizer o = Optimizers.create(name, thin, OptimizerSettings.defaults().withStarts(4), 5);
        OptimizerDriver.run(o, TestObjective.quadratic(1, 0), thin, 300);
        assertTrue(o.evaluations() > 0);
        assertTrue(thin.contains(o.bestPoint()));
        for (double[] p : o.currentPoints()) {
            assertTrue(thin.contains(p));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void askIsRepeatableUntilTold(String name) {
        Optimizer o = create(name, 1);
        double[][] first = o.ask();
        double[][] again = o.ask();
        assertEquals(first.length, again.length);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], again[i], 0.0);
        }
        assertEquals(0, o.evaluations());
        assertEquals(Double.POSITIVE_INFINITY, o.bestLoss());
        assertTrue(Double.isNaN(o.bestPoint()[0]));
        assertTrue(Double.isNaN(o.currentLosses()[0]));
    }

    @ParameterizedTest
    @MethodSource("names")
    void aMismatchedTellIsRefusedWithContext(String name) {
        Optimizer o = create(name, 1);
        double[][] x = o.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> o.tell(new double[x.length + 1], new double[x.length + 1][2]));
        assertTrue(e.getMessage().startsWith(name + ":"), e.getMessage());
        if (o.needsGradient()) {
            assertThrows(IllegalArgumentException.class, () -> o.tell(new double[x.length], null));
            assertThrows(IllegalArgumentException.class, () -> o.tell(new double[x.length], new double[x.length][3]));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void aTellWithoutAnAskIsRefused(String name) {
        Optimizer o = create(name, 1);
        double[][] x = o.ask();
        o.tell(new double[x.length], new double[x.length][2]);
        assertThrows(IllegalStateException.class, () -> o.tell(new double[x.length], new double[x.length][2]));
    }

    @ParameterizedTest
    @MethodSource("names")
    void reportsItsNameAndWhetherItNeedsGradients(String name) {
        Optimizer o = create(name, 1);
        assertEquals(name, o.name());
        assertEquals(Optimizers.gradientBased(name), o.needsGradient());
    }

    @Test
    void unknownNamesAndBadSettingsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create("nelder-mead", SQUARE, OptimizerSettings.defaults(), 1));
        assertTrue(e.getMessage().contains("lbfgsb"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.defaults().withStarts(0));
        assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.defaults().withLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.defaults().withDifferentialEvolution(0.5, 3, 0.7));
        assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create("de", SQUARE, OptimizerSettings.defaults().withPopulation(2), 1));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.create("lbfgsb", SQUARE, OptimizerSettings.defaults().withInitialPoints(new double[] {3, 0}), 1));
        assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
        assertEquals(OptimizerSettings.defaults().withInitialPoints(new double[] {1, 0}),
                OptimizerSettings.defaults().withInitialPoints(new double[] {1, 0}));
    }

    @Test
    void tooManyInitialPointsForThePopulationAreRefused() {
        double[][] many = new double[5][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new double[] {0, 0};
        }
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create("pso", SQUARE,
                OptimizerSettings.defaults().withPopulation(4).withInitialPoints(many), 1));
    }
}
