package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Screening of start points by their loss before a multi-start gradient method begins. */
class MultiStartScreeningTest {

    @Test
    void theFirstRoundScreensEveryDrawnPointWithoutGradientsAndTheStartsAreTheBestOfThem() {
        Bounds box = OptimizerDriver.box(2, -2, 2);
        TestObjective f = TestObjective.quadratic(0.5, -0.5);
        Optimizer opt = Optimizers.create("lbfgsb", box, OptimizerSettings.defaults().withStarts(4).withScreening(10), 3);
        assertFalse(opt.needsGradient(), "the screening round asks for losses only");
        double[][] screened = opt.ask();
        assertEquals(40, screened.length);
        double[] loss = Arrays.stream(screened).mapToDouble(f::value).toArray();
        opt.tell(loss, null);
        assertEquals(40, opt.evaluations());
        assertTrue(opt.needsGradient());
        double[][] starts = opt.ask();
        assertEquals(4, starts.length);
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        double[] startLosses = Arrays.stream(starts).mapToDouble(f::value).sorted().toArray();
        assertArrayEquals(Arrays.copyOf(sorted, 4), startLosses, 1e-15, "the four best screened points start");
    }

    @Test
    void explicitInitialPointsAreAlwaysStartsAndAScreenedRunStillConverges() {
        Bounds box = OptimizerDriver.box(2, -2, 2);
        double[] given = {1.9, 1.9};
        OptimizerSettings s = OptimizerSettings.defaults().withStarts(3).withScreening(5).withInitialPoints(given);
        Optimizer opt = Optimizers.create("lbfgsb", box, s, 11);
        double[][] screened = opt.ask();
        assertEquals(15, screened.length);
        opt.tell(Arrays.stream(screened).mapToDouble(TestObjective.rosenbrock()::value).toArray(), null);
        double[][] starts = opt.ask();
        assertTrue(Arrays.stream(starts).anyMatch(p -> Arrays.equals(p, given)), "the explicit point starts, however bad");
        OptimizerDriver.Run run = OptimizerDriver.run(Optimizers.create("lbfgsb", box, s, 11), TestObjective.rosenbrock(),
                box, 500);
        assertTrue(run.optimizer().bestLoss() < 1e-10, "loss " + run.optimizer().bestLoss());
        assertTrue(run.optimizer().converged());
    }

    @Test
    void divergedScreenedPointsAreNeverPickedOverFiniteOnes() {
        Bounds box = OptimizerDriver.box(1, 0, 1);
        Optimizer opt = Optimizers.create("lbfgsb", box, OptimizerSettings.defaults().withStarts(2).withScreening(4), 1);
        double[][] screened = opt.ask();
        double[] loss = new double[screened.length];
        Arrays.fill(loss, Double.NaN);
        loss[5] = 3;
        loss[6] = 7;
        opt.tell(loss, null);
        double[][] starts = opt.ask();
        assertArrayEquals(screened[5], starts[0]);
        assertArrayEquals(screened[6], starts[1]);
        assertEquals(6, opt.divergedEvaluations());
    }

    @Test
    void screeningOfOneIsNoScreening() {
        Bounds box = OptimizerDriver.box(2, -2, 2);
        Optimizer plain = Optimizers.create("lbfgsb", box, OptimizerSettings.defaults().withStarts(5), 9);
        Optimizer one = Optimizers.create("lbfgsb", box, OptimizerSettings.defaults().withStarts(5).withScreening(1), 9);
        assertTrue(one.needsGradient());
        assertArrayEquals(plain.ask(), one.ask());
    }
}
