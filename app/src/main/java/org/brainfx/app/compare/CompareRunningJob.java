package org.brainfx.app.compare;

import javafx.beans.binding.Bindings;
import org.brainfx.app.jobs.BoundJob;

/** An optimizer race seen as a job in the workbench's job panel (it can be stopped, not paused). */
public final class CompareRunningJob extends BoundJob {

    private final CompareViewModel model;

    /** The job panel's view of {@code model}'s race, titled {@code title}. */
    public CompareRunningJob(String title, CompareViewModel model) {
        super(title, model.progressProperty(), model.statusProperty(),
                Bindings.createBooleanBinding(() -> model.runner().stateProperty().get().active(),
                        model.runner().stateProperty()),
                Bindings.createBooleanBinding(() -> false));
        this.model = model;
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
