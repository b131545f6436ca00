package org.brainfx.app.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordingChartTest {

    @Test
    void aZoomedTraceIsThinnedToTheVisibleRangeAndStillSpansTheSweep() {
        double dt = 0.05;
        double[] y = new double[20_000];
        y[10_500] = 40;
        double[][] points = RecordingChart.visible(y, dt, 500, 600, 100);
        double[] x = points[0];
        assertEquals(0, x[0], 0, "first sample kept");
        assertEquals((y.length - 1) * dt, x[x.length - 1], 1e-9, "last sample kept");
        assertTrue(x.length <= 2 * 100 + 2, "at most two points per column: " + x.length);
        for (int k = 1; k < x.length - 1; k++) {
            assertTrue(x[k] >= 500 - 2 * dt && x[k] <= 600 + 2 * dt, "inside the visible range: " + x[k]);
        }
        assertEquals(40, Arrays.stream(points[1]).max().orElseThrow(), 0, "the spike survives thinning");
    }

    @Test
    void aShortTraceIsDrawnWhole() {
        double[] y = {1, 2, 3, 4};
        double[][] points = RecordingChart.visible(y, 1, 0, 3, 100);
        assertEquals(4, points[0].length);
        assertEquals(3, points[0][3], 0);
    }

    @Test
    void sweepsKeepTheirColourWhateverIsHidden() {
        assertEquals(RecordingChart.colour(3), RecordingChart.colour(13));
        assertTrue(!RecordingChart.colour(3).equals(RecordingChart.colour(4)));
    }
}
