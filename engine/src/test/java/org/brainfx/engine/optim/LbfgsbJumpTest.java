package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * L-BFGS-B on a loss with a jump, as spike terms make one: the smooth part's minimum lies behind a
 * step up that the gradient does not see, as a surrogate gradient does not see a lost spike.
 */
class LbfgsbJumpTest {
    private static final double JUMP_AT = 0.5;

    private static double loss(double u) {
        return (u - 0.8) * (u - 0.8) + (u > JUMP_AT ? 0.5 : 0);
    }

    private static double[] run(LbfgsbSearch s, int maxEvaluations) {
        int evaluations = 0;
        while (!s.finished() && evaluations < maxEvaluations) {
            double u = s.trialPoint()[0];
            s.report(loss(u), new double[] {2 * (u - 0.8)});
            evaluations++;
        }
        return new double[] {evaluations, s.currentPoint()[0]};
    }

    @Test
    void settlesForSufficientDecreaseBeforeAJumpAndDoesNotCallItConverged() {
        LbfgsbSearch s = new LbfgsbSearch(new double[] {0.1}, 10, 1e-12, 1e-9);
        double[] r = run(s, 2000);
        assertTrue(s.finished(), "the start ends by itself");
        assertEquals(LocalSearch.Outcome.STALLED, s.outcome(), "a stop before a jump is a stall, not convergence");
        assertTrue(r[1] <= JUMP_AT && r[1] > JUMP_AT - 1e-2, "ends just before the jump: " + r[1]);
        // Each line search settles after ARMIJO_PATIENCE trials instead of bisecting into the jump, and
        // JUMP_ITERATIONS settled ones in a row end the start.
        assertTrue(r[0] <= (LbfgsbSearch.JUMP_ITERATIONS + 3) * (LbfgsbSearch.ARMIJO_PATIENCE + 1),
                r[0] + " evaluations for " + s.iterations() + " iterations");
    }

    @Test
    void aSettledStepThatHardlyLowersTheLossBeforeAJumpIsAStallNotConvergence() {
        // With a loose loss tolerance the first settled step, a few percent down, passes the loss-change
        // test; the gradient there is far from 0, so it is a start pressed against the jump.
        LbfgsbSearch s = new LbfgsbSearch(new double[] {0.49}, 10, 0.2, 1e-9);
        double[] r = run(s, 200);
        assertEquals(LocalSearch.Outcome.STALLED, s.outcome(), "ended at " + r[1] + " after " + r[0] + " evaluations");
        assertTrue(r[1] <= JUMP_AT, "never across the jump: " + r[1]);
    }

    @Test
    void aSmoothMinimumIsStillConverged() {
        LbfgsbSearch s = new LbfgsbSearch(new double[] {0.6}, 10, 1e-12, 1e-9);
        double[] r = run(s, 200);
        assertEquals(LocalSearch.Outcome.CONVERGED, s.outcome());
        assertEquals(0.8, r[1], 1e-6);
    }

    @Test
    void aMultiStartRunIsConvergedOnlyWhenItsBestStartIs() {
        Bounds box = OptimizerDriver.box(1, 0, 1);
        TestObjective jump = new TestObjective() {
            @Override
            public double value(double[] x) {
                return loss(x[0]);
            }

            @Override
            public double[] gradient(double[] x) {
                return new double[] {2 * (x[0] - 0.8)};
            }
        };
        Optimizer stuck = Optimizers.create("lbfgsb", box, OptimizerSettings.defaults().withStarts(1)
                .withInitialPoints(new double[] {0.1}), 1);
        OptimizerDriver.run(stuck, jump, box, 1000);
        assertTrue(stuck.finished());
        assertFalse(stuck.converged(), "its only start stalled before the jump");

        Optimizer both = Optimizers.create("lbfgsb", box, OptimizerSettings.defaults().withStarts(2)
                .withInitialPoints(new double[] {0.1}, new double[] {0.9}), 1);
        OptimizerDriver.run(both, jump, box, 1000);
        assertTrue(both.finished());
        assertFalse(both.converged(), "the start beyond the jump converged, but the best one (before it) stalled");

        Optimizer right = Optimizers.create("lbfgsb", box, OptimizerSettings.defaults().withStarts(2)
                .withInitialPoints(new double[] {0.9}, new double[] {0.95}), 1);
        OptimizerDriver.run(right, jump, box, 1000);
        assertTrue(right.converged());
        assertEquals(0.8, right.bestPoint()[0], 1e-6);
    }

    @Test
    void aVanishingPartialGradientIsNoMinimum() {
        LbfgsbSearch complete = new LbfgsbSearch(new double[] {0.3}, 10, 1e-12, 1e-9);
        complete.report(loss(0.3), new double[] {0}, false);
        assertEquals(LocalSearch.Outcome.CONVERGED, complete.outcome(), "a complete zero gradient is a stationary point");

        LbfgsbSearch partial = new LbfgsbSearch(new double[] {0.3}, 10, 1e-12, 1e-9);
        partial.report(loss(0.3), new double[] {0}, true);
        assertEquals(LocalSearch.Outcome.STALLED, partial.outcome(),
                "a partial one (part of the loss passed none) gives no direction, and proves nothing");
    }
}
