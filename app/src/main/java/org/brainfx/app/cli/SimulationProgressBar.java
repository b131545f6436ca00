package org.brainfx.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.brainfx.engine.net.NetworkProgress;

/**
 * Shows a running network simulation on stderr: on a terminal one line redrawn in place with a
 * bar, the simulated time and the spikes so far; otherwise a plain line once a second. Snapshots
 * arrive on the simulating thread, so drawing is cheap and throttled.
 */
final class SimulationProgressBar {
    private final PrintWriter err;
    private final boolean terminal;
    private final String command;
    private final long started = System.nanoTime();
    private long lastDrawn = System.nanoTime();
    private long spikes;
    private int drawnWidth;

    SimulationProgressBar(PrintWriter err, boolean terminal, String command) {
        this.err = err;
        this.terminal = terminal;
        this.command = command;
    }

    synchronized void update(NetworkProgress p) {
        for (int[] s : p.spikeSteps()) {
            spikes += s.length;
        }
        long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? ProgressBar.TERMINAL_INTERVAL_NANOS : ProgressBar.PLAIN_INTERVAL_NANOS)) {
            return;
        }
        lastDrawn = now;
        String counts = String.format(Locale.ROOT, "%.0f/%.0f ms  %d spikes  %s", p.step() * p.dt(), p.steps() * p.dt(), spikes,
                ProgressBar.elapsed((now - started) / 1e9));
        if (terminal) {
            String line = command + "  " + ProgressBar.bar(p.fraction()) + "  " + counts;
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
        } else {
            err.println(command + "  " + counts);
        }
        err.flush();
    }

    synchronized void finish(String line) {
        String text = command + ": " + line;
        if (terminal && drawnWidth > 0) {
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())) + System.lineSeparator());
        } else if (terminal) {
            err.println(text);
        }
        err.flush();
    }
}
