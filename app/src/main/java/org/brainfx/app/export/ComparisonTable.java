package org.brainfx.app.export;

import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.brainfx.engine.job.Comparison;
import org.brainfx.engine.project.ProjectFiles;

/**
 * The optimizer-race table as {@code brainfx compare} and the Compare view show and export it:
 * the text of each cell, the JSON of {@code compare --json}, the CSV, and which optimizer won.
 */
public final class ComparisonTable {

    /** The CSV's header, one row per optimizer; times in seconds, empty cells for "none". */
    public static final List<String> CSV_HEADER = List.of("optimizer", "runs", "loss_mean", "loss_sd",
            "wall_seconds_mean", "wall_seconds_sd", "seconds_to_target", "reached_target", "target_loss");

    private ComparisonTable() {
    }

    /** One row of the JSON table; {@code secondsToTarget} is null when no repeat reached the target. */
    private record Row(String name, double lossMean, double lossSd, double wallSecondsMean, double wallSecondsSd,
                       Double secondsToTarget) { }

    /** The JSON table. */
    private record Table(List<Row> optimizers, Double target) { }

    /**
     * The text of a row's cells: optimizer, final loss (mean ± sd), wall time (mean ± sd), and with a
     * target also the time to target ("—" when no run reached it) and how many runs reached it, e.g. "2/3".
     */
    public static List<String> cells(Comparison.OptimizerSummary s, boolean withTarget) {
        List<String> out = new ArrayList<>(List.of(s.name(),
                loss(s.lossMean()) + " ± " + String.format(Locale.ROOT, "%.1e", s.lossSd()),
                String.format(Locale.ROOT, "%.2f ± %.2f s", s.wallSecondsMean(), s.wallSecondsSd())));
        if (withTarget) {
            out.add(s.secondsToTarget() == null ? "—" : String.format(Locale.ROOT, "%.2f s", s.secondsToTarget()));
            out.add(s.reachedTarget() + "/" + s.repeats());
        }
        return out;
    }

    /** A loss in scientific notation, or a dash when no candidate gave a finite loss. */
    public static String loss(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4e", value) : "—";
    }

    /** The table in {@code brainfx compare --json}'s shape; nulls are written so every row has every field. */
    public static String json(Comparison.Result result) {
        List<Row> rows = result.optimizers().stream().map(o -> new Row(o.name(), o.lossMean(), o.lossSd(),
                o.wallSecondsMean(), o.wallSecondsSd(), o.secondsToTarget())).toList();
        Gson gson = ProjectFiles.gson().newBuilder().serializeNulls().create();
        return gson.toJson(new Table(rows, result.target()));
    }

    /** The table as CSV under {@link #CSV_HEADER}, numbers unrounded. */
    public static String csv(Comparison.Result result) {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.OptimizerSummary s : result.optimizers()) {
            rows.add(List.of(s.name(), ResultCsv.number(s.repeats()), ResultCsv.number(s.lossMean()),
                    ResultCsv.number(s.lossSd()), ResultCsv.number(s.wallSecondsMean()),
                    ResultCsv.number(s.wallSecondsSd()), ResultCsv.number(s.secondsToTarget()),
                    result.target() == null ? "" : ResultCsv.number(s.reachedTarget()),
                    ResultCsv.number(result.target())));
        }
        return ResultCsv.format(CSV_HEADER, rows);
    }

    /**
     * The winner: with a target, the optimizer that reached it in the largest share of its runs, then
     * the fastest to it; without one (or when none reached it), the lowest mean final loss.
     */
    public static Optional<Comparison.OptimizerSummary> best(Comparison.Result result) {
        Comparator<Comparison.OptimizerSummary> byLoss = Comparator.comparingDouble(
                s -> Double.isFinite(s.lossMean()) ? s.lossMean() : Double.POSITIVE_INFINITY);
        boolean anyReached = result.target() != null
                && result.optimizers().stream().anyMatch(s -> s.reachedTarget() > 0);
        Comparator<Comparison.OptimizerSummary> order = anyReached
                ? Comparator.<Comparison.OptimizerSummary>comparingDouble(s -> -(double) s.reachedTarget() / s.repeats())
                        .thenComparingDouble(s -> s.secondsToTarget() == null ? Double.POSITIVE_INFINITY
                                : s.secondsToTarget())
                        .thenComparing(byLoss)
                : byLoss;
        return result.optimizers().stream().min(order);
    }
}
