package org.brainfx.app.playground;

/** The input the playground drives the model with. */
public enum StimulusKind {
    /** A constant current switched on at a start time for a duration. */
    STEP,
    /** A current rising linearly from zero to the amplitude over the duration, then off. */
    RAMP,
    /** One sweep of the open project's stimulus, as the fit sees it. */
    PROJECT
}
