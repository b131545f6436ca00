package org.brainfx.app.jobs;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;

/**
 * A long piece of work as the workbench's job panel shows it: a title, progress, a one-line
 * message, and pause, resume and cancel where the work supports them. Values change on the UI thread.
 */
public interface RunningJob {

    /** What the job does, e.g. "Fit hh-synthetic". */
    String title();

    /** Progress from 0 to 1, or a negative value while it cannot be estimated. */
    ObservableDoubleValue progress();

    /** The job's state and latest numbers in one line. */
    ObservableStringValue message();

    /** True while the job runs or is paused. */
    ObservableBooleanValue active();

    /** True while the job is paused. */
    ObservableBooleanValue paused();

    /** Whether {@link #pause()} and {@link #resume()} do anything for this kind of job. */
    boolean pausable();

    /** Pauses after the current round (no-op when not running or not pausable). */
    void pause();

    /** Resumes a paused job. */
    void resume();

    /** Stops the job, keeping what it has found so far. */
    void cancel();
}
