package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Successive halving of multi-start gradient runs. */
class MultiStartPruningTest {

    @Test
    void everyPruningRoundHalvesTheRunningStartsDownToTheKeptNumber() {
        Bounds box = OptimizerDriver.box(2, -2, 2);
        OptimizerSettings s = OptimizerSettings.defaults().withStarts(16).withPruning(1, 2);
        OptimizerDriver.Run run = OptimizerDriver.run(Optimizers.create("adam", box, s, 5), TestObjective.rosenbrock(), box,
                2000);
        List<double[][]> asked = run.asked();
        assertEquals(16, asked.get(0).length);
        assertEquals(8, asked.get(1).length);
        assertEquals(4, asked.get(2).length);
        assertEquals(2, asked.get(3).length);
        assertTrue(asked.stream().skip(3).allMatch(a -> a.length <= 2), "never below the kept starts, never above");
        assertTrue(run.optimizer().bestLoss() < 1e-8, "the survivors still converge: " + run.optimizer().bestLoss());
    }
}
