package org.brainfx.app.fit;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Chart redraws spread over JavaFX pulses: each chart is redrawn at most once per its interval,
 * with its newest data, and at most one chart per pulse. Redrawing all of a dashboard's charts in
 * the same pulse made that pulse (drawing plus software rasterizing) several times longer than
 * any single redraw; spread out, the window keeps repainting between them.
 */
final class StaggeredRedraws extends AnimationTimer {

    /** One chart's redraw, requested whenever its data changed. */
    final class Redraw {
        private final long intervalNanos;
        private final Runnable action;
        private boolean pending;
        private long last = Long.MIN_VALUE / 2;

        private Redraw(double intervalMillis, Runnable action) {
            this.intervalNanos = (long) (intervalMillis * 1e6);
            this.action = action;
        }

        /** Marks the chart for redrawing at its next turn. Call on the FX thread. */
        void request() {
            pending = true;
            if (!running) {
                running = true;
                start();
            }
        }
    }

    private final List<Redraw> redraws = new ArrayList<>();
    private boolean running;

    /** A redraw running {@code action} at most once every {@code intervalMillis}. */
    Redraw add(double intervalMillis, Runnable action) {
        Redraw r = new Redraw(intervalMillis, action);
        redraws.add(r);
        return r;
    }

    @Override
    public void handle(long now) {
        Redraw next = null;
        boolean anyPending = false;
        for (Redraw r : redraws) {
            anyPending |= r.pending;
            if (r.pending && now - r.last >= r.intervalNanos && (next == null || r.last < next.last)) {
                next = r;
            }
        }
        if (next != null) {
            next.pending = false;
            next.last = now;
            next.action.run();
        } else if (!anyPending) {
            // Nothing to draw: stop asking for pulses until the next request.
            running = false;
            stop();
        }
    }
}
