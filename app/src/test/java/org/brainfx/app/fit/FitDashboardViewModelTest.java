package org.brainfx.app.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.project.ResolvedProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's settings, validation, button states and results, without a screen. */
class FitDashboardViewModelTest {

    private static FitConfig base;
    private FitDashboardViewModel model;

    @BeforeAll
    static void loadProject() {
        base = FitConfig.of(ResolvedProject.load(
                Path.of("..", "sample-projects", "hh-synthetic", "hh-synthetic.brainfx.json")));
    }

    @BeforeEach
    void newModel() {
        model = new FitDashboardViewModel(base, new FitJobRunner(UiExecutor.direct()),
                ResourceBundle.getBundle("org.brainfx.ui.messages"));
    }

    @Test
    void startsFromTheProjectsSettings() {
        assertEquals("lbfgsb", model.optimizerProperty().get());
        assertEquals("20", model.startsProperty().get());
        assertEquals("300", model.maxIterationsProperty().get());
        assertEquals("1", model.seedProperty().get());
        assertEquals("", model.validationMessageProperty().get());
        assertTrue(model.canStartProperty().get());
        assertFalse(model.canPauseProperty().get() || model.canResumeProperty().get() || model.canStopProperty().get());
        assertEquals("Ready to fit 4 parameters of hh-synthetic.", model.statusProperty().get());
    }

    @Test
    void badValuesAreExplainedAndBlockStart() {
        model.startsProperty().set("0");
        model.maxIterationsProperty().set("many");
        model.seedProperty().set("1.5");
        String message = model.validationMessageProperty().get();
        assertTrue(message.contains("Starts must be a whole number from 1 to 10000 (got \u20180\u2019)"), message);
        assertTrue(message.contains("Max iterations must be a whole number"), message);
        assertTrue(message.contains("\u2018many\u2019"), message);
        assertTrue(message.contains("Seed must be a whole number (got \u20181.5\u2019)"), message);
        assertFalse(model.canStartProperty().get());

        model.startsProperty().set(" 3 ");
        model.maxIterationsProperty().set("5");
        model.seedProperty().set("-7");
        assertEquals("", model.validationMessageProperty().get());
        assertTrue(model.canStartProperty().get());

        model.optimizerProperty().set("newton");
        assertTrue(model.validationMessageProperty().get().startsWith("Unknown optimizer \u2018newton\u2019"));
    }

    @Test
    void aFitFillsStatusAndResults() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        model.runner().stateProperty().addListener((obs, old, now) -> {
            if (!now.active()) {
                done.countDown();
            }
        });
        model.startsProperty().set("2");
        model.maxIterationsProperty().set("3");

        model.start();
        assertTrue(done.await(60, TimeUnit.SECONDS), "fit ended");

        assertEquals(FitJobRunner.State.FINISHED, model.runner().stateProperty().get());
        assertTrue(model.canStartProperty().get());
        assertFalse(model.canStopProperty().get());
        String status = model.statusProperty().get();
        assertTrue(status.matches("Finished \\(.+\\) · iteration \\d+/3 · \\d+ evaluations · \\d+\\.\\d s · best loss .+"),
                status);
        assertEquals(List.of("gL", "gNa", "gK", "Vth"), model.results().stream().map(ParameterRow::name).toList());
        assertEquals("mV", model.results().get(3).unit());
        assertTrue(model.results().stream().allMatch(r -> Double.isFinite(r.value())));
    }
}
