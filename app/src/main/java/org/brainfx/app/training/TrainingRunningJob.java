package org.brainfx.app.training;

import javafx.beans.binding.Bindings;
import org.brainfx.app.jobs.BoundJob;

/** A training run as the job panel shows it: the batches done, the status line, pause, resume and stop. */
public final class TrainingRunningJob extends BoundJob {
    private final TrainingViewModel model;

    /** The job of {@code model}'s runs, titled {@code title}. */
    public TrainingRunningJob(TrainingViewModel model, String title) {
        super(title,
                Bindings.createDoubleBinding(() -> model.progressProperty().get() == null ? -1
                        : model.progressProperty().get().fraction(), model.progressProperty()),
                model.statusProperty(),
                Bindings.createBooleanBinding(() -> model.stateProperty().get().active(), model.stateProperty()),
                Bindings.createBooleanBinding(() -> model.stateProperty().get() == TrainingViewModel.State.PAUSED,
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
