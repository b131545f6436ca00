package org.brainfx.app.network.sim;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A small resizable canvas with a frame, a title and numbered axes, on which the simulation view draws
 * its line and bar plots: a few hundred to a few thousand points redrawn in well under a millisecond,
 * where a chart library's series would be rebuilt point by point every frame.
 */
abstract class PlotCanvas extends Region {
    static final double LEFT = 64;
    static final double RIGHT = 10;
    static final double TOP = 18;
    static final double BOTTOM = 18;
    private static final Font SMALL = Font.font(10);
    private final Canvas canvas = new Canvas();
    /** An empty canvas; {@link #repaint()} draws it whenever its size changes. */
    PlotCanvas() {
        getChildren().add(canvas);
        setMinSize(120, 70);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
    }

    /** Draws the whole plot. */
    abstract void repaint();

    /** The drawing context. */
    GraphicsContext g() {
        return canvas.getGraphicsContext2D();
    }

    double plotWidth() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    double plotHeight() {
        return Math.max(1, canvas.getHeight() - TOP - BOTTOM);
    }

    /** Clears and draws the frame, the title and axis ticks for x in [x0, x1] and y in [yLow, y1]. */
    void frame(String title, double x0, double x1, double yLow, double y1) {
        GraphicsContext g = g();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(SMALL);
        g.setFill(Color.web("#333333"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, LEFT, 2);
        g.setStroke(Color.web("#888888"));
        g.setLineWidth(1);
        g.strokeRect(LEFT - 0.5, TOP - 0.5, plotWidth() + 1, plotHeight() + 1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(number(y1), LEFT - 4, TOP + 4);
        g.fillText(number(yLow), LEFT - 4, TOP + plotHeight() - 4);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double step = niceStep((x1 - x0) / 6);
        if (step > 0 && Double.isFinite(step)) {
            for (double x = Math.ceil(x0 / step) * step; x <= x1 + 1e-9; x += step) {
                double px = LEFT + (x - x0) / (x1 - x0) * plotWidth();
                g.strokeLine(px, TOP + plotHeight(), px, TOP + plotHeight() + 3);
                g.fillText(number(x), px, TOP + plotHeight() + 4);
            }
        }
    }

    /** Draws a polyline of {@code ys} at x = x0 + i·dx, scaled to [xa, xb] × [0, y1]. */
    void line(double[] ys, int from, int to, double x0, double dx, double xa, double xb, double yLow, double y1, Color colour) {
        GraphicsContext g = g();
        g.setStroke(colour);
        g.setLineWidth(1);
        g.beginPath();
        boolean first = true;
        double w = plotWidth();
        double h = plotHeight();
        for (int i = from; i < to; i++) {
            double px = LEFT + (x0 + i * dx - xa) / (xb - xa) * w;
            double py = TOP + h - (ys[i] - yLow) / (y1 - yLow) * h;
            py = Math.max(TOP, Math.min(TOP + h, py));
            if (first) {
                g.moveTo(px, py);
                first = false;
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
    }

    /** Writes {@code text} at the top right of the plot area, line {@code line}. */
    void legend(String text, int line, Color colour) {
        GraphicsContext g = g();
        g.setFont(SMALL);
        g.setFill(colour);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, LEFT + plotWidth() - 4, TOP + 3 + 12 * line);
    }

    /** 1, 2 or 5 × 10^k nearest above {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 0;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.0f" : Math.abs(v) >= 1 ? "%.1f" : "%.2f", v);
    }

    static Color colour(RasterLayout layout, int p) {
        int argb = layout.argb(p);
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }
}
