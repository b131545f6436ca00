package org.brainfx.app.network.sim;

import javafx.scene.paint.Color;

/** The membrane potential of the clicked neuron against time, its spikes marked along the top. */
final class TracePlot extends PlotCanvas {
    private final String title;
    private MembraneTrace trace;
    private String heading = "";

    TracePlot(String title) {
        this.title = title;
        setId("sim-trace");
    }

    /** Shows {@code t} headed {@code text} (null: an empty frame). */
    void show(MembraneTrace t, String text) {
        trace = t;
        heading = text;
        repaint();
    }

    /** The trace shown, or null. */
    MembraneTrace trace() {
        return trace;
    }

    @Override
    void repaint() {
        if (trace == null || trace.values().length == 0) {
            frame(title, 0, 1, 0, 1);
            return;
        }
        double[] v = trace.values();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        double pad = (hi - lo) * 0.05;
        lo -= pad;
        hi += pad;
        double end = v.length * trace.dt();
        frame(heading, 0, end, lo, hi);
        line(v, 0, v.length, trace.dt(), trace.dt(), 0, end, lo, hi, Color.web("#1f5fbf"));
        var g = g();
        g.setStroke(Color.web("#c83228"));
        for (int s : trace.spikeSteps()) {
            double x = LEFT + (s + 1) * trace.dt() / end * plotWidth();
            g.strokeLine(x, TOP, x, TOP + 5);
        }
    }
}
