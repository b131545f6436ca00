package org.brainfx.app.compare;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import org.brainfx.app.jobs.RunningJob;

/** An optimizer race seen as a job in the workbench's job panel (it can be stopped, not paused). */
public final class CompareRunningJob implements RunningJob {

    private final String title;
    private final CompareViewModel model;
    private final BooleanBinding active;
    private final BooleanBinding paused = Bindings.createBooleanBinding(() -> false);

    /** The job panel's view of {@code model}'s race, titled {@code title}. */
    public CompareRunningJob(String title, CompareViewModel model) {
        this.title = title;
        this.model = model;
        active = Bindings.createBooleanBinding(() -> model.runner().stateProperty().get().active(),
                model.runner().stateProperty());
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public ObservableDoubleValue progress() {
        return model.progressProperty();
    }

    @Override
    public ObservableStringValue message() {
        return model.statusProperty();
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
        return false;
    }

    @Override
    public void pause() {
        // A race measures wall time; pausing it would spoil the comparison.
    }

    @Override
    public void resume() {
        // Never paused.
    }

    @Override
    public void cancel() {
        model.runner().cancel();
    }
}
