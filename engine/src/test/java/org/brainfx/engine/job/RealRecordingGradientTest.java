package org.brainfx.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.brainfx.engine.project.ResolvedProject;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the abf-steps sample (AdEx on a real recording, spike terms on the spiking sweeps)
 * at a fitted point whose spike steps run the uncapped voltage to infinity within the step.
 */
class RealRecordingGradientTest {
    private static final Path ABF_STEPS = Path.of("..", "sample-projects", "abf-steps");
    /** CMA-ES's fit of the sample (seed 1, the step-timed losses): every spike count right; DeltaT on its lower bound. */
    private static final double[] FITTED = {202.43622993168637, 8.163032476217033, -72.78792196809773,
            -52.860110223952795, 0.5, 0.43365535964836216, 0.41554256252467486, 157.02627958565014, -63.59907781772111};

    @Test
    void aGoodFitKeepsItsLossAndAWholeGradientThatMatchesFiniteDifferences() {
        FitProblem p = new FitProblem(FitConfig.of(ResolvedProject.load(ABF_STEPS)));
        for (double deltaT : new double[] {0.5, 0.6}) {
            double[] x = FITTED.clone();
            x[4] = deltaT;
            double[][] g = new double[1][p.dimension()];
            boolean[] partial = new boolean[1];
            double withGradient = p.evaluate(new double[][] {x}, g, partial)[0];
            assertFalse(partial[0], "the spike steps' 0·∞ passes as 0; no sweep loses its gradient at DeltaT " + deltaT);
            double forward = p.evaluate(new double[][] {x}, null)[0];
            assertTrue(Double.isFinite(withGradient), "the gradient pass keeps the loss at DeltaT " + deltaT);
            assertEquals(forward, withGradient, 1e-12 * forward);
            double[] lo = p.lower();
            double[] hi = p.upper();
            for (int d = 0; d < p.dimension(); d++) {
                // Small enough that no later spike's reset moves a step: there the loss is smooth.
                double h = 1e-6 * (hi[d] - lo[d]);
                double[] a = x.clone();
                double[] b = x.clone();
                a[d] = Math.min(hi[d], x[d] + h);
                b[d] = Math.max(lo[d], x[d] - h);
                double fd = (p.evaluate(new double[][] {a}, null)[0] - p.evaluate(new double[][] {b}, null)[0])
                        / (a[d] - b[d]);
                double scale = hi[d] - lo[d];
                assertEquals(fd * scale, g[0][d] * scale, 1e-3 * Math.max(1, Math.abs(fd * scale)),
                        "d loss / d parameter " + d + " at DeltaT " + deltaT);
            }
        }
    }

    /**
     * The symptom was L-BFGS-B stopping on a spike-count plateau after one iteration and
     * calling it converged. With spike times interpolated, two random starts reach the right spike
     * count on every sweep; the best start then ends pressed against a spike-count cliff (one more
     * or one fewer spike a tiny step away), where no gradient vanishes: a stall, and the fit must
     * say so.
     */
    @Test
    void aGradientFitGetsTheSpikeCountsAndCallsItsStopAtACliffAStall() {
        FitConfig config = FitConfig.of(ResolvedProject.load(ABF_STEPS)).with("lbfgsb", 2, 200, null, null, 1L, null);
        FitResult r = new FitJob(config).run(null);
        double spikeCountError = java.util.Arrays.stream(r.termLosses().get("spike_count")).sum();
        assertEquals(0, spikeCountError, "every sweep's spike count is right at loss " + r.loss());
        assertEquals(StopReason.STALLED, r.stopReason(), "after " + r.iterations() + " iterations at loss " + r.loss());
    }
}
