package org.brainfx.app.network.connectome;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A degree histogram drawn as bars that fill the canvas; redrawn when it is resized or given new counts. */
final class DegreeHistogramCanvas extends Canvas {
    private static final Color BAR = Color.web("#3a6ea5");
    private static final Color AXIS = Color.web("#8a8a8a");
    private DegreeHistogram histogram;

    DegreeHistogramCanvas() {
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    /** Shows {@code h} (null: nothing). */
    void show(DegreeHistogram h) {
        histogram = h;
        draw();
    }

    /** The histogram shown, or null. */
    DegreeHistogram histogram() {
        return histogram;
    }

    @Override
    public boolean isResizable() {
        return true;
    }

    // A Canvas ignores layout by default; this one takes the size its pane gives it.
    @Override
    public void resize(double width, double height) {
        setWidth(width);
        setHeight(height);
    }

    @Override
    public double minWidth(double height) {
        return 60;
    }

    @Override
    public double minHeight(double width) {
        return 40;
    }

    @Override
    public double maxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    public double maxHeight(double width) {
        return Double.MAX_VALUE;
    }

    @Override
    public double prefWidth(double height) {
        return 240;
    }

    @Override
    public double prefHeight(double width) {
        return 110;
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setStroke(AXIS);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        if (histogram == null || histogram.peak() == 0) {
            return;
        }
        int[] counts = histogram.counts();
        double barWidth = w / counts.length;
        g.setFill(BAR);
        for (int k = 0; k < counts.length; k++) {
            double barHeight = (h - 2) * counts[k] / histogram.peak();
            g.fillRect(k * barWidth + 0.5, h - 1 - barHeight, Math.max(1, barWidth - 1), barHeight);
        }
    }
}
