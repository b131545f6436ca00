package org.brainfx.app.workbench;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the JavaFX application thread goes without a pulse: an animation timer asks
 * for a pulse every frame, so the largest gap between two of its calls is the longest time the
 * thread was busy (or blocked) and the window could not repaint.
 */
final class PulseMonitor extends AnimationTimer {

    private long last;
    private long largestGapNanos;
    private long pulses;

    @Override
    public void handle(long now) {
        if (last != 0) {
            largestGapNanos = Math.max(largestGapNanos, now - last);
        }
        last = now;
        pulses++;
    }

    /** Starts measuring afresh. Call on the FX thread. */
    void restart() {
        last = 0;
        largestGapNanos = 0;
        pulses = 0;
        start();
    }

    /** The largest gap between two pulses since {@link #restart()}, in milliseconds. */
    double largestGapMillis() {
        return largestGapNanos / 1e6;
    }

    /** Pulses seen since {@link #restart()}. */
    long pulses() {
        return pulses;
    }
}
