package org.brainfx.engine.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.job.FitResult;

/**
 * A fit's result as the project keeps it: what it found, how it stopped, the settings that
 * produced it, when and with which BrainFX; lists instead of arrays, so it reads and compares as
 * plain JSON values.
 *
 * @param date         when the fit ended, ISO-8601 instant (e.g. {@code 2026-12-07T16:05:00Z})
 * @param version      the BrainFX version that ran it
 * @param params       best parameters by name, model units
 * @param perSweepLoss the best point's loss on each sweep (sweep 1 first)
 * @param perSweepRmse the best point's RMSE on each sweep in the fitted state's unit, or null when not simulated
 * @param targetSpikes spikes in the target, per sweep, or null
 * @param fittedSpikes spikes of the fitted model, per sweep, or null when not simulated
 * @param termLosses   the best point's loss per loss term and sweep
 * @param settings     the fit settings that produced it (as the project had them when it started)
 * @param history      the best loss after each round
 */
public record SavedFit(String date, String version, String optimizer, long seed, double loss, String stopReason,
                       int iterations, long evaluations, double wallSeconds, Map<String, Double> params,
                       List<Double> perSweepLoss, List<Double> perSweepRmse, List<Integer> targetSpikes,
                       List<Integer> fittedSpikes, Map<String, List<Double>> termLosses, FitSettings settings,
                       List<FitResult.HistoryPoint> history) {

    /**
     * Keeps {@code r}, produced by {@code settings} and ended at {@code date}; the per-sweep RMSE
     * and spike counts are null when not known.
     */
    public static SavedFit of(FitResult r, FitSettings settings, Instant date, double[] perSweepRmse,
                              int[] targetSpikes, int[] fittedSpikes) {
        Map<String, List<Double>> terms = new LinkedHashMap<>();
        if (r.termLosses() != null) {
            r.termLosses().forEach((k, v) -> terms.put(k, doubles(v)));
        }
        return new SavedFit(date.toString(), r.version(), r.optimizer(), r.seed(), r.loss(), r.stopReason(),
                r.iterations(), r.evaluations(), r.wallSeconds(), new LinkedHashMap<>(r.params()),
                doubles(r.perSweepLoss()), perSweepRmse == null ? null : doubles(perSweepRmse),
                targetSpikes == null ? null : ints(targetSpikes), fittedSpikes == null ? null : ints(fittedSpikes),
                terms, settings, r.history() == null ? List.of() : List.copyOf(r.history()));
    }

    /** This result with the best point's per-sweep RMSE and fitted spike counts, once simulated. */
    public SavedFit withSimulation(double[] rmse, int[] fitted) {
        return new SavedFit(date, version, optimizer, seed, loss, stopReason, iterations, evaluations, wallSeconds,
                params, perSweepLoss, rmse == null ? null : doubles(rmse), targetSpikes,
                fitted == null ? null : ints(fitted), termLosses, settings, history);
    }

    /** Number of sweeps the per-sweep table has. */
    public int sweeps() {
        return perSweepLoss == null ? 0 : perSweepLoss.size();
    }

    private static List<Double> doubles(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static List<Integer> ints(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int v : values) {
            out.add(v);
        }
        return out;
    }
}
