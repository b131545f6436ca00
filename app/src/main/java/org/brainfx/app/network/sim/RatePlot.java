package org.brainfx.app.network.sim;

/**
 * The population rates under the raster, over the same time window: spikes per 1 ms bin over the
 * population's size, in Hz.
 */
final class RatePlot extends PlotCanvas {
    private final String title;
    private LiveSpikes live;
    private double[] span;
    private double[] rates = new double[0];

    RatePlot(String title) {
        this.title = title;
        setId("sim-rates");
    }

    /** Draws the rates of {@code spikes} over {@code window} = {start ms, end ms} (null: nothing to show). */
    void draw(LiveSpikes spikes, double[] window) {
        live = spikes;
        span = window;
        repaint();
    }

    @Override
    void repaint() {
        if (live == null || span == null) {
            frame(title, 0, 1, 0, 1);
            return;
        }
        RasterLayout layout = live.layout();
        double binMs = live.stepsPerBin() * layout.dt();
        int b0 = Math.max(0, (int) Math.floor(span[0] / binMs));
        int b1 = Math.max(b0, (int) Math.min(live.binCounts(0).length, Math.floor(live.step() / (double) live.stepsPerBin())));
        if (rates.length < live.binCounts(0).length) {
            rates = new double[live.binCounts(0).length];
        }
        double top = 0;
        for (int p = 0; p < layout.size(); p++) {
            int[] c = live.binCounts(p);
            for (int b = b0; b < b1; b++) {
                top = Math.max(top, c[b] * 1000.0 / (layout.sizes()[p] * binMs));
            }
        }
        top = FiringHistograms.niceCeiling(Math.max(10, top));
        frame(title, span[0], span[1], 0, top);
        for (int p = 0; p < layout.size(); p++) {
            int[] c = live.binCounts(p);
            for (int b = b0; b < b1; b++) {
                rates[b] = c[b] * 1000.0 / (layout.sizes()[p] * binMs);
            }
            // A bin's rate belongs to its middle.
            line(rates, b0, b1, binMs / 2, binMs, span[0], span[1], 0, top, colour(layout, p));
            legend(layout.names().get(p), p, colour(layout, p));
        }
    }
}
