package org.brainfx.engine.net;

/**
 * A population's neurons bucketed into the cells of a grid over its sheet, so that distance-dependent
 * connectivity looks only at the cells within reach of a point, and can bound the probability in a whole
 * cell by its nearest edge. Within a cell the neurons are in ascending order.
 */
final class DistanceCells {
    private final boolean periodic;
    private final double originX;
    private final double originY;
    private final double cellWidth;
    private final double cellHeight;
    private final int columns;
    private final int rows;
    /** Neurons of cell c: {@code members[start[c] .. start[c+1])}. */
    final int[] start;
    final int[] members;

    /** Cells at least {@code size} wide (but never more than about four cells per neuron) over {@code sheet}. */
    DistanceCells(Positions sheet, double size) {
        int n = sheet.size();
        periodic = sheet.periodic();
        double minX = 0;
        double minY = 0;
        double spanX = sheet.width();
        double spanY = sheet.height();
        if (!periodic) {
            minX = Double.POSITIVE_INFINITY;
            minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                minX = Math.min(minX, sheet.x()[k]);
                maxX = Math.max(maxX, sheet.x()[k]);
                minY = Math.min(minY, sheet.y()[k]);
                maxY = Math.max(maxY, sheet.y()[k]);
            }
            spanX = maxX - minX;
            spanY = maxY - minY;
        }
        originX = minX;
        originY = minY;
        int across = count(spanX, size);
        int down = count(spanY, size);
        while ((long) across * down > 4L * n + 16) {
            if (across >= down) {
                across = (across + 1) / 2;
            } else {
                down = (down + 1) / 2;
            }
        }
        columns = across;
        rows = down;
        // On a flat sheet the farthest neurons fall one past the last cell and are clamped into it.
        cellWidth = spanX > 0 ? spanX / columns : 1;
        cellHeight = spanY > 0 ? spanY / rows : 1;
        start = new int[columns * rows + 1];
        int[] cellOf = new int[n];
        for (int k = 0; k < n; k++) {
            cellOf[k] = row(sheet.y()[k]) * columns + column(sheet.x()[k]);
            start[cellOf[k] + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            start[c + 1] += start[c];
        }
        int[] next = java.util.Arrays.copyOf(start, columns * rows);
        members = new int[n];
        for (int k = 0; k < n; k++) {
            members[next[cellOf[k]]++] = k;
        }
    }

    private static int count(double span, double size) {
        if (!(span > 0)) {
            return 1;
        }
        return (int) Math.max(1, Math.min(1 << 20, Math.floor(span / size)));
    }

    private int column(double x) {
        int c = (int) Math.floor((x - originX) / cellWidth);
        return periodic ? Math.floorMod(c, columns) : Math.max(0, Math.min(columns - 1, c));
    }

    private int row(double y) {
        int r = (int) Math.floor((y - originY) / cellHeight);
        return periodic ? Math.floorMod(r, rows) : Math.max(0, Math.min(rows - 1, r));
    }

    /**
     * Lists into {@code out} (length ≥ the number of cells) every cell that holds a point within {@code reach}
     * of (x, y), each once; returns how many.
     */
    int near(double x, double y, double reach, int[] out) {
        int n = 0;
        long fromRow = (long) Math.floor((y - reach - originY) / cellHeight);
        long toRow = (long) Math.floor((y + reach - originY) / cellHeight);
        long fromColumn = (long) Math.floor((x - reach - originX) / cellWidth);
        long toColumn = (long) Math.floor((x + reach - originX) / cellWidth);
        if (periodic) {
            if (toRow - fromRow + 1 >= rows) {
                fromRow = 0;
                toRow = rows - 1;
            }
            if (toColumn - fromColumn + 1 >= columns) {
                fromColumn = 0;
                toColumn = columns - 1;
            }
        } else {
            fromRow = Math.max(0, fromRow);
            toRow = Math.min(rows - 1, toRow);
            fromColumn = Math.max(0, fromColumn);
            toColumn = Math.min(columns - 1, toColumn);
        }
        for (long r = fromRow; r <= toRow; r++) {
            int row = (int) Math.floorMod(r, (long) rows);
            for (long c = fromColumn; c <= toColumn; c++) {
                out[n++] = row * columns + (int) Math.floorMod(c, (long) columns);
            }
        }
        return n;
    }

    /**
     * The squared distance from (x, y) to the nearest point of {@code cell} (0 inside it), around the torus
     * on a periodic sheet.
     */
    double gapSquared(int cell, double x, double y) {
        double dx = Math.abs(x - (originX + (cell % columns + 0.5) * cellWidth));
        double dy = Math.abs(y - (originY + (cell / columns + 0.5) * cellHeight));
        if (periodic) {
            double width = columns * cellWidth;
            double height = rows * cellHeight;
            if (dx >= width || dy >= height) {
                dx %= width;
                dy %= height;
            }
            dx = Math.min(dx, width - dx);
            dy = Math.min(dy, height - dy);
        }
        dx = Math.max(0, dx - cellWidth / 2);
        dy = Math.max(0, dy - cellHeight / 2);
        return dx * dx + dy * dy;
    }

    /** Number of cells. */
    int cellCount() {
        return columns * rows;
    }
}
