package org.brainfx.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.job.FitResult;
import org.junit.jupiter.api.Test;

/** Best-loss curves thinned to two points per pixel column, keeping the first and the newest round. */
class StepCurveDecimatorTest {

    private static FitResult.HistoryPoint at(double seconds, double bestLoss) {
        return new FitResult.HistoryPoint(0, 0, seconds, bestLoss);
    }

    @Test
    void aShortCurveIsKeptWholeExceptRoundsWithoutAFiniteLoss() {
        double[][] xy = StepCurveDecimator.decimate(List.of(at(0.1, Double.POSITIVE_INFINITY), at(0.2, 3),
                at(0.5, 1), at(0.9, 0)), 1, 100);

        assertArrayEquals(new double[] {0.2, 0.5, 0.9}, xy[0]);
        assertEquals(3, xy[1][0]);
        assertTrue(xy[1][2] > 0, "a zero loss is clamped so the log axis can draw it");
    }

    @Test
    void thousandsOfRoundsBecomeAtMostTwoPointsPerColumnEndingAtTheNewest() {
        List<FitResult.HistoryPoint> history = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            history.add(at(i * 1e-3, 1.0 / (i + 1)));
        }

        double[][] xy = StepCurveDecimator.decimate(history, 10, 200);

        assertTrue(xy[0].length <= 400, "points: " + xy[0].length);
        assertEquals(0, xy[0][0]);
        assertEquals(1.0, xy[1][0]);
        assertEquals(9.999, xy[0][xy[0].length - 1], 1e-12);
        assertEquals(1e-4, xy[1][xy[1].length - 1], 1e-15);
    }
}
