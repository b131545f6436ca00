package org.brainfx.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Set;
import org.brainfx.engine.job.Comparison;
import org.junit.jupiter.api.Test;

/** The race table shared by {@code brainfx compare} and the Compare view: cells, JSON, CSV and the winner. */
class ComparisonTableTest {

    private static Comparison.OptimizerSummary row(String name, double loss, Double toTarget, int reached, int runs) {
        return new Comparison.OptimizerSummary(name, loss, loss / 10, 2.0, 0.25, toTarget, reached, runs, List.of());
    }

    @Test
    void unreachedTargetIsNullInTheJson() {
        Comparison.Result never = new Comparison.Result(List.of(row("de", 1, null, 0, 1)), 1e-9);

        JsonObject table = JsonParser.parseString(ComparisonTable.json(never)).getAsJsonObject();
        JsonObject first = table.getAsJsonArray("optimizers").get(0).getAsJsonObject();
        assertEquals(Set.of("optimizers", "target"), table.keySet());
        assertEquals(Set.of("name", "lossMean", "lossSd", "wallSecondsMean", "wallSecondsSd", "secondsToTarget"),
                first.keySet());
        assertTrue(first.get("secondsToTarget").isJsonNull(), first.toString());
    }

    @Test
    void cellsMatchTheCommandLineTable() {
        Comparison.OptimizerSummary s = row("lbfgsb", 1.5e-3, 0.42, 2, 3);

        assertEquals(List.of("lbfgsb", "1.5000e-03 ± 1.5e-04", "2.00 ± 0.25 s", "0.42 s", "2/3"),
                ComparisonTable.cells(s, true));
        assertEquals(List.of("lbfgsb", "1.5000e-03 ± 1.5e-04", "2.00 ± 0.25 s"), ComparisonTable.cells(s, false));
        assertEquals("—", ComparisonTable.cells(row("de", 1, null, 0, 3), true).get(3));
    }

    @Test
    void csvHasOneRowPerOptimizerWithUnroundedNumbersAndEmptyCellsForNone() {
        Comparison.Result result = new Comparison.Result(List.of(row("lbfgsb", 1.5e-3, 0.42, 2, 3),
                row("random", 0.25, null, 0, 3)), 1e-2);

        List<String> lines = ComparisonTable.csv(result).lines().toList();

        assertEquals(String.join(",", ComparisonTable.CSV_HEADER), lines.get(0));
        assertEquals("lbfgsb,3,0.0015," + (1.5e-3 / 10) + ",2.0,0.25,0.42,2,0.01", lines.get(1));
        assertEquals("random,3,0.25,0.025,2.0,0.25,,0,0.01", lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void withATargetTheMostReliableThenFastestWins() {
        Comparison.Result result = new Comparison.Result(List.of(row("lbfgsb", 1e-4, 0.9, 3, 3),
                row("de", 1e-6, 0.3, 2, 3), row("pso", 1e-5, 0.5, 3, 3)), 1e-3);

        assertEquals("pso", ComparisonTable.best(result).orElseThrow().name());
    }

    @Test
    void withoutATargetOrWhenNoneReachedItTheLowestMeanLossWins() {
        List<Comparison.OptimizerSummary> rows = List.of(row("lbfgsb", 1e-4, null, 0, 3), row("de", 1e-6, null, 0, 3),
                row("random", Double.NaN, null, 0, 3));

        assertEquals("de", ComparisonTable.best(new Comparison.Result(rows, null)).orElseThrow().name());
        assertEquals("de", ComparisonTable.best(new Comparison.Result(rows, 1e-9)).orElseThrow().name());
        assertTrue(ComparisonTable.best(new Comparison.Result(List.of(), null)).isEmpty());
    }
}
