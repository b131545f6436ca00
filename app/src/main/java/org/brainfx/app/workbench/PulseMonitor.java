package org.brainfx.app.workbench;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the JavaFX application thread goes without a pulse: an animation timer asks
 * for a pulse every frame, so the largest gap between two of its calls is the longest time the
 * thread was busy (or blocked) and the window could not repaint.
 */
final class PulseMonitor extends AnimationTimer {

    /** Gaps longer than this are listed with when they happened. */
    static final double LONG_GAP_MILLIS = 50;
    private static final int LISTED_GAPS = 10_000;

    /**
     * A gap between two pulses.
     *
     * @param atMillis  when the gap ended, since {@link #restart()}
     * @param gapMillis how long it was
     */
    record Gap(double atMillis, double gapMillis) { }

    private final List<Gap> longGaps = new ArrayList<>();
    private long started;
    private long last;
    private long largestGapNanos;
    private long pulses;

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            largestGapNanos = Math.max(largestGapNanos, gap);
            if (gap / 1e6 > LONG_GAP_MILLIS && longGaps.size() < LISTED_GAPS) {
                longGaps.add(new Gap((now - started) / 1e6, gap / 1e6));
            }
        } else {
            started = now;
        }
        last = now;
        pulses++;
    }

    /** The gaps longer than {@link #LONG_GAP_MILLIS}, in order (at most ten thousand). */
    List<Gap> longGaps() {
        return List.copyOf(longGaps);
    }

    /** Starts measuring afresh. Call on the FX thread. */
    void restart() {
        last = 0;
        largestGapNanos = 0;
        longGaps.clear();
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
