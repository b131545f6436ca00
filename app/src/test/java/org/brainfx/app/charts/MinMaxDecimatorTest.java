package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Min/max decimation keeps what a line drawing of the trace shows. */
class MinMaxDecimatorTest {

    @Test
    void shortTraceIsKeptWhole() {
        double[][] xy = MinMaxDecimator.decimate(new double[] {1, 3, 2}, 0.5, 0.25, 10);

        assertArrayEquals(new double[] {0.5, 0.75, 1.0}, xy[0]);
        assertArrayEquals(new double[] {1, 3, 2}, xy[1]);
    }

    @Test
    void longTraceKeepsEveryColumnsExtremesInTimeOrder() {
        double[] y = new double[10_000];
        for (int k = 0; k < y.length; k++) {
            y[k] = Math.sin(k * 0.01);
        }
        y[4321] = 50;
        y[8765] = -50;

        double[][] xy = MinMaxDecimator.decimate(y, 0, 0.01, 500);

        assertTrue(xy[0].length <= 1000, "at most two points per column: " + xy[0].length);
        assertEquals(50, Arrays.stream(xy[1]).max().orElseThrow(), "a one-sample spike survives");
        assertEquals(-50, Arrays.stream(xy[1]).min().orElseThrow());
        for (int i = 1; i < xy[0].length; i++) {
            assertTrue(xy[0][i] > xy[0][i - 1], "times increase at " + i);
        }
        assertEquals(43.21, xy[0][indexOf(xy[1], 50)], 1e-9, "the spike stays at its time");
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
