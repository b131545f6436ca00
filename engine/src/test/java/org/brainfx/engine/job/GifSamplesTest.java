package org.brainfx.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.brainfx.engine.project.ResolvedProject;
import org.junit.jupiter.api.Test;

/**
 * The GIF samples as configured: what their target can tell apart, and that the hybrid fit reaches
 * it. With the samples' voltage MSE on every step, a loss of exactly 0 means the fitted model spikes
 * on the same steps and so reproduces the target voltage at every sample.
 */
class GifSamplesTest {

    private static final Path SYNTHETIC = Path.of("..", "sample-projects", "gif-synthetic");
    private static final Path IDENTIFIABLE = Path.of("..", "sample-projects", "gif-identifiable");
    private static final double A = 0.005;
    private static final double B = 0.01;

    private static FitConfig config(Path sample) {
        return FitConfig.of(ResolvedProject.load(sample));
    }

    private static double loss(FitProblem problem, double aFactor, double bFactor, double k1, double k2) {
        return problem.evaluate(new double[][] {{A * aFactor, B * bFactor, k1, k2}}, null)[0];
    }

    @Test
    void theSyntheticTargetCannotTellAAndBApartAlongAValleyWiderThan1e3() {
        // The voltage depends on a and b only through the spike steps; these points (found on a grid)
        // spike on exactly the target's steps, so the target is reproduced at every sample.
        FitProblem p = new FitProblem(config(SYNTHETIC));
        assertEquals(0.0, loss(p, 1, 1, 0.2, 0.02), 0.0);
        assertEquals(0.0, loss(p, 1 - 4.1e-3, 1 - 8.6e-3, 0.2, 0.02), 0.0);
        assertEquals(0.0, loss(p, 1 + 9e-4, 1 + 2e-3, 0.7, 0.09), 0.0, "k1 and k2 have no effect either");
        assertTrue(loss(p, 1 + 2e-3, 1, 0.2, 0.02) > 0, "across the valley the spikes move");
    }

    @Test
    void theIdentifiableTargetPinsK1AndK2ButNotAAndB() {
        FitProblem p = new FitProblem(config(IDENTIFIABLE));
        assertEquals(0.0, loss(p, 1, 1, 0.2, 0.02), 0.0);
        assertEquals(0.0, loss(p, 1 + 2.5e-3, 1 + 7.5e-3, 0.2, 0.02), 0.0);
        assertEquals(0.0, loss(p, 1 - 7.5e-4, 1 - 1.5e-3, 0.2, 0.02), 0.0);
        assertTrue(loss(p, 1, 1, 0.2 * (1 + 1e-6), 0.02) > 0);
        assertTrue(loss(p, 1, 1, 0.2, 0.02 * (1 + 1e-6)) > 0);
    }

    @Test
    void theHybridFitReproducesTheSyntheticTargetExactly() {
        FitResult r = new FitJob(config(SYNTHETIC).with(null, null, 150, null, null, null, null)).run(null);
        assertEquals("hybrid", r.optimizer());
        assertEquals(0.0, r.loss(), 0.0, r.params().toString());
        assertEquals(A, r.params().get("a"), 5e-3 * A);
        assertEquals(B, r.params().get("b"), 1e-2 * B);
    }

    @Test
    void theHybridFitPinsK1AndK2OnTheIdentifiableSample() {
        FitResult r = new FitJob(config(IDENTIFIABLE).with(null, null, 250, null, null, null, null)).run(null);
        Map<String, Double> p = r.params();
        assertTrue(r.loss() < 1e-12, "loss " + r.loss() + " at " + p);
        assertEquals(0.2, p.get("k1"), 1e-6 * 0.2);
        assertEquals(0.02, p.get("k2"), 1e-6 * 0.02);
        assertEquals(A, p.get("a"), 5e-3 * A);
        assertEquals(B, p.get("b"), 1e-2 * B);
    }
}
