package org.brainfx.app.network.sim;

import java.util.Arrays;

/**
 * Paints a scrolling spike raster into an ARGB pixel array: time across (the newest step at the right
 * edge, a window of {@code windowSteps} steps), every neuron of every population down, a pixel per spike
 * in its population's colour (its neuron's rows of pixels when there are more rows than neurons). As time advances the picture moves left by whole columns (one array copy
 * per row) and only the new spikes are painted, so a frame costs the same for ten or ten thousand neurons.
 */
public final class RasterPainter {
    /** The raster's background. */
    public static final int BACKGROUND = 0xffffffff;
    /** Lines between populations. */
    static final int SEPARATOR = 0xffd0d0d0;

    private final int width;
    private final int height;
    private final int[] pixels;
    private final RasterLayout layout;
    private final double stepsPerColumn;
    private final int[] separatorRows;
    private long headColumn = -1;

    /** A blank raster of {@code width × height} pixels showing {@code windowSteps} steps of {@code layout}'s run. */
    public RasterPainter(int width, int height, RasterLayout layout, int windowSteps) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a raster needs at least one pixel, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.layout = layout;
        this.pixels = new int[width * height];
        this.stepsPerColumn = Math.max(1, windowSteps) / (double) width;
        int n = Math.max(1, layout.neuronCount());
        separatorRows = new int[Math.max(0, layout.size() - 1)];
        for (int p = 1; p < layout.size(); p++) {
            separatorRows[p - 1] = (int) ((long) layout.offset(p) * height / n);
        }
        clear();
    }

    /** Pixels, row by row, ARGB. */
    public int[] pixels() {
        return pixels;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Steps one pixel column spans. */
    public double stepsPerColumn() {
        return stepsPerColumn;
    }

    /** The step at the right edge's column start, after {@link #advanceTo}. */
    public long firstStepOfColumn(int x) {
        return (long) Math.floor((headColumn - (width - 1 - x)) * stepsPerColumn);
    }

    /** Blanks the picture. */
    public void clear() {
        Arrays.fill(pixels, BACKGROUND);
        for (int row : separatorRows) {
            Arrays.fill(pixels, row * width, row * width + width, SEPARATOR);
        }
    }

    /** Moves the picture so step {@code step} is in the rightmost column; columns that scroll in are blank. */
    public void advanceTo(int step) {
        long head = Math.max(width - 1, column(step));
        if (headColumn < 0) {
            headColumn = head;
            return;
        }
        long shift = head - headColumn;
        if (shift <= 0) {
            return;
        }
        headColumn = head;
        if (shift >= width) {
            clear();
            return;
        }
        int s = (int) shift;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            System.arraycopy(pixels, row + s, pixels, row, width - s);
            Arrays.fill(pixels, row + width - s, row + width, rowBackground(y));
        }
    }

    /** Paints spikes {@code from} (inclusive) to {@code to} of population {@code p}; those outside the window are skipped. */
    public void plot(int p, int[] steps, int[] neurons, int from, int to) {
        int colour = layout.argb(p);
        long offset = layout.offset(p);
        long n = Math.max(1, layout.neuronCount());
        boolean spare = height >= 3 * n;
        for (int k = from; k < to; k++) {
            long x = width - 1 - (headColumn - column(steps[k]));
            if (x < 0 || x >= width) {
                continue;
            }
            long row = offset + neurons[k];
            int y = (int) (row * height / n);
            // With fewer neurons than pixel rows a spike fills its neuron's rows, leaving a line between neurons.
            int last = Math.max(y, (int) ((row + 1) * height / n) - (spare ? 2 : 1));
            for (int yy = y; yy <= last; yy++) {
                pixels[yy * width + (int) x] = colour;
            }
        }
    }

    /** The overall neuron row (over all populations) under pixel row {@code y}. */
    public int rowAt(double y) {
        long n = layout.neuronCount();
        return (int) Math.min(n - 1, Math.max(0, (long) Math.floor(y * n / height)));
    }

    /** How many pixels have population {@code p}'s colour. */
    public int pixelsOf(int p) {
        int colour = layout.argb(p);
        int k = 0;
        for (int px : pixels) {
            if (px == colour) {
                k++;
            }
        }
        return k;
    }

    private long column(int step) {
        return (long) Math.floor(step / stepsPerColumn);
    }

    private int rowBackground(int y) {
        for (int row : separatorRows) {
            if (row == y) {
                return SEPARATOR;
            }
        }
        return BACKGROUND;
    }
}
