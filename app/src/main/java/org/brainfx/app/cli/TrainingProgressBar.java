package org.brainfx.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.brainfx.engine.train.TrainProgress;
import org.brainfx.engine.train.TrainRecord;

/**
 * Shows a training run on stderr: on a terminal one line redrawn in place with a bar, the batch,
 * the last loss and accuracy and the best held-out accuracy; otherwise a plain line every few seconds.
 */
final class TrainingProgressBar {
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private final PrintWriter err;
    private final boolean terminal;
    private long lastDrawn;
    private int drawnWidth;

    TrainingProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    synchronized void update(TrainProgress p) {
        long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? ProgressBar.TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS)) {
            return;
        }
        lastDrawn = now;
        String line = "train  " + (terminal ? ProgressBar.bar(p.fraction()) + "  " : "") + text(p);
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** The progress in words: batch, loss, accuracy, best held-out accuracy, time, status. */
    static String text(TrainProgress p) {
        TrainRecord r = p.last();
        String last = r == null ? "" : String.format(Locale.ROOT, "  loss %.4f  acc %.3f", r.loss(), r.accuracy());
        String held = Double.isNaN(p.bestHeldOut()) ? "" : String.format(Locale.ROOT, "  held-out %.3f", p.bestHeldOut());
        String status = p.status().equals("running") ? "" : "  (" + p.status() + ")";
        return String.format(Locale.ROOT, "batch %d/%d%s%s  %s%s", p.batch(), p.batches(), last, held,
                ProgressBar.elapsed(p.wallSeconds()), status);
    }

    synchronized void finish(String line) {
        String text = "train: " + line;
        if (terminal && drawnWidth > 0) {
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())) + System.lineSeparator());
        } else {
            err.println(text);
        }
        err.flush();
    }
}
