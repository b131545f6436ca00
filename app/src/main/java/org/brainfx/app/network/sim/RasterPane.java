package org.brainfx.app.network.sim;

import java.nio.IntBuffer;
import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The live spike raster on screen: a {@link RasterPainter}'s pixels shown through a {@link PixelBuffer}
 * (no copy: the image is the painter's array), with the populations named on the left and the time
 * below. Each new batch of spikes scrolls and paints only what is new; a resize repaints the window
 * from the spikes kept. A click on a pixel names the neuron under it.
 */
final class RasterPane extends Region {
    private static final double LEFT = 64;
    private static final double RIGHT = 10;
    private static final double TOP = 20;
    private static final double BOTTOM = 20;
    private static final Font SMALL = Font.font(10);

    private final Canvas axes = new Canvas();
    private final ImageView view = new ImageView();
    private final String title;
    private final String timeLabel;
    private LiveSpikes live;
    private RasterPainter painter;
    private PixelBuffer<IntBuffer> buffer;
    private int[] drawn = new int[0];
    private double windowMs = 500;
    private long pictures;
    private BiConsumer<Integer, Integer> onNeuron = (p, n) -> { };

    RasterPane(String title, String timeLabel) {
        this.title = title;
        this.timeLabel = timeLabel;
        setId("sim-raster");
        view.setId("sim-raster-image");
        view.setSmooth(false);
        getChildren().addAll(axes, view);
        setMinSize(200, 120);
        view.setOnMouseClicked(e -> {
            if (painter != null && live != null) {
                int row = painter.rowAt(e.getY());
                int p = live.layout().populationOfRow(row);
                if (p >= 0) {
                    onNeuron.accept(p, row - live.layout().offset(p));
                }
            }
        });
    }

    /** Called with (population, neuron) when a neuron is clicked. */
    void setOnNeuron(BiConsumer<Integer, Integer> handler) {
        onNeuron = handler;
    }

    /** Shows another run (null: none). */
    void show(LiveSpikes spikes) {
        live = spikes;
        rebuild();
    }

    /** The time window shown, ms. */
    void setWindowMs(double ms) {
        windowMs = ms;
        rebuild();
    }

    /** Paints what arrived since the last call. */
    void refresh() {
        if (painter == null || live == null) {
            return;
        }
        // live.step() steps are done: the newest is step - 1.
        painter.advanceTo(Math.max(0, live.step() - 1));
        for (int p = 0; p < drawn.length; p++) {
            int n = live.count(p);
            painter.plot(p, live.steps(p), live.neurons(p), drawn[p], n);
            drawn[p] = n;
        }
        buffer.updateBuffer(b -> null);
        drawTime();
        pictures++;
    }

    /** The painter (null before a run is shown), for tests and measurements. */
    RasterPainter painter() {
        return painter;
    }

    /** Pictures painted so far. */
    long pictures() {
        return pictures;
    }

    /** Steps the window spans for the run shown. */
    private int windowSteps() {
        double ms = Math.min(windowMs, live.layout().steps() * live.layout().dt());
        return Math.max(1, (int) Math.round(ms / live.layout().dt()));
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (axes.getWidth() != w || axes.getHeight() != h) {
            axes.setWidth(w);
            axes.setHeight(h);
            rebuild();
        }
        view.relocate(LEFT, TOP);
    }

    private void rebuild() {
        int w = (int) Math.max(1, axes.getWidth() - LEFT - RIGHT);
        int h = (int) Math.max(1, axes.getHeight() - TOP - BOTTOM);
        GraphicsContext g = axes.getGraphicsContext2D();
        // White like the plots beside it, in either theme: the raster's colours are chosen for white.
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, axes.getWidth(), axes.getHeight());
        g.setFont(SMALL);
        g.setFill(Color.web("#333333"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, LEFT, 3);
        if (live == null || axes.getWidth() < LEFT + RIGHT + 2 || axes.getHeight() < TOP + BOTTOM + 2) {
            painter = null;
            view.setImage(null);
            return;
        }
        RasterLayout layout = live.layout();
        painter = new RasterPainter(w, h, layout, windowSteps());
        buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(painter.pixels()), PixelFormat.getIntArgbPreInstance());
        view.setImage(new WritableImage(buffer));
        drawn = new int[layout.size()];
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int n = Math.max(1, layout.neuronCount());
        for (int p = 0; p < layout.size(); p++) {
            double mid = TOP + (layout.offset(p) + layout.sizes()[p] / 2.0) * h / n;
            g.setFill(PlotCanvas.colour(layout, p));
            g.fillText(layout.names().get(p) + " (" + layout.sizes()[p] + ")", LEFT - 4, mid);
        }
        refresh();
    }

    /** The time ticks under the raster for the window now shown. */
    private void drawTime() {
        GraphicsContext g = axes.getGraphicsContext2D();
        double y = axes.getHeight() - BOTTOM;
        g.setFill(Color.WHITE);
        g.fillRect(0, y, axes.getWidth(), BOTTOM);
        g.setFont(SMALL);
        g.setFill(Color.web("#333333"));
        g.setStroke(Color.web("#888888"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double dt = live.layout().dt();
        double t0 = painter.firstStepOfColumn(0) * dt;
        double t1 = painter.firstStepOfColumn(painter.width() - 1) * dt;
        double step = PlotCanvas.niceStep((t1 - t0) / 6);
        if (step > 0) {
            for (double t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
                double x = LEFT + (t - t0) / (t1 - t0) * (painter.width() - 1);
                g.strokeLine(x, y, x, y + 3);
                // A number at the very left would run into the axis name.
                if (x > LEFT + 16) {
                    g.fillText(PlotCanvas.number(t), x, y + 4);
                }
            }
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(timeLabel, LEFT - 6, y + 4);
    }

    /** The time (ms) at the left edge of the window and its span, for plots aligned with the raster. */
    double[] timeSpan() {
        if (painter == null || live == null) {
            return null;
        }
        double dt = live.layout().dt();
        return new double[] {painter.firstStepOfColumn(0) * dt, (painter.firstStepOfColumn(painter.width() - 1)
                + painter.stepsPerColumn()) * dt};
    }
}
