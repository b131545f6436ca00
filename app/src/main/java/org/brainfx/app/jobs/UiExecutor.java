package org.brainfx.app.jobs;

import javafx.application.Platform;

/**
 * Where observable UI state is changed: the JavaFX application thread in the workbench, the
 * calling thread in headless tests.
 */
@FunctionalInterface
public interface UiExecutor {

    /** Runs {@code action} on the UI thread, now or later; never blocks the caller waiting for it. */
    void execute(Runnable action);

    /** The workbench's executor: queues the action on the JavaFX application thread. */
    static UiExecutor fx() {
        return Platform::runLater;
    }

    /** Runs the action at once on the calling thread, so view-models can be tested without a screen. */
    static UiExecutor direct() {
        return Runnable::run;
    }
}
