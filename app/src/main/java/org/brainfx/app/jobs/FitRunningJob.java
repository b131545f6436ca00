package org.brainfx.app.jobs;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;

/** A {@link FitJobRunner} seen as a job in the workbench's job panel. */
public final class FitRunningJob implements RunningJob {

    private final String title;
    private final FitJobRunner runner;
    private final DoubleBinding progress;
    private final StringBinding message;
    private final BooleanBinding active;
    private final BooleanBinding paused;

    /** The job panel's view of {@code runner}, titled {@code title}; state names come from {@code messages}. */
    public FitRunningJob(String title, FitJobRunner runner, ResourceBundle messages) {
        this.title = title;
        this.runner = runner;
        // A fit that converged early is done: full bar, not the share of the iteration budget it used.
        progress = Bindings.createDoubleBinding(() -> runner.stateProperty().get() == FitJobRunner.State.FINISHED ? 1
                : runner.maxIterationsProperty().get() <= 0 ? 0
                : Math.min(1, runner.iterationProperty().get() / (double) runner.maxIterationsProperty().get()),
                runner.stateProperty(), runner.iterationProperty(), runner.maxIterationsProperty());
        message = Bindings.createStringBinding(() -> MessageFormat.format(messages.getString("jobs.fit.message"),
                        messages.getString("fit.state." + runner.stateProperty().get().name().toLowerCase(Locale.ROOT)),
                        runner.iterationProperty().get(), runner.evaluationsProperty().get(),
                        Double.isNaN(runner.bestLossProperty().get()) ? "\u2014"
                                : String.format(Locale.ROOT, "%.3g", runner.bestLossProperty().get())),
                runner.stateProperty(), runner.iterationProperty(), runner.evaluationsProperty(),
                runner.bestLossProperty());
        active = Bindings.createBooleanBinding(() -> runner.stateProperty().get().active(), runner.stateProperty());
        paused = Bindings.createBooleanBinding(() -> runner.stateProperty().get() == FitJobRunner.State.PAUSED,
                runner.stateProperty());
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public ObservableDoubleValue progress() {
        return progress;
    }

    @Override
    public ObservableStringValue message() {
        return message;
    }

    @Override
    public ObservableBooleanValue active() {
        return active;
    }

    @Override
    public ObservableBooleanValue paused() {
        return paused;
    }

    @Override
    public boolean pausable() {
        return true;
    }

    @Override
    public void pause() {
        runner.pause();
    }

    @Override
    public void resume() {
        runner.resume();
    }

    @Override
    public void cancel() {
        runner.cancel();
    }
}
