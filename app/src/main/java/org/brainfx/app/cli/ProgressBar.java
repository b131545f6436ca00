package org.brainfx.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.brainfx.engine.job.FitProgress;

/**
 * Shows a running fit on stderr: on a terminal, one line redrawn in place (at most ten times a
 * second) with a bar, iteration, evaluations, elapsed time and best loss; otherwise (a log file,
 * a pipe) a plain line once a second, so logs stay readable.
 *
 * <p>Snapshots arrive on the fit's progress thread while the command waits on its own, so every
 * method is synchronized.
 */
final class ProgressBar {
    /** Least time between two drawings on a terminal, and between two plain lines. */
    static final long TERMINAL_INTERVAL_NANOS = 100_000_000L;
    static final long PLAIN_INTERVAL_NANOS = 1_000_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final String command;
    private final double budgetSeconds;
    private final long maxEvaluations;
    private String label = "";
    private long lastDrawn;
    private int drawnWidth;

    /**
     * A progress display.
     *
     * @param command        prefix of plain lines, e.g. {@code fit}
     * @param budgetSeconds  the fit's wall-time budget (0: none), so the bar also fills with time
     * @param maxEvaluations the fit's evaluation budget (0: none)
     */
    ProgressBar(PrintWriter err, boolean terminal, String command, double budgetSeconds, long maxEvaluations) {
        this.err = err;
        this.terminal = terminal;
        this.command = command;
        this.budgetSeconds = budgetSeconds;
        this.maxEvaluations = maxEvaluations;
    }

    /** True when stderr is an interactive terminal that understands a carriage return. */
    static boolean stderrIsTerminal() {
        return System.console() != null;
    }

    /** Starts a new fit, named {@code newLabel} on each line (e.g. the optimizer). */
    synchronized void start(String newLabel) {
        label = newLabel;
        lastDrawn = System.nanoTime();
    }

    /** Shows a snapshot unless one was shown too recently. */
    synchronized void update(FitProgress p) {
        long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS)) {
            return;
        }
        lastDrawn = now;
        if (terminal) {
            String line = command + ": " + label + "  " + bar(fraction(p)) + "  " + counts(p);
            // Pad over the remains of a longer previous line instead of relying on ANSI erase codes.
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
        } else {
            err.println(command + ": " + label + "  " + counts(p));
        }
        err.flush();
    }

    /** Replaces the bar (or follows the plain lines) with a closing line. */
    synchronized void finish(String line) {
        String text = command + ": " + line;
        if (terminal && drawnWidth > 0) {
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())) + System.lineSeparator());
        } else {
            err.println(text);
        }
        drawnWidth = 0;
        err.flush();
    }

    private static String counts(FitProgress p) {
        return String.format(Locale.ROOT, "iteration %d/%d  %d evaluations  %s  best loss %s", p.iteration(),
                p.maxIterations(), p.evaluations(), elapsed(p.elapsedSeconds()), loss(p.bestLoss()));
    }

    /** How far along the fit is by whichever budget is closest to running out. */
    private double fraction(FitProgress p) {
        double f = p.maxIterations() > 0 ? (double) p.iteration() / p.maxIterations() : 0;
        if (budgetSeconds > 0) {
            f = Math.max(f, p.elapsedSeconds() / budgetSeconds);
        }
        if (maxEvaluations > 0) {
            f = Math.max(f, (double) p.evaluations() / maxEvaluations);
        }
        return Math.min(1, Math.max(0, f));
    }

    /** The bar itself, {@code [####----]}, filled to {@code fraction}. */
    static String bar(double fraction) {
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    }

    /** Elapsed time as m:ss.s. */
    static String elapsed(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }

    /** A loss in scientific notation, or a dash before any candidate gave a finite loss. */
    static String loss(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4e", value) : "—";
    }
}
