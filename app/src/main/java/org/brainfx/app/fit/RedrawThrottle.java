package org.brainfx.app.fit;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs a chart redraw at most once per interval on the FX thread: a request inside the interval
 * is deferred to its end and merged with any later ones, so the newest data is always drawn but
 * bursts of updates cannot keep the FX thread drawing.
 */
final class RedrawThrottle {

    private final long intervalNanos;
    private final Runnable redraw;
    private final PauseTransition wait = new PauseTransition();
    private long last = Long.MIN_VALUE / 2;
    private boolean deferred;

    /** Runs {@code redraw} at most once every {@code intervalMillis}; use on the FX thread. */
    RedrawThrottle(double intervalMillis, Runnable redraw) {
        this.intervalNanos = (long) (intervalMillis * 1e6);
        this.redraw = redraw;
        wait.setOnFinished(e -> {
            deferred = false;
            run();
        });
    }

    /** Asks for a redraw: now if the last one is an interval ago, else once at the interval's end. */
    void request() {
        if (deferred) {
            return;
        }
        long since = System.nanoTime() - last;
        if (since >= intervalNanos) {
            run();
        } else {
            deferred = true;
            wait.setDuration(Duration.millis((intervalNanos - since) / 1e6));
            wait.playFromStart();
        }
    }

    private void run() {
        last = System.nanoTime();
        redraw.run();
    }
}
