package org.brainfx.app.report;

import java.util.List;
import java.util.Map;
import org.brainfx.engine.job.FitResult;
import org.brainfx.engine.project.ProjectFiles;

/**
 * A fit's outcome as {@code brainfx fit --json} writes it and the fit dashboard exports it: one
 * shape for both, so a script reads either file the same way.
 *
 * @param params      best parameters by name, model units
 * @param history     the best loss after each round
 * @param rmse        root-mean-square difference from the target, in the target state's declared unit
 * @param stopReason  why the fit stopped
 */
public record FitSummary(double loss, Map<String, Double> params, long evaluations, int iterations, double wallSeconds,
                         List<FitResult.HistoryPoint> history, double rmse, String stopReason) {

    /** The summary of {@code result} with its RMSE (target state's declared unit). */
    public static FitSummary of(FitResult result, double rmse) {
        return new FitSummary(result.loss(), result.params(), result.evaluations(), result.iterations(),
                result.wallSeconds(), result.history(), rmse, result.stopReason());
    }

    /** The summary as pretty-printed JSON, fields in declaration order. */
    public String toJson() {
        return ProjectFiles.gson().toJson(this);
    }
}
