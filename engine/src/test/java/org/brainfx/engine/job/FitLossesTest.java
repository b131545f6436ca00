package org.brainfx.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.ResolvedProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loss terms through a real fit problem: gradients in model units, per-term values, and every optimizer. */
class FitLossesTest {

    /** An AdEx cell under a hyperpolarizing then a depolarizing step, target from known parameters. */
    static ResolvedProject adex(Path dir, List<FitSettings.LossTerm> losses, String optimizer) {
        Project p = new Project(1, "adex-steps", "", new Project.ModelRef("adex", null, null), Map.of("gL", 25.0, "a", 3.0),
                new Project.Stimulus(0.05, null, null, List.of(List.of(0.0, 20.0, -0.2, 60.0, 0.0, 20.0),
                        List.of(0.0, 20.0, 0.9, 60.0, 0.0, 20.0)), "nA"),
                List.of("V"), new Project.Target("V", null, Map.of("gL", 30.0, "a", 4.0)),
                new FitSettings(Map.of("gL", List.of(10.0, 60.0), "a", List.of(0.0, 10.0)), losses, optimizer, 4, 30, null,
                        null, 5L, null));
        Path file = dir.resolve("adex" + ProjectFiles.SUFFIX);
        ProjectFiles.write(p, file);
        return ResolvedProject.load(file);
    }

    static List<FitSettings.LossTerm> featureTerms() {
        return List.of(new FitSettings.LossTerm("resting_potential", 1.0, null, null, null, List.of(0.0, 19.0), null),
                new FitSettings.LossTerm("input_resistance", 1.0, null, null, null, List.of(50.0, 79.0),
                        List.of(0.0, 19.0)),
                new FitSettings.LossTerm("ap_peak", 0.01, null, null, null, List.of(20.0, 80.0), null),
                new FitSettings.LossTerm("first_spike_latency", 0.1, null, null, null, List.of(20.0, 80.0), null),
                new FitSettings.LossTerm("spike_count", 1.0, null, null, null));
    }

    @Test
    void differentiableTermGradientsMatchFiniteDifferences(@TempDir Path dir) {
        List<FitSettings.LossTerm> terms = new java.util.ArrayList<>(featureTerms());
        terms.add(new FitSettings.LossTerm("mse", 1.0, 3, null, null, List.of(20.0, 80.0), null, List.of(2.0, 0.5)));
        for (String kind : List.of("resting_potential", "input_resistance", "ap_peak", "mse")) {
            List<FitSettings.LossTerm> one = terms.stream().filter(t -> t.kind().equals(kind)).toList();
            FitProblem p = new FitProblem(FitConfig.of(adex(dir, one, "lbfgsb")));
            double[] x = {27, 3.5};
            double[][] g = new double[1][2];
            p.evaluate(new double[][] {x}, g);
            for (int d = 0; d < 2; d++) {
                double h = 1e-6 * x[d];
                double[] up = x.clone();
                double[] down = x.clone();
                up[d] += h;
                down[d] -= h;
                double fd = (p.evaluate(new double[][] {up}, null)[0] - p.evaluate(new double[][] {down}, null)[0]) / (2 * h);
                assertEquals(fd, g[0][d], 1e-5 * Math.abs(fd) + 1e-9, kind + " d/d" + (d == 0 ? "gL" : "a"));
            }
        }
    }

    @Test
    void windowedMseCountsOnlyItsWindowAndWeightsSweeps(@TempDir Path dir) {
        ResolvedProject r = adex(dir, List.of(new FitSettings.LossTerm("mse", 1.0, null, null, null)), "lbfgsb");
        double[] x = {27, 3.5};
        double[] whole = new FitProblem(FitConfig.of(r)).perSweep(x);
        ResolvedProject early = adex(dir, List.of(new FitSettings.LossTerm("mse", 1.0, null, null, null,
                List.of(0.0, 19.0), null, null)), "lbfgsb");
        double[] before = new FitProblem(FitConfig.of(early)).perSweep(x);
        assertTrue(before[0] < 1e-6 * whole[0], "before the stimulus model and target nearly agree: " + before[0]
                + " vs " + whole[0] + " over the whole sweep");
        ResolvedProject weighted = adex(dir, List.of(new FitSettings.LossTerm("mse", 1.0, null, null, null,
                List.of(20.0, 80.0), null, List.of(3.0, 0.5))), "lbfgsb");
        ResolvedProject plain = adex(dir, List.of(new FitSettings.LossTerm("mse", 1.0, null, null, null,
                List.of(20.0, 80.0), null, null)), "lbfgsb");
        double[] w = new FitProblem(FitConfig.of(weighted)).perSweep(x);
        double[] p = new FitProblem(FitConfig.of(plain)).perSweep(x);
        assertEquals(3 * p[0], w[0], 1e-12 * w[0]);
        assertEquals(0.5 * p[1], w[1], 1e-12 * w[1]);
    }

    @Test
    void resultReportsEveryTermOnEverySweep(@TempDir Path dir) {
        FitResult r = new FitJob(FitConfig.of(adex(dir, featureTerms(), "lbfgsb"))).run(null);
        assertEquals(List.of("resting_potential", "input_resistance", "ap_peak", "first_spike_latency", "spike_count"),
                List.copyOf(r.termLosses().keySet()));
        r.termLosses().values().forEach(v -> assertEquals(2, v.length));
        double sum = r.termLosses().values().stream().mapToDouble(v -> v[0] + v[1]).sum();
        assertEquals(r.loss(), sum, 1e-9 * Math.max(1, r.loss()), "the terms add up to the loss");
    }

    /** Every optimizer on a smooth (subthreshold) AdEx fit: from a loss of about 2.4 to well below it. */
    @ParameterizedTest
    @ValueSource(strings = {"lbfgsb", "adam", "de", "pso", "cmaes", "random"})
    void everyOptimizerImprovesASmallNeuronFit(String optimizer, @TempDir Path dir) {
        Project p = new Project(1, "adex-sub", "", new Project.ModelRef("adex", null, null), null,
                new Project.Stimulus(0.1, null, null, List.of(List.of(0.0, 10.0, -0.2, 90.0),
                        List.of(0.0, 10.0, 0.3, 90.0)), "nA"),
                List.of("V"), new Project.Target("V", null, Map.of("gL", 30.0, "a", 4.0)),
                new FitSettings(Map.of("gL", List.of(10.0, 60.0), "a", List.of(0.0, 10.0)),
                        List.of(new FitSettings.LossTerm("mse", 1.0, 5, null, null)), optimizer, 8, 25, null, null, 5L,
                        null, 0.05, null, null, null, null));
        Path file = dir.resolve("sub" + ProjectFiles.SUFFIX);
        ProjectFiles.write(p, file);
        FitConfig c = FitConfig.of(ResolvedProject.load(file));
        double start = new FitProblem(c).evaluate(new double[][] {{15.0, 8.0}}, null)[0];
        FitResult r = new FitJob(c).run(null);
        assertTrue(r.loss() < 0.05 * start, optimizer + " reaches a twentieth of the loss at (15, 8): " + r.loss()
                + " vs " + start + " at " + r.params());
    }
}
