package org.brainfx.app.compare;

import java.util.List;
import org.brainfx.app.export.ComparisonTable;
import org.brainfx.engine.job.Comparison;

/**
 * One optimizer's row of the Compare view's table, as text, and whether it won the race.
 *
 * @param runs "3", or "2 of 3" when the race stopped before all its repeats finished
 * @param best true for the race's best optimizer (see {@link ComparisonTable#best})
 */
public record CompareRow(String optimizer, String finalLoss, String wallTime, String timeToTarget, String reached,
                         String runs, boolean best) {

    /** The row of {@code s}, out of {@code requestedRepeats} repeats, with the command line's cell text. */
    static CompareRow of(Comparison.OptimizerSummary s, int requestedRepeats, String partialRuns, boolean best) {
        List<String> cells = ComparisonTable.cells(s, true);
        String runs = s.repeats() == requestedRepeats ? Integer.toString(s.repeats()) : partialRuns;
        return new CompareRow(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), runs, best);
    }
}
