package org.brainfx.app.jobs;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;

/** A {@link FitJobRunner} seen as a job in the workbench's job panel. */
public final class FitRunningJob extends BoundJob {

    private final FitJobRunner runner;

    /** The job panel's view of {@code runner}, titled {@code title}; state names come from {@code messages}. */
    public FitRunningJob(String title, FitJobRunner runner, ResourceBundle messages) {
        super(title,
                // A fit that converged early is done: full bar, not the share of the iteration budget it used.
                Bindings.createDoubleBinding(() -> runner.stateProperty().get() == FitJobRunner.State.FINISHED ? 1
                        : runner.maxIterationsProperty().get() <= 0 ? 0
                        : Math.min(1, runner.iterationProperty().get() / (double) runner.maxIterationsProperty().get()),
                        runner.stateProperty(), runner.iterationProperty(), runner.maxIterationsProperty()),
                Bindings.createStringBinding(() -> MessageFormat.format(messages.getString("jobs.fit.message"),
                                messages.getString("fit.state." + runner.stateProperty().get().name().toLowerCase(Locale.ROOT)),
                                runner.iterationProperty().get(), runner.evaluationsProperty().get(),
                                Double.isNaN(runner.bestLossProperty().get()) ? "\u2014"
                                        : String.format(Locale.ROOT, "%.3g", runner.bestLossProperty().get())),
                        runner.stateProperty(), runner.iterationProperty(), runner.evaluationsProperty(),
                        runner.bestLossProperty()),
                Bindings.createBooleanBinding(() -> runner.stateProperty().get().active(), runner.stateProperty()),
                Bindings.createBooleanBinding(() -> runner.stateProperty().get() == FitJobRunner.State.PAUSED,
                        runner.stateProperty()));
        this.runner = runner;
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
