package org.brainfx.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One optimizer's row of a race: mean ± sd, and time to target over the runs that reached it. */
class ComparisonSummaryTest {

    private static FitResult.HistoryPoint at(double seconds, double bestLoss) {
        return new FitResult.HistoryPoint(0, 0, seconds, bestLoss);
    }

    @Test
    void timeToTargetAveragesOnlyTheRunsThatReachedIt() {
        List<List<FitResult.HistoryPoint>> histories = List.of(
                List.of(at(0.1, 5), at(0.4, 0.5), at(0.9, 0.1)),
                List.of(at(0.2, 5), at(0.6, 0.8)),
                List.of(at(0.3, 0.2)));

        Comparison.OptimizerSummary s = Comparison.summarize("de", new double[] {0.1, 0.8, 0.2},
                new double[] {1, 2, 3}, histories, 0.5);

        assertEquals(2, s.reachedTarget());
        assertEquals(3, s.repeats());
        assertEquals((0.4 + 0.3) / 2, s.secondsToTarget(), 1e-12);
        assertEquals(2, s.wallSecondsMean(), 1e-12);
        assertEquals(1, s.wallSecondsSd(), 1e-12);
        assertEquals(histories, s.histories());
    }

    @Test
    void noTargetMeansNoTimeToTarget() {
        Comparison.OptimizerSummary s = Comparison.summarize("de", new double[] {1}, new double[] {1},
                List.of(List.of(at(0.1, 0))), 0);

        assertNull(s.secondsToTarget());
        assertEquals(0, s.reachedTarget());
        assertEquals(0, s.lossSd());
    }
}
