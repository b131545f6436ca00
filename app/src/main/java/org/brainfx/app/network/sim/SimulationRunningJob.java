package org.brainfx.app.network.sim;

import javafx.beans.binding.Bindings;
import org.brainfx.app.jobs.BoundJob;

/** A network simulation as the job panel shows it: the simulated fraction, the status line, pause, resume and stop. */
public final class SimulationRunningJob extends BoundJob {
    private final SimulationViewModel model;

    /** The job of {@code model}'s runs, titled {@code title}. */
    public SimulationRunningJob(SimulationViewModel model, String title) {
        super(title,
                Bindings.createDoubleBinding(model::fraction, model.stateProperty(), model.framesProperty()),
                model.statusProperty(),
                Bindings.createBooleanBinding(() -> model.stateProperty().get().active(), model.stateProperty()),
                Bindings.createBooleanBinding(() -> model.stateProperty().get() == SimulationViewModel.State.PAUSED,
                        model.stateProperty()));
        this.model = model;
    }

    @Override
    public boolean pausable() {
        return true;
    }

    @Override
    public void pause() {
        model.pause();
    }

    @Override
    public void resume() {
        model.resume();
    }

    @Override
    public void cancel() {
        model.stop();
    }
}
