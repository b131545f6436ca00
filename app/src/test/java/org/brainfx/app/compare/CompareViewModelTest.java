package org.brainfx.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.job.Comparison;
import org.brainfx.engine.job.FitConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Compare view's form, race, table and exports without a screen: the race runs on the calling
 * thread, and UI updates run at once, one at a time (the engine delivers curves on its own thread).
 */
class CompareViewModelTest {

    private static final Path PROJECT = Path.of("..", "sample-projects", "hh-synthetic");
    private final Object uiLock = new Object();
    private final UiExecutor serialUi = action -> {
        synchronized (uiLock) {
            action.run();
        }
    };
    private CompareViewModel model;

    @TempDir
    Path dir;

    @BeforeEach
    void openProject() {
        ProjectSession session = new ProjectSession(ProjectDocument.open(PROJECT), Runnable::run, UiExecutor.direct());
        model = new CompareViewModel(session, new CompareRunner(Runnable::run, serialUi),
                ResourceBundle.getBundle("org.brainfx.ui.messages"));
    }

    private void choose(String... optimizers) {
        for (String name : FitConfig.OPTIMIZERS) {
            model.chosenProperty(name).set(List.of(optimizers).contains(name));
        }
    }

    @Test
    void startsWithTheCommandLinesRaceAndSaysWhatToDo() {
        assertEquals("", model.validationMessageProperty().get());
        assertTrue(model.canStartProperty().get());
        assertFalse(model.canStopProperty().get() || model.canExportProperty().get());
        assertTrue(model.chosenProperty("lbfgsb").get() && !model.chosenProperty("adam").get());
        assertEquals("15 runs \u00b7 about 45 s", model.planProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Race optimizers on the 4 free parameters of hh-synthetic"),
                model.statusProperty().get());
    }

    @Test
    void rowsAppearOptimizerByOptimizerAndTheWinnerIsMarkedAtTheEnd() {
        choose("lbfgsb", "random");
        model.budgetSecondsProperty().set("0.2");
        model.repeatsProperty().set("2");
        List<Integer> sizes = new ArrayList<>();
        model.rows().addListener((ListChangeListener<CompareRow>) c -> sizes.add(model.rows().size()));

        model.start();

        assertEquals(CompareRunner.State.FINISHED, model.runner().stateProperty().get());
        assertEquals(List.of("lbfgsb", "random"), model.rows().stream().map(CompareRow::optimizer).toList());
        assertEquals(List.of(1, 2), sizes.subList(0, 2), "a row as soon as an optimizer's repeats are done");
        assertEquals(1, model.rows().stream().filter(CompareRow::best).count(), "exactly one winner");
        assertTrue(model.rows().stream().allMatch(r -> r.runs().equals("2")));
        assertEquals(4, model.chart().getXYPlot().getDataset().getSeriesCount(), "one curve per run");
        assertEquals(1.0, model.progressProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Finished 4 runs. Best: "), model.statusProperty().get());
        assertTrue(model.canExportProperty().get() && model.canStartProperty().get());
        Comparison.Result result = model.runner().resultProperty().get();
        for (Comparison.OptimizerSummary s : result.optimizers()) {
            // Equal budgets: random search never converges, so it runs its whole budget.
            assertTrue(s.name().equals("lbfgsb") || s.wallSecondsMean() >= 0.2, s.toString());
        }
    }

    @Test
    void stopEndsTheRunningOptimizerAndKeepsTheFinishedRows() {
        choose("de", "random");
        model.budgetSecondsProperty().set("1");
        model.repeatsProperty().set("1");
        model.runner().curveProperty().addListener((obs, old, curve) -> {
            // Random search never converges: only Stop can end its run before the budget.
            if (curve != null && curve.optimizer().equals("random") && !curve.done()) {
                model.stop();
            }
        });

        model.start();

        assertEquals(CompareRunner.State.CANCELLED, model.runner().stateProperty().get());
        assertEquals(List.of("de"), model.rows().stream().map(CompareRow::optimizer).toList(),
                "de finished; the stopped run of random is no row");
        assertTrue(model.statusProperty().get().startsWith("Stopped; the table keeps the one optimizer with finished runs."),
                model.statusProperty().get());
        assertTrue(model.canExportProperty().get(), "the finished rows can still be exported");
        assertEquals(2, model.chart().getXYPlot().getDataset().getSeriesCount(), "the stopped run's curve stays");
    }

    @Test
    void formProblemsAreExplainedAndBlockStart() {
        choose();
        model.budgetSecondsProperty().set("0");
        model.repeatsProperty().set("21");
        model.targetLossProperty().set("-1");

        String message = model.validationMessageProperty().get();
        assertTrue(message.contains("Choose at least one optimizer to race."), message);
        assertTrue(message.contains("Budget per run must be a number of seconds above 0 and at most 3600 (got \u20180\u2019)."),
                message);
        assertTrue(message.contains("Repeats must be a whole number from 1 to 20 (got \u201821\u2019)."), message);
        assertTrue(message.contains("Target loss must be a number \u2265 0, or empty for none (got \u2018-1\u2019)."),
                message);
        assertFalse(model.canStartProperty().get());
        assertEquals("", model.planProperty().get());

        model.budgetSecondsProperty().set("fast");
        model.repeatsProperty().set("0");
        assertTrue(model.validationMessageProperty().get().contains("(got \u2018fast\u2019)"));
        assertTrue(model.validationMessageProperty().get().contains("(got \u20180\u2019)"));

        choose("pso");
        model.budgetSecondsProperty().set("1.5");
        model.repeatsProperty().set("2");
        model.targetLossProperty().set("");
        assertEquals("", model.validationMessageProperty().get());
        assertTrue(model.canStartProperty().get());
        assertEquals("2 runs \u00b7 about 3.0 s", model.planProperty().get());
    }

    @Test
    void exportsTheTableAsCsvAndJsonAndTheChartAsSvg() throws IOException {
        choose("pso", "random");
        model.budgetSecondsProperty().set("0.2");
        model.repeatsProperty().set("1");
        model.targetLossProperty().set("1e30");
        model.start();

        Path csv = dir.resolve("race.csv");
        Path json = dir.resolve("race.json");
        Path svg = dir.resolve("race.svg");
        model.exportCsv(csv);
        model.exportJson(json);
        model.exportChart(svg);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).startsWith("random,1,") && lines.get(2).endsWith(",1,1.0E30"), lines.get(2));
        JsonObject table = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(Set.of("optimizers", "target"), table.keySet());
        assertEquals("random", table.getAsJsonArray("optimizers").get(1).getAsJsonObject().get("name").getAsString());
        assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("Best loss vs wall time"));
        assertEquals("Saved " + svg, model.noticeProperty().get());
        assertNotNull(model.runner().resultProperty().get().target());
    }
}
