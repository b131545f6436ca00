package org.brainfx.app.network.sim;

import javafx.scene.paint.Color;

/** One histogram of a finished run, the populations' bars side by side in each bin, in their colours. */
final class HistogramPlot extends PlotCanvas {
    private final String title;
    private final boolean cv;
    private FiringHistograms histograms;
    private RasterLayout layout;

    /** The rate histogram, or the CV histogram when {@code cv}. */
    HistogramPlot(String title, boolean cv) {
        this.title = title;
        this.cv = cv;
        setId(cv ? "sim-hist-cv" : "sim-hist-rates");
    }

    /** Shows {@code h} (null: an empty frame). */
    void show(FiringHistograms h, RasterLayout l) {
        histograms = h;
        layout = l;
        repaint();
    }

    @Override
    void repaint() {
        if (histograms == null || layout == null) {
            frame(title, 0, 1, 0, 1);
            return;
        }
        double max = cv ? histograms.cvMax() : histograms.rateMaxHz();
        int top = 1;
        for (FiringHistograms.Population p : histograms.populations()) {
            for (int c : cv ? p.cvs() : p.rates()) {
                top = Math.max(top, c);
            }
        }
        double yTop = FiringHistograms.niceCeiling(top);
        frame(title, 0, max, 0, yTop);
        int np = histograms.populations().size();
        double binW = plotWidth() / FiringHistograms.BINS;
        double barW = Math.max(1, binW / np);
        var g = g();
        for (int p = 0; p < np; p++) {
            FiringHistograms.Population pop = histograms.populations().get(p);
            int[] counts = cv ? pop.cvs() : pop.rates();
            Color c = colour(layout, p);
            g.setFill(c);
            for (int b = 0; b < counts.length; b++) {
                double h = counts[b] / yTop * plotHeight();
                g.fillRect(LEFT + b * binW + p * barW, TOP + plotHeight() - h, barW, h);
            }
            legend(pop.name(), p, c);
        }
    }
}
