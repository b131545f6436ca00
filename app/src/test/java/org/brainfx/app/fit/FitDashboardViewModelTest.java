package org.brainfx.app.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dashboard without a screen: the settings form against the project (validation, undoable
 * edits), why Start is blocked, a short fit's results, applying them and exporting them.
 * Resolution, simulation and export run synchronously on the calling thread.
 */
class FitDashboardViewModelTest {

    private static final Path HH = Path.of("..", "sample-projects", "hh-synthetic", "hh-synthetic.brainfx.json");
    private ProjectDocument document;
    private FitDashboardViewModel model;

    @BeforeEach
    void open() {
        document = ProjectDocument.open(HH);
        ProjectSession session = new ProjectSession(document, Runnable::run, UiExecutor.direct());
        model = new FitDashboardViewModel(session, new FitJobRunner(UiExecutor.direct()),
                ResourceBundle.getBundle("org.brainfx.ui.messages"), Runnable::run, UiExecutor.direct());
    }

    @Test
    void fittedValuesOutsideTheModelsBoundsAreNamedSoApplyCanRefuseThem() {
        ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
        var adex = org.brainfx.engine.model.library.ModelLibrary.get("adex");
        assertEquals("", FitResults.outsideModelBounds(adex, java.util.Map.of("b", 0.9, "C", 1e4), messages),
                "inside b's [0, 1]; C is fixed in the model and has no bounds");
        String outside = FitResults.outsideModelBounds(adex, java.util.Map.of("b", 1.5, "a", 3.0), messages);
        assertEquals("b = 1.5 nA (model: 0 to 1)", outside);
    }

    @Test
    void theFormShowsTheProjectsSettings() {
        assertEquals("lbfgsb", model.form().optimizer().textProperty().get());
        assertEquals("20", model.form().starts().textProperty().get());
        assertEquals("300", model.form().maxIterations().textProperty().get());
        assertEquals("1", model.form().seed().textProperty().get());
        assertEquals("", model.form().maxEvaluations().textProperty().get(), "not set: the prompt says what that means");
        assertEquals("none", model.form().maxEvaluations().defaultText());
        assertEquals("3", model.form().pruneEvery().textProperty().get());
        assertEquals("2", model.form().keepStarts().textProperty().get());
        assertEquals("uniform", model.form().startSampling().textProperty().get());
        assertEquals(1, model.form().lossTerms().size());
        LossTermRow mse = model.form().lossTerms().get(0);
        assertEquals("mse", mse.kindProperty().get());
        assertEquals("10", mse.divisions().textProperty().get());
        assertTrue(mse.applies(LossTermRow.Parameter.DIVISIONS).get());
        assertFalse(mse.applies(LossTermRow.Parameter.TAU).get());
        assertEquals("", model.startBlockedReasonProperty().get());
        assertTrue(model.canStartProperty().get());
        assertFalse(model.canPauseProperty().get() || model.canResumeProperty().get() || model.canStopProperty().get());
        assertEquals("Ready to fit 4 parameters of hh-synthetic.", model.statusProperty().get());
        assertEquals(5, model.sweepCountProperty().get());
        assertEquals(List.of(0, 1, 2), model.selectedSweeps());
        assertEquals("mV", model.targetUnitProperty().get());
        assertNotNull(model.overlayProperty().get(), "before a fit the chart shows the target and the model as it is");
        assertEquals(3, model.overlayProperty().get().sweeps().size());
    }

    static Stream<Arguments> badText() {
        return Stream.of(
                Arguments.of("starts", "0", "Starts must be a whole number from 1 to 10000 (got \u20180\u2019)."),
                Arguments.of("starts", "many", "Starts must be a whole number from 1 to 10000 (got \u2018many\u2019)."),
                Arguments.of("starts", "10001", "from 1 to 10000"),
                Arguments.of("maxIterations", "0", "Max iterations must be a whole number of at least 1 (got \u20180\u2019)."),
                Arguments.of("maxEvaluations", "-1", "Max evaluations must be a whole number of at least 0"),
                Arguments.of("budgetSeconds", "-2", "Time budget (s) must be a number of at least 0 (got \u2018-2\u2019)."),
                Arguments.of("budgetSeconds", "NaN", "Time budget (s) must be a number of at least 0"),
                Arguments.of("seed", "1.5", "Seed must be a whole number (got \u20181.5\u2019)."),
                Arguments.of("targetLoss", "x", "Target loss must be a number of at least 0 (got \u2018x\u2019)."),
                Arguments.of("learningRate", "0", "Learning rate must be a number above 0 (got \u20180\u2019)."),
                Arguments.of("pruneEvery", "-1", "Prune every (iterations) must be a whole number of at least 0"),
                Arguments.of("keepStarts", "0", "Keep starts must be a whole number from 1"),
                Arguments.of("optimizer", "newton", "Unknown Optimizer \u2018newton\u2019; choose one of lbfgsb, adam"),
                Arguments.of("startSampling", "sobol", "choose one of uniform, lhs"),
                Arguments.of("adamBounds", "clip", "choose one of projection, reparametrize"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("badText")
    void badTextIsExplainedBlocksStartAndNeverReachesTheProject(String id, String text, String message) {
        SettingField<?> field = field(id);
        Project before = document.project();
        field.textProperty().set(text);

        assertTrue(field.errorProperty().get().contains(message), field.errorProperty().get());
        assertEquals(text, field.textProperty().get(), "invalid text stays as typed");
        assertSame(before, document.project());
        assertFalse(document.canUndoProperty().get());
        assertFalse(model.canStartProperty().get());
        assertTrue(model.startBlockedReasonProperty().get().startsWith("Fix the settings first: "),
                model.startBlockedReasonProperty().get());
        assertTrue(model.startBlockedReasonProperty().get().contains(message));
    }

    @Test
    void validEditsGoToTheProjectOneUndoableEditEach() {
        model.form().starts().textProperty().set(" 3 ");
        assertEquals(3, document.project().fit().starts());
        assertEquals("Change Starts", document.undoDescriptionProperty().get());
        model.form().budgetSeconds().textProperty().set("2.5");
        assertEquals(2.5, document.project().fit().budgetSeconds());
        model.form().maxIterations().textProperty().set("");
        assertEquals(null, document.project().fit().maxIterations(), "empty: the default");
        model.form().optimizer().textProperty().set("de");
        assertEquals("de", document.project().fit().optimizer());
        assertTrue(model.canStartProperty().get(), model.startBlockedReasonProperty().get());
        assertEquals("de", model.configProperty().get().optimizer(), "Start runs what the project says");

        document.undo();
        document.undo();
        assertEquals("300", model.form().maxIterations().textProperty().get(), "undo shows the restored value");
        assertEquals("lbfgsb", model.form().optimizer().textProperty().get());
        document.undo();
        document.undo();
        assertEquals("20", model.form().starts().textProperty().get());
        assertEquals("", model.form().budgetSeconds().textProperty().get());
        assertEquals(ProjectDocument.open(HH).project(), document.project());
    }

    @Test
    void anUndoReplacesInvalidTextOnlyOfTheFieldItChanges() {
        model.form().starts().textProperty().set("4");
        model.form().seed().textProperty().set("one");
        document.undo();
        assertEquals("20", model.form().starts().textProperty().get());
        assertEquals("one", model.form().seed().textProperty().get(), "another field's edit leaves this text alone");
        assertFalse(model.form().seed().errorProperty().get().isEmpty());
    }

    @Test
    void lossTermParametersAreValidatedAndEdited() {
        LossTermRow term = model.form().lossTerms().get(0);
        term.weight().textProperty().set("-1");
        assertTrue(term.weight().errorProperty().get().startsWith("Weight must be a number of at least 0"));
        term.every().textProperty().set("0");
        assertTrue(term.every().errorProperty().get().contains("at least 1"));
        term.window().textProperty().set("200, 100");
        assertEquals("Window (ms) must be two times in ms, start before end, e.g. 10, 200 (got \u2018200, 100\u2019).",
                term.window().errorProperty().get());
        assertFalse(model.canStartProperty().get());
        assertFalse(document.canUndoProperty().get(), "nothing invalid reached the project");

        term.weight().textProperty().set("2");
        term.every().textProperty().set("");
        term.window().textProperty().set("10, 200");
        FitSettings.LossTerm saved = document.project().fit().losses().get(0);
        assertEquals(2.0, saved.weight());
        assertEquals(List.of(10.0, 200.0), saved.window());
        assertEquals(10, saved.divisions(), "untouched parameters stay");
        assertTrue(model.canStartProperty().get(), model.startBlockedReasonProperty().get());

        term.kindProperty().set("van_rossum");
        FitSettings.LossTerm retyped = document.project().fit().losses().get(0);
        assertEquals("van_rossum", retyped.kind());
        assertEquals(2.0, retyped.weight(), "the weight survives a change of kind");
        assertEquals(null, retyped.divisions(), "parameters the new kind ignores are dropped");
        assertTrue(term.applies(LossTermRow.Parameter.TAU).get());
        term.tau().textProperty().set("0");
        assertTrue(term.tau().errorProperty().get().contains("above 0"));
        term.tau().textProperty().set("20");
        assertEquals(20.0, document.project().fit().losses().get(0).tau());
    }

    @Test
    void sweepWeightsAreOnePerSweepAndReachTheProject() {
        LossTermRow term = model.form().lossTerms().get(0);
        assertTrue(term.applies(LossTermRow.Parameter.SWEEP_WEIGHTS).get(), "an mse term weights its sweeps");
        term.sweepWeights().textProperty().set("1, -2");
        assertTrue(term.sweepWeights().errorProperty().get().startsWith("Sweep weights must be one number of at least 0"),
                term.sweepWeights().errorProperty().get());
        term.sweepWeights().textProperty().set("0, 0, 0, 0, 0");
        assertFalse(term.sweepWeights().errorProperty().get().isEmpty(), "not all zero");
        assertFalse(document.canUndoProperty().get(), "nothing invalid reached the project");

        term.sweepWeights().textProperty().set("1, 2");
        assertEquals(List.of(1.0, 2.0), document.project().fit().losses().get(0).sweepWeights());
        assertFalse(model.canStartProperty().get(), "two weights for five sweeps");
        assertTrue(model.startBlockedReasonProperty().get().contains("sweepWeights"),
                model.startBlockedReasonProperty().get());

        term.sweepWeights().textProperty().set("1 2 1; 1, 0.5");
        assertEquals(List.of(1.0, 2.0, 1.0, 1.0, 0.5), document.project().fit().losses().get(0).sweepWeights());
        assertTrue(model.canStartProperty().get(), model.startBlockedReasonProperty().get());
        term.kindProperty().set("spike_count");
        assertEquals(null, document.project().fit().losses().get(0).sweepWeights(), "only mse reads them");
        document.undo();
        assertEquals("1, 2, 1, 1, 0.5", term.sweepWeights().textProperty().get(), "undo shows them again");
        term.sweepWeights().textProperty().set("");
        assertEquals(null, document.project().fit().losses().get(0).sweepWeights(), "empty: all 1");
    }

    @Test
    void inputResistanceAsksForItsWindows() {
        LossTermRow term = model.form().lossTerms().get(0);
        term.kindProperty().set("input_resistance");
        assertTrue(term.problemProperty().get().contains("needs a window"));
        assertFalse(model.canStartProperty().get());
        assertTrue(model.startBlockedReasonProperty().get().contains("Term 1: input resistance needs"),
                model.startBlockedReasonProperty().get());
        term.window().textProperty().set("50, 150");
        term.baseline().textProperty().set("0, 40");
        assertEquals("", term.problemProperty().get());
        assertTrue(model.canStartProperty().get(), model.startBlockedReasonProperty().get());
    }

    @Test
    void freeParametersAndTheirBoundsAreEditedUndoably() {
        assertEquals(List.of("gL", "gNa", "gK", "Vth", "C"),
                model.form().freeParameters().stream().map(FreeParameterRow::name).toList());
        FreeParameterRow gL = model.form().freeParameters().get(0);
        FreeParameterRow c = model.form().freeParameters().get(4);
        assertTrue(gL.freeProperty().get());
        assertEquals("0.0001", gL.lower().textProperty().get());
        assertEquals("0.1", gL.upper().textProperty().get());
        assertFalse(c.freeProperty().get());
        assertEquals("nF", c.unit());

        gL.lower().textProperty().set("0.5");
        assertEquals("The bounds of gL must have lower < upper (got 0.5 and 0.1).", gL.lower().errorProperty().get());
        assertFalse(document.canUndoProperty().get());
        assertFalse(model.canStartProperty().get());
        gL.lower().textProperty().set("abc");
        assertEquals("gL lower bound (uS) must be a number (got ‘abc’).", gL.lower().errorProperty().get());
        gL.lower().textProperty().set("0.001");
        assertEquals(List.of(0.001, 0.1), document.project().fit().free().get("gL"));
        assertEquals("Change bounds of gL", document.undoDescriptionProperty().get());

        model.form().freeParameters().get(2).freeProperty().set(false);
        assertFalse(document.project().fit().free().containsKey("gK"));
        assertEquals("Fix gK", document.undoDescriptionProperty().get());
        assertEquals("Ready to fit 3 parameters of hh-synthetic.", model.statusProperty().get());
        c.freeProperty().set(true);
        assertEquals(List.of(0.02, 2.0), document.project().fit().free().get("C"),
                "a parameter without model bounds gets a decade either side of its value");
        assertEquals(List.of("gL", "gNa", "Vth", "C"), List.copyOf(document.project().fit().free().keySet()),
                "the model's order");

        document.undo();
        document.undo();
        assertTrue(model.form().freeParameters().get(2).freeProperty().get());
        assertFalse(c.freeProperty().get());
        document.undo();
        assertEquals("0.0001", gL.lower().textProperty().get());
        assertEquals(ProjectDocument.open(HH).project(), document.project());
    }

    @Test
    void lossTermsAreAddedAndRemovedUndoably() {
        model.form().addLossTerm();
        assertEquals(2, model.form().lossTerms().size());
        assertEquals(2, document.project().fit().losses().size());
        model.form().lossTerms().get(1).kindProperty().set("spike_count");
        assertEquals("spike_count", document.project().fit().losses().get(1).kind());
        model.form().removeLossTerm(0);
        assertEquals(1, model.form().lossTerms().size());
        assertEquals("spike_count", model.form().lossTerms().get(0).kindProperty().get());
        model.form().removeLossTerm(0);
        assertEquals(1, model.form().lossTerms().size(), "the last term stays");
        document.undo();
        assertEquals(2, model.form().lossTerms().size());
        assertEquals("mse", model.form().lossTerms().get(0).kindProperty().get());
    }

    @Test
    void aProjectThatCannotBeFittedSaysWhy() {
        document.edit("Break", p -> new Project(p.schemaVersion(), p.name(), p.description(),
                new Project.ModelRef("no-such-model", null, null), p.parameters(), p.stimulus(), p.record(),
                p.target(), p.fit(), p.recording()));
        assertFalse(model.canStartProperty().get());
        assertTrue(model.startBlockedReasonProperty().get().startsWith("The project cannot be fitted: "),
                model.startBlockedReasonProperty().get());
        assertTrue(model.startBlockedReasonProperty().get().contains("no-such-model"));
        document.undo();
        assertTrue(model.canStartProperty().get());
    }

    @Test
    void aFitFillsTheResultsWhichApplyAndExport(@TempDir Path dir) throws Exception {
        model.form().starts().textProperty().set("2");
        model.form().maxIterations().textProperty().set("3");
        runToTheEnd();

        assertEquals(FitJobRunner.State.FINISHED, model.runner().stateProperty().get());
        String status = model.statusProperty().get();
        assertTrue(status.matches("Finished: [^()]+ · iteration \\d+/3 · \\d+ evaluations · \\d+\\.\\d s · best loss .+"),
                status);
        assertEquals(List.of("gL", "gNa", "gK", "Vth"), model.results().parameterRows().stream().map(ParameterRow::name).toList());
        ParameterRow gL = model.results().parameterRows().get(0);
        assertEquals(0.0001, gL.lower());
        assertEquals(0.1, gL.upper());
        assertEquals(0.02, gL.start(), "the project's value before the fit");
        assertEquals("mV", model.results().parameterRows().get(3).unit());
        assertEquals(5, model.results().sweepLosses().size());
        assertTrue(model.results().sweepLosses().stream().allMatch(r -> Double.isFinite(r.loss()) && Double.isFinite(r.rmse())));
        assertTrue(Double.isFinite(model.results().rmse()));
        assertFalse(model.trajectories().isEmpty());
        assertEquals(List.of("gL", "gNa", "gK", "Vth"), model.trajectoryNames());
        assertTrue(model.trajectories().stream().allMatch(p -> p.fractions().length == 4));
        assertNotNull(model.startLossesProperty().get());
        assertEquals("fit", model.overlayProperty().get().modelLabel());
        assertTrue(model.results().canApplyProperty().get());
        assertTrue(model.results().canExportProperty().get());
        assertEquals(1, document.project().savedFits().size(), "the result is kept in the project");
        assertEquals("Keep fit result 1", document.undoDescriptionProperty().get());
        assertEquals(gL.value(), document.project().savedFits().get(0).params().get("gL"));
        assertEquals(0.008363657201143428, gL.truth(), "a synthetic target knows the truth");
        assertTrue(model.results().sweepLosses().stream().allMatch(r -> r.targetSpikes() >= 0 && r.fittedSpikes() >= 0),
                "target and fitted spike counts per sweep");
        assertTrue(model.results().resultSummaryProperty().get().contains("iteration budget used up. Next: "),
                model.results().resultSummaryProperty().get());

        model.results().applyBestParameters();
        assertEquals("Apply fitted parameters", document.undoDescriptionProperty().get());
        assertEquals(gL.value(), document.project().parameters().get("gL"));
        assertEquals(model.results().parameterRows().get(3).value(), document.project().parameters().get("Vth"));
        assertTrue(document.isDirty());
        assertTrue(model.results().noticeProperty().get().contains("Undo restores"));
        document.undo();
        assertEquals(0.02, document.project().parameters().get("gL"));
        assertEquals("", model.results().noticeProperty().get(), "after Undo the note about Undo is gone");

        Path csv = dir.resolve("out").resolve("fit.csv");
        Path json = dir.resolve("fit.json");
        model.results().exportCsv(csv);
        model.results().exportJson(json);
        assertEquals("Wrote fit.json.", model.results().noticeProperty().get());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("parameter,fitted,unit,lower,upper,start", lines.get(0));
        assertEquals(5, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals("gL", first[0]);
        assertEquals(gL.value(), Double.parseDouble(first[1]), "exact, not rounded");
        JsonObject summary = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(List.of("loss", "params", "evaluations", "iterations", "wallSeconds", "history", "rmse", "stopReason"),
                List.copyOf(summary.keySet()), "the shape of brainfx fit --json");
        assertEquals(gL.value(), summary.getAsJsonObject("params").get("gL").getAsDouble());
        assertEquals(model.results().rmse(), summary.get("rmse").getAsDouble());
    }

    @Test
    void aSweepCanBeShownAloneAndTheOthersComeBack() {
        assertEquals(List.of(0, 1, 2), model.selectedSweeps());
        model.focusSweep(4);
        assertEquals(List.of(4), model.selectedSweeps());
        assertTrue(model.sweepFocusedProperty().get());
        model.unfocusSweep();
        assertEquals(List.of(0, 1, 2), model.selectedSweeps());
        assertFalse(model.sweepFocusedProperty().get());
        model.focusSweep(1);
        model.selectedSweeps().setAll(1, 3);
        assertFalse(model.sweepFocusedProperty().get(), "choosing sweeps by hand ends the focus");
        model.unfocusSweep();
        assertEquals(List.of(1, 3), model.selectedSweeps());
    }

    @Test
    void aFailedExportIsReported(@TempDir Path dir) throws Exception {
        model.form().starts().textProperty().set("1");
        model.form().maxIterations().textProperty().set("1");
        runToTheEnd();
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        model.results().exportCsv(blocker.resolve("fit.csv"));
        assertTrue(model.results().failureProperty().get().startsWith("Cannot write "), model.results().failureProperty().get());
        model.results().failureShown();
        assertEquals("", model.results().failureProperty().get());
    }

    private void runToTheEnd() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        model.runner().stateProperty().addListener((obs, old, now) -> {
            if (!now.active()) {
                done.countDown();
            }
        });
        assertTrue(model.canStartProperty().get(), model.startBlockedReasonProperty().get());
        model.start();
        assertTrue(done.await(60, TimeUnit.SECONDS), "fit ended");
    }

    private SettingField<?> field(String id) {
        return Stream.of(model.form().optimizer(), model.form().starts(), model.form().maxIterations(), model.form().maxEvaluations(),
                        model.form().budgetSeconds(), model.form().seed(), model.form().targetLoss(), model.form().learningRate(), model.form().pruneEvery(),
                        model.form().keepStarts(), model.form().startSampling(), model.form().adamBounds())
                .filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
