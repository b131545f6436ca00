package org.brainfx.app.ui;

import javafx.animation.AnimationTimer;

/**
 * Spreads the window's work over JavaFX pulses: a change to another part of the window waits
 * until the pulse that lays out the changes before it has been drawn, so no single pulse does
 * both (the end of a fit did, and held the window for 50-60 ms).
 */
public final class Pulses {

    private Pulses() {
    }

    /**
     * Runs {@code action} on the JavaFX thread at the start of the second pulse from now: the first
     * lays out and draws what changed before this call. Call on the JavaFX thread.
     */
    public static void afterNextPulse(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
