package org.brainfx.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectException;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.ResolvedProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's {@code fit.screen}: read, checked, and used by a gradient fit. */
class FitScreeningTest {

    private static Path project(Path dir, Integer screen) {
        Project base = ProjectFiles.read(FitLossesTest.adex(dir, List.of(new FitSettings.LossTerm("mse", 1.0, 5, null,
                null)), "lbfgsb").file());
        FitSettings f = base.fit();
        FitSettings screened = new FitSettings(f.free(), f.losses(), f.optimizer(), 3, 20, f.maxEvaluations(),
                f.budgetSeconds(), f.seed(), f.targetLoss(), f.learningRate(), f.pruneEvery(), f.keepStarts(),
                f.startSampling(), f.adamBounds(), screen);
        Project p = new Project(base.schemaVersion(), base.name(), base.description(), base.model(), base.parameters(),
                base.stimulus(), base.record(), base.target(), screened, base.recording());
        Path file = dir.resolve("screened" + ProjectFiles.SUFFIX);
        ProjectFiles.write(p, file);
        return file;
    }

    @Test
    void aScreenedGradientFitFirstEvaluatesScreenTimesStartsPointsWithoutGradients(@TempDir Path dir) throws Exception {
        Path file = project(dir, 4);
        assertTrue(Files.readString(file).contains("\"screen\": 4"), "written to the project file");
        assertEquals(4, FitConfig.of(ResolvedProject.load(file)).screen());

        FitConfig hh = FitConfig.of(ResolvedProject.load(Path.of("..", "sample-projects", "hh-synthetic")));
        FitConfig screened = new FitConfig(hh.project(), hh.free(), hh.losses(), "lbfgsb", 3, 100, 0, 0, 1, 0,
                hh.learningRate(), 0, 1, hh.startSampling(), hh.adamBounds(), 4);
        FitResult r = new FitJob(screened).run(null);
        assertEquals(12, r.history().get(0).evaluations(), "the first round screens 3 starts × 4 points");
        assertEquals(3, r.startLosses().length, "and 3 starts run");
        double best = r.history().get(0).bestLoss();
        assertTrue(r.loss() < 1e-6 * best, "the gradient starts go on from the best screened point: " + best + " → "
                + r.loss());
    }

    @Test
    void aScreenBelowOneIsRefusedNamingTheSetting(@TempDir Path dir) {
        Path file = project(dir, 0);
        ProjectException e = assertThrows(ProjectException.class, () -> FitConfig.of(ResolvedProject.load(file)));
        assertTrue(e.getMessage().contains("\"fit.screen\""), e.getMessage());
    }
}
