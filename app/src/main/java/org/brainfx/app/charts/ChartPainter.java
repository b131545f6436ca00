package org.brainfx.app.charts;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.brainfx.app.jobs.BackgroundPriority;

/**
 * The one thread that changes and draws the workbench's live charts ({@link PaintedChartView}),
 * so their drawing never runs on the JavaFX application or render threads; one thread keeps every
 * painted chart confined to it, as JFreeChart is not thread-safe.
 */
final class ChartPainter {
    // Daemon: a chart waiting for its next redraw must not keep the JVM alive after the last window closes.
    private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread(BackgroundPriority.DISPLAY_NICE);
            r.run();
        }, "brainfx-chart-painter");
        t.setDaemon(true);
        return t;
    });

    static {
        ChartPngWriter.useHeadlessJava2d();
    }

    private ChartPainter() {
    }

    /** Runs {@code action} on the painter thread after everything queued before it. */
    static void execute(Runnable action) {
        THREAD.execute(action);
    }

    /** Runs {@code action} on the painter thread in {@code delayNanos} or later. */
    static void schedule(Runnable action, long delayNanos) {
        THREAD.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
    }
}
