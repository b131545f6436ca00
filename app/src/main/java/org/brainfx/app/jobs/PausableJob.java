package org.brainfx.app.jobs;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;

/** A job the panel can pause, resume and stop, whose commands are given as actions (a training run, a network simulation). */
public final class PausableJob extends BoundJob {
    private final Runnable pause;
    private final Runnable resume;
    private final Runnable stop;

    /** A job showing these values and doing these actions. */
    public PausableJob(String title, ObservableDoubleValue progress, ObservableStringValue message,
                       ObservableBooleanValue active, ObservableBooleanValue paused, Runnable pause, Runnable resume,
                       Runnable stop) {
        super(title, progress, message, active, paused);
        this.pause = pause;
        this.resume = resume;
        this.stop = stop;
    }

    @Override
    public boolean pausable() {
        return true;
    }

    @Override
    public void pause() {
        pause.run();
    }

    @Override
    public void resume() {
        resume.run();
    }

    @Override
    public void cancel() {
        stop.run();
    }
}
