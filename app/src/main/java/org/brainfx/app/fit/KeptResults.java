package org.brainfx.app.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.job.FreeParameter;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.project.SavedFit;

/** The results tables' rows for a fit the project keeps, and the facts about the project they add (truth, target spikes). */
final class KeptResults {

    private KeptResults() {
    }

    /** The value of {@code name} that made the project's synthetic target (model units), NaN when the target is recorded. */
    static double truth(ResolvedProject r, String name) {
        if (r == null || r.project().target() == null || r.project().target().syntheticParameters() == null) {
            return Double.NaN;
        }
        Double given = r.project().target().syntheticParameters().get(name);
        if (given != null) {
            return given;
        }
        // A synthetic target made from these values: parameters it does not name keep the model's value.
        return r.spec().parameters().stream().filter(p -> p.name().equals(name)).mapToDouble(ParameterSpec::value)
                .findFirst().orElse(Double.NaN);
    }

    /** Spikes in each target sweep, or null when the project has no target. */
    static int[] targetSpikes(ResolvedProject r) {
        if (r == null || r.targetSpikes() == null) {
            return null;
        }
        int[] n = new int[r.targetSpikes().length];
        for (int s = 0; s < n.length; s++) {
            n[s] = r.targetSpikes()[s] == null ? -1 : r.targetSpikes()[s].length;
        }
        return n;
    }

    /** Each free parameter's [lower, upper]. */
    static Map<String, List<Double>> bounds(List<FreeParameter> free) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (FreeParameter p : free) {
            out.put(p.name(), List.of(p.lower(), p.upper()));
        }
        return out;
    }

    /** One row per sweep (numbered from 1); null arrays leave their column unknown. */
    static List<SweepLossRow> sweepRows(double[] loss, double[] rmse, int[] targetSpikes, int[] fittedSpikes) {
        List<SweepLossRow> rows = new ArrayList<>();
        for (int s = 0; s < loss.length; s++) {
            rows.add(new SweepLossRow(s + 1, loss[s], rmse == null || s >= rmse.length ? Double.NaN : rmse[s],
                    targetSpikes == null || s >= targetSpikes.length ? -1 : targetSpikes[s],
                    fittedSpikes == null || s >= fittedSpikes.length ? -1 : fittedSpikes[s]));
        }
        return rows;
    }

    /** The per-sweep rows of a kept result. */
    static List<SweepLossRow> sweepRows(SavedFit saved) {
        List<SweepLossRow> rows = new ArrayList<>();
        for (int s = 0; s < saved.sweeps(); s++) {
            rows.add(new SweepLossRow(s + 1, value(saved.perSweepLoss(), s), value(saved.perSweepRmse(), s),
                    count(saved.targetSpikes(), s), count(saved.fittedSpikes(), s)));
        }
        return rows;
    }

    /**
     * The parameter rows of a kept result: its values with the bounds it was fitted within; units
     * and true values come from the project as resolved now ({@code r} may be null).
     */
    static List<ParameterRow> parameterRows(SavedFit saved, ResolvedProject r) {
        Map<String, List<Double>> bounds = saved.settings() == null || saved.settings().free() == null ? Map.of()
                : saved.settings().free();
        List<ParameterRow> rows = new ArrayList<>();
        saved.params().forEach((name, value) -> {
            List<Double> b = bounds.get(name);
            String unit = "";
            if (r != null) {
                unit = r.spec().parameters().stream().filter(p -> p.name().equals(name)).map(ParameterSpec::unit)
                        .filter(u -> u != null).findFirst().orElse("");
                if (b == null) {
                    b = r.spec().parameters().stream().filter(p -> p.name().equals(name) && p.lower() != null
                            && p.upper() != null).map(p -> List.of(p.lower(), p.upper())).findFirst().orElse(null);
                }
            }
            rows.add(new ParameterRow(name, value == null ? Double.NaN : value, unit,
                    b == null ? Double.NaN : b.get(0), b == null ? Double.NaN : b.get(1), Double.NaN, truth(r, name)));
        });
        return rows;
    }

    private static double value(List<Double> values, int s) {
        return values == null || s >= values.size() || values.get(s) == null ? Double.NaN : values.get(s);
    }

    private static int count(List<Integer> values, int s) {
        return values == null || s >= values.size() || values.get(s) == null ? -1 : values.get(s);
    }
}
