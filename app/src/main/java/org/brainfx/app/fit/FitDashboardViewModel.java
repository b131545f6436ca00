package org.brainfx.app.fit;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.job.FreeParameter;

/**
 * The fit dashboard's state: editable fit settings with validation, what the buttons may do,
 * the status line, and the fitted parameters once a fit ends.
 *
 * <p>Settings are held as the text the user typed, so an invalid entry stays visible with a
 * message beside it instead of being silently replaced.
 */
public final class FitDashboardViewModel {

    /** Largest number of starts accepted; more would only exhaust memory (lanes = starts × sweeps). */
    static final int MAX_STARTS = 10_000;

    private final FitConfig base;
    private final FitJobRunner runner;
    private final ResourceBundle messages;
    private final StringProperty optimizer = new SimpleStringProperty(this, "optimizer");
    private final StringProperty starts = new SimpleStringProperty(this, "starts");
    private final StringProperty maxIterations = new SimpleStringProperty(this, "maxIterations");
    private final StringProperty seed = new SimpleStringProperty(this, "seed");
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper(this, "validationMessage", "");
    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canStop;
    private final StringBinding status;
    private final ObservableList<ParameterRow> results = FXCollections.observableArrayList();

    /**
     * A view-model starting from the project's own fit settings.
     *
     * @param base     the project's fit configuration; the form overrides optimizer, starts, iterations and seed
     * @param runner   runs the fits
     * @param messages the workbench's strings
     */
    public FitDashboardViewModel(FitConfig base, FitJobRunner runner, ResourceBundle messages) {
        this.base = base;
        this.runner = runner;
        this.messages = messages;
        optimizer.set(base.optimizer());
        starts.set(Integer.toString(base.starts()));
        maxIterations.set(Integer.toString(base.maxIterations()));
        seed.set(Long.toString(base.seed()));
        for (StringProperty p : List.of(optimizer, starts, maxIterations, seed)) {
            p.addListener((obs, old, now) -> validate());
        }
        validate();
        var state = runner.stateProperty();
        canStart = Bindings.createBooleanBinding(() -> validationMessage.get().isEmpty() && !state.get().active(),
                validationMessage, state);
        canPause = Bindings.createBooleanBinding(() -> state.get() == FitJobRunner.State.RUNNING, state);
        canResume = Bindings.createBooleanBinding(() -> state.get() == FitJobRunner.State.PAUSED, state);
        canStop = Bindings.createBooleanBinding(() -> state.get().active(), state);
        status = Bindings.createStringBinding(this::statusText, state, runner.iterationProperty(),
                runner.maxIterationsProperty(), runner.evaluationsProperty(), runner.elapsedSecondsProperty(),
                runner.bestLossProperty(), runner.resultProperty(), runner.errorProperty());
        runner.resultProperty().addListener((obs, old, now) -> showResult(now));
    }

    /** Starts a fit with the current settings; does nothing unless {@link #canStartProperty()} holds. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        runner.start(base.with(optimizer.get(), Integer.parseInt(starts.get().trim()),
                Integer.parseInt(maxIterations.get().trim()), null, null, Long.parseLong(seed.get().trim()), null));
    }

    /** Pauses the running fit. */
    public void pause() {
        runner.pause();
    }

    /** Resumes the paused fit. */
    public void resume() {
        runner.resume();
    }

    /** Stops the fit, keeping the best point so far as its result. */
    public void stop() {
        runner.cancel();
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        if (!FitConfig.OPTIMIZERS.contains(optimizer.get())) {
            problems.add(MessageFormat.format(text("fit.invalid.optimizer"), optimizer.get(),
                    String.join(", ", FitConfig.OPTIMIZERS)));
        }
        checkWholeNumber(starts.get(), MAX_STARTS, "fit.starts", problems);
        checkWholeNumber(maxIterations.get(), Integer.MAX_VALUE, "fit.maxIterations", problems);
        try {
            Long.parseLong(seed.get() == null ? "" : seed.get().trim());
        } catch (NumberFormatException e) {
            problems.add(MessageFormat.format(text("fit.invalid.seed"), seed.get()));
        }
        validationMessage.set(String.join(" ", problems));
    }

    private void checkWholeNumber(String value, int max, String labelKey, List<String> problems) {
        String label = text(labelKey);
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            if (n < 1 || n > max) {
                problems.add(MessageFormat.format(text("fit.invalid.range"), label, String.valueOf(max), value));
            }
        } catch (NumberFormatException e) {
            problems.add(MessageFormat.format(text("fit.invalid.range"), label, String.valueOf(max), value));
        }
    }

    private String statusText() {
        FitJobRunner.State state = runner.stateProperty().get();
        if (state == FitJobRunner.State.IDLE) {
            return MessageFormat.format(text("fit.status.idle"), base.free().size(),
                    base.project().project().name());
        }
        if (state == FitJobRunner.State.FAILED) {
            Throwable e = runner.errorProperty().get();
            return MessageFormat.format(text("fit.status.failed"), e == null ? "" : String.valueOf(e.getMessage()));
        }
        String word = text("fit.state." + state.name().toLowerCase(Locale.ROOT));
        FitResult r = runner.resultProperty().get();
        if (r != null) {
            word = word + " (" + r.stopReason() + ")";
        }
        double loss = runner.bestLossProperty().get();
        return MessageFormat.format(text("fit.status"), word,
                String.valueOf(runner.iterationProperty().get()), String.valueOf(runner.maxIterationsProperty().get()),
                String.valueOf(runner.evaluationsProperty().get()),
                String.format(Locale.ROOT, "%.1f s", runner.elapsedSecondsProperty().get()),
                Double.isFinite(loss) ? String.format(Locale.ROOT, "%.4g", loss) : "\u2014");
    }

    private void showResult(FitResult r) {
        if (r == null) {
            results.clear();
            return;
        }
        List<ParameterRow> rows = new ArrayList<>();
        for (FreeParameter p : base.free()) {
            Double value = r.params().get(p.name());
            rows.add(new ParameterRow(p.name(), value == null ? Double.NaN : value, p.unit() == null ? "" : p.unit()));
        }
        results.setAll(rows);
    }

    private String text(String key) {
        return messages.getString(key);
    }

    /** The project being fitted. */
    public String projectName() {
        return base.project().project().name();
    }

    /** The runner, for its history list and error. */
    public FitJobRunner runner() {
        return runner;
    }

    /** The optimizer's name, one of {@link FitConfig#OPTIMIZERS}. */
    public StringProperty optimizerProperty() {
        return optimizer;
    }

    /** Starts (gradient methods) or population size, as typed. */
    public StringProperty startsProperty() {
        return starts;
    }

    /** The iteration budget, as typed. */
    public StringProperty maxIterationsProperty() {
        return maxIterations;
    }

    /** The random seed, as typed. */
    public StringProperty seedProperty() {
        return seed;
    }

    /** What is wrong with the settings, one sentence per problem; empty when they are valid. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    /** True when the settings are valid and no fit is running or paused. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** True while a fit runs. */
    public BooleanBinding canPauseProperty() {
        return canPause;
    }

    /** True while a fit is paused. */
    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    /** True while a fit runs or is paused. */
    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** "State · iteration i/n · evaluations · elapsed · best loss", or why the fit failed. */
    public StringBinding statusProperty() {
        return status;
    }

    /** The fitted parameters of the last fit, empty until one ends. */
    public ObservableList<ParameterRow> results() {
        return results;
    }
}
