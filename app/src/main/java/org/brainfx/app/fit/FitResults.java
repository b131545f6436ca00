package org.brainfx.app.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.app.report.FitSummary;
import org.brainfx.app.report.Numbers;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitJob;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.job.FreeParameter;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.project.SavedFit;
import org.brainfx.engine.sim.NonFiniteStateException;
import org.brainfx.engine.sim.SimulationResult;

/**
 * The fit dashboard's results: the fitted parameters and per-sweep losses of the last fit (or of a
 * result the project keeps), its one-line summary, keeping it in the project, applying its
 * parameters (one undoable edit) and exporting it as CSV or JSON.
 */
public final class FitResults {
    /** A finished fit with what the results need beyond the engine's result. */
    private record Outcome(FitConfig config, FitResult result, double rmse) { }

    private final ProjectSession session;
    private final ProjectDocument document;
    private final FitJobRunner runner;
    private final ResourceBundle messages;
    private final Executor background;
    private final UiExecutor ui;
    private final ReadOnlyStringProperty targetUnit;
    private final ObservableList<ParameterRow> results = FXCollections.observableArrayList();
    private final ObservableList<SweepLossRow> sweepLosses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyStringWrapper resultSummary = new ReadOnlyStringWrapper(this, "resultSummary", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyObjectWrapper<SavedFit> shownSaved = new ReadOnlyObjectWrapper<>(this, "shownSaved");
    private final BooleanBinding canApply;
    private final BooleanBinding canExport;
    // The fit whose result is shown (its bounds word the summary).
    private FitConfig running;
    // The project right after "Apply fitted parameters": the note that Undo restores the earlier values holds until it changes.
    private Project applied;

    /** The results of fits of the session's project run by {@code runner}; simulations and exports run on {@code background}. */
    FitResults(ProjectSession session, FitJobRunner runner, ResourceBundle messages, Executor background, UiExecutor ui,
               ReadOnlyStringProperty targetUnit) {
        this.session = session;
        this.document = session.document();
        this.runner = runner;
        this.messages = messages;
        this.background = background;
        this.ui = ui;
        this.targetUnit = targetUnit;
        var state = runner.stateProperty();
        canApply = Bindings.createBooleanBinding(() -> !state.get().active()
                && !results.isEmpty() && results.stream().allMatch(r -> Double.isFinite(r.value())),
                state, results);
        canExport = Bindings.createBooleanBinding(() -> !state.get().active() && outcome.get() != null, state, outcome);
    }

    /**
     * Shows the result {@code r} of the fit of {@code c} and keeps it in the project; when its parameters
     * are finite it is simulated in the background for the RMSE and spike columns first. Returns the best
     * point, or null when it is not finite.
     */
    double[] fitEnded(FitConfig c, FitResult r, Map<String, Double> startValues, FitSettings settings, FitJob job) {
        running = c;
        ResolvedProject project = c.project();
        List<ParameterRow> rows = new ArrayList<>();
        double[] best = new double[c.free().size()];
        for (int d = 0; d < best.length; d++) {
            FreeParameter p = c.free().get(d);
            Double value = r.params().get(p.name());
            best[d] = value == null ? Double.NaN : value;
            rows.add(new ParameterRow(p.name(), best[d], p.unit() == null ? "" : p.unit(), p.lower(), p.upper(),
                    startValues.getOrDefault(p.name(), Double.NaN), KeptResults.truth(project, p.name())));
        }
        results.setAll(rows);
        int[] targetSpikes = KeptResults.targetSpikes(project);
        sweepLosses.setAll(KeptResults.sweepRows(r.perSweepLoss(), null, targetSpikes, null));
        SavedFit kept = SavedFit.of(r, settings, Instant.now(), null, targetSpikes, null);
        if (Arrays.stream(best).allMatch(Double::isFinite)) {
            summarize(job, c, r, best, kept);
            return best;
        }
        keep(kept);
        resultSummary.set(summaryText(kept, Double.NaN));
        return null;
    }

    /** No fit result (a new run, or one that failed): the tables empty unless a kept result is shown. */
    void noFit() {
        if (shownSaved.get() == null) {
            results.clear();
            sweepLosses.clear();
        }
    }

    /** A new fit starts: nothing kept is shown, the last outcome and notice go. */
    void clearForRun(FitConfig c) {
        running = c;
        shownSaved.set(null);
        outcome.set(null);
        resultSummary.set("");
        notice.set("");
    }

    /** The project changed: the "applied" note and a shown result that was deleted go. */
    void projectChanged(Project now) {
        if (applied != null && now != applied) {
            applied = null;
            if (notice.get().equals(text("fit.applied"))) {
                notice.set("");
            }
        }
        if (shownSaved.get() != null && !now.savedFits().contains(shownSaved.get())) {
            // The shown result was deleted (or its keeping undone): nothing left to show for it.
            shownSaved.set(null);
            results.clear();
            sweepLosses.clear();
            resultSummary.set("");
        }
    }

    /** Simulates the best point off the UI thread for the RMSE and spike columns and the JSON export, then keeps the result. */
    private void summarize(FitJob job, FitConfig c, FitResult r, double[] best, SavedFit kept) {
        background.execute(() -> {
            double[] rmse;
            int[] spikes;
            try {
                SimulationResult fitted = job.problem().simulate(best);
                Unit unit = c.project().model().checked().states()
                        .get(c.project().model().stateIndex(c.project().targetState())).unit();
                rmse = job.problem().rmsePerSweep(fitted);
                for (int s = 0; s < rmse.length; s++) {
                    rmse[s] /= unit.toInternalFactor();
                }
                spikes = new int[rmse.length];
                for (int s = 0; s < spikes.length; s++) {
                    spikes[s] = fitted.spikeCount(s);
                }
            } catch (NonFiniteStateException e) {
                rmse = null;
                spikes = null;
            }
            double[] perSweep = rmse;
            int[] fittedSpikes = spikes;
            ui.execute(() -> {
                if (runner.resultProperty().get() != r) {
                    return;
                }
                double total = Double.NaN;
                if (perSweep != null) {
                    double sum = 0;
                    for (double v : perSweep) {
                        sum += v * v;
                    }
                    total = Math.sqrt(sum / perSweep.length);
                }
                SavedFit simulated = kept.withSimulation(perSweep, fittedSpikes);
                sweepLosses.setAll(KeptResults.sweepRows(r.perSweepLoss(), perSweep, KeptResults.targetSpikes(c.project()),
                        fittedSpikes));
                outcome.set(new Outcome(c, r, total));
                resultSummary.set(summaryText(simulated, total));
                keep(simulated);
            });
        });
    }
    /** Adds {@code kept} to the project's results (one undoable edit); it is what the dashboard shows. */
    private void keep(SavedFit kept) {
        int number = document.project().savedFits().size() + 1;
        document.edit(MessageFormat.format(text("fit.edit.keep"), number), p -> ProjectEdits.withResultAdded(p, kept));
        shownSaved.set(kept);
    }
    private String summaryText(SavedFit s, double rmse) {
        Map<String, List<Double>> bounds = s.settings() != null && s.settings().free() != null ? s.settings().free()
                : running == null ? Map.of() : KeptResults.bounds(running.free());
        return MessageFormat.format(text("fit.results.summary"), Numbers.significant(s.loss()),
                Numbers.significant(rmse), targetUnit.get(),
                StopExplanation.of(s.stopReason(), s.iterations(), s.params(), bounds, messages), s.evaluations(),
                String.format(Locale.ROOT, "%.1f s", s.wallSeconds()));
    }
    /**
     * Shows a result the project keeps (e.g. after reopening it) in the results tables, as when its
     * fit had just ended; does nothing while a fit runs.
     */
    public void showSaved(SavedFit saved) {
        if (saved == null || runner.stateProperty().get().active()) {
            return;
        }
        ResolvedProject r = session.resolved();
        results.setAll(KeptResults.parameterRows(saved, r));
        sweepLosses.setAll(KeptResults.sweepRows(saved));
        double rmse = Double.NaN;
        if (saved.perSweepRmse() != null && !saved.perSweepRmse().isEmpty()) {
            double sum = 0;
            for (double v : saved.perSweepRmse()) {
                sum += v * v;
            }
            rmse = Math.sqrt(sum / saved.perSweepRmse().size());
        }
        resultSummary.set(MessageFormat.format(text("fit.results.saved"), Numbers.shortDate(saved.date()), saved.version(),
                summaryText(saved, rmse)));
        shownSaved.set(saved);
    }
    /** The kept result the results tables show, or null (a fit not yet kept, or none). */
    public ReadOnlyObjectProperty<SavedFit> shownSavedProperty() {
        return shownSaved.getReadOnlyProperty();
    }
    /** Writes the fitted parameters into the project (one undoable edit named "Apply fitted parameters"). */
    public void applyBestParameters() {
        if (!canApply.get()) {
            return;
        }
        Map<String, Double> fitted = new LinkedHashMap<>();
        for (ParameterRow row : results) {
            fitted.put(row.name(), row.value());
        }
        String outside = session.resolved() == null ? "" : outsideModelBounds(session.resolved().spec(), fitted, messages);
        if (!outside.isEmpty()) {
            // Written anyway, the project would fail its own model check and stop resolving.
            notice.set(MessageFormat.format(text("fit.apply.outside"), outside));
            return;
        }
        document.edit(text("fit.edit.apply"), p -> {
            Map<String, Double> values = new LinkedHashMap<>(p.parameters() == null ? Map.of() : p.parameters());
            values.putAll(fitted);
            return ProjectEdits.withParameters(p, values);
        });
        applied = document.project();
        notice.set(text("fit.applied"));
    }
    /** The fitted values the model's own bounds do not allow, as "b = 0.57 nA (model: 0 to 0.5)"; "" when none. */
    static String outsideModelBounds(org.brainfx.engine.model.ModelSpec spec, Map<String, Double> fitted,
                                     ResourceBundle messages) {
        List<String> out = new ArrayList<>();
        for (org.brainfx.engine.model.ParameterSpec ps : spec.parameters()) {
            Double v = fitted.get(ps.name());
            if (v != null && (ps.lower() != null && v < ps.lower() || ps.upper() != null && v > ps.upper())) {
                out.add(MessageFormat.format(messages.getString("fit.apply.outside.one"), ps.name(), Numbers.significant(v),
                        ps.unit(), ps.lower() == null ? "\u2212\u221e" : Numbers.significant(ps.lower()),
                        ps.upper() == null ? "\u221e" : Numbers.significant(ps.upper())));
            }
        }
        return String.join(", ", out);
    }
    /** Writes the results table as CSV to {@code file} in the background; the outcome is a notice or a failure. */
    public void exportCsv(Path file) {
        String csv = ResultsCsv.of(List.copyOf(results));
        write(file, csv);
    }
    /** Writes the result as JSON in the shape of {@code brainfx fit --json} to {@code file} in the background. */
    public void exportJson(Path file) {
        Outcome o = outcome.get();
        if (o == null) {
            return;
        }
        write(file, FitSummary.of(o.result(), o.rmse()).toJson() + System.lineSeparator());
    }
    private void write(Path file, String content) {
        background.execute(() -> {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, content, StandardCharsets.UTF_8);
                ui.execute(() -> notice.set(MessageFormat.format(text("fit.exported"), file.getFileName())));
            } catch (IOException | RuntimeException e) {
                String why = MessageFormat.format(text("fit.export.failed"), file, String.valueOf(e.getMessage()));
                ui.execute(() -> failure.set(why));
            }
        });
    }

    private String text(String key) {
        return messages.getString(key);
    }

    /** The fitted parameters of the last fit, empty until one ends. */
    public ObservableList<ParameterRow> parameterRows() {
        return results;
    }
    /** The last fit's loss (and RMSE once simulated) per sweep. */
    public ObservableList<SweepLossRow> sweepLosses() {
        return sweepLosses;
    }
    /** One line about the last fit's outcome (loss, RMSE, why it stopped, cost); empty until it is summarized. */
    public ReadOnlyStringProperty resultSummaryProperty() {
        return resultSummary.getReadOnlyProperty();
    }
    /** A short confirmation of the last action (applied, exported); empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
    /** The last failure of an export, for an alert; empty when none. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
    /** Clears {@link #failureProperty()} once it has been shown. */
    public void failureShown() {
        failure.set("");
    }
    /** The last fit's RMSE over all sweeps (declared unit), NaN until the fit has ended and been simulated. */
    public double rmse() {
        Outcome o = outcome.get();
        return o == null ? Double.NaN : o.rmse();
    }
    /** True once a fit ended with finite parameters that can be written into the project. */
    public BooleanBinding canApplyProperty() {
        return canApply;
    }
    /** True once a fit ended and its summary (with RMSE) is ready to export. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
