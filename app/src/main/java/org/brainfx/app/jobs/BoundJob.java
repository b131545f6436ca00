package org.brainfx.app.jobs;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;

/** A {@link RunningJob} whose title and observable state are given once, by the runner it shows. */
public abstract class BoundJob implements RunningJob {

    private final String title;
    private final ObservableDoubleValue progress;
    private final ObservableStringValue message;
    private final ObservableBooleanValue active;
    private final ObservableBooleanValue paused;

    /** A job showing these values; subclasses hold the runner and forward the commands. */
    protected BoundJob(String title, ObservableDoubleValue progress, ObservableStringValue message,
                       ObservableBooleanValue active, ObservableBooleanValue paused) {
        this.title = title;
        this.progress = progress;
        this.message = message;
        this.active = active;
        this.paused = paused;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final ObservableDoubleValue progress() {
        return progress;
    }

    @Override
    public final ObservableStringValue message() {
        return message;
    }

    @Override
    public final ObservableBooleanValue active() {
        return active;
    }

    @Override
    public final ObservableBooleanValue paused() {
        return paused;
    }
}
