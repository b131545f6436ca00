package org.brainfx.engine.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.model.unit.Units;
import org.brainfx.engine.optim.AdamBoundHandling;
import org.brainfx.engine.optim.StartSampling;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.ProjectException;
import org.brainfx.engine.project.ResolvedProject;

/**
 * Everything a fit needs, with defaults filled in: the resolved project, free parameters,
 * loss terms, optimizer and its settings, budgets and seed.
 *
 * @param starts         starts (gradient methods) or population size (gradient-free methods and hybrid)
 * @param maxEvaluations 0 for no evaluation budget
 * @param budgetSeconds  0 for no wall-time budget
 * @param targetLoss     stop once the best loss is at or below this (0: never)
 * @param learningRate   Adam's step size in the unit cube
 * @param pruneEvery     successive halving of gradient starts every this many rounds (0: off)
 * @param keepStarts     starts pruning keeps at least
 * @param startSampling  how start points are drawn
 * @param adamBounds     how Adam keeps inside the bounds
 * @param screen         gradient multi-start: points drawn and screened by their loss per start (1: none)
 */
public record FitConfig(ResolvedProject project, List<FreeParameter> free, List<FitSettings.LossTerm> losses,
                        String optimizer, int starts, int maxIterations, long maxEvaluations, double budgetSeconds,
                        long seed, double targetLoss, double learningRate, int pruneEvery, int keepStarts,
                        StartSampling startSampling, AdamBoundHandling adamBounds, int screen) {

    /** Known optimizer names. */
    public static final List<String> OPTIMIZERS = org.brainfx.engine.optim.Optimizers.NAMES;
    /** Loss kinds a term may have: the trace losses, then the features, in the order forms list them. */
    public static final List<String> LOSS_KINDS = lossKinds();
    /** The optimizer used when the project names none. */
    public static final String DEFAULT_OPTIMIZER = org.brainfx.engine.optim.Optimizers.DEFAULT;

    /** Validates the configuration. */
    public FitConfig {
        if (free.isEmpty()) {
            throw new ProjectException(project.file() + ": nothing to fit: every parameter of model '"
                    + project.spec().name() + "' is fixed; list parameters under \"fit.free\" with bounds, e.g. "
                    + "\"free\": {\"" + project.spec().parameters().get(0).name() + "\": [lower, upper]}");
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new ProjectException("unknown optimizer '" + optimizer + "'; choose one of " + OPTIMIZERS);
        }
        if (screen < 1) {
            throw new ProjectException(project.file() + ": \"fit.screen\" must be at least 1 (1: no screening), got "
                    + screen);
        }
        if (starts < 1 || maxIterations < 1) {
            throw new ProjectException("starts and max iterations must be at least 1 (got " + starts + ", "
                    + maxIterations + ")");
        }
        if (project.target() == null) {
            throw new ProjectException(project.file() + ": a fit needs a \"target\" (recorded traces or synthetic parameters)");
        }
        losses = List.copyOf(losses);
        free = List.copyOf(free);
    }

    private static List<String> lossKinds() {
        List<String> kinds = new java.util.ArrayList<>(List.of("mse", "spike_count", "van_rossum", "gamma"));
        kinds.addAll(org.brainfx.engine.loss.Feature.keys());
        return List.copyOf(kinds);
    }

    /** The project's own fit settings with defaults for anything missing. */
    public static FitConfig of(ResolvedProject project) {
        FitSettings fs = project.project().fit();
        if (fs == null) {
            fs = new FitSettings(null, null, null, null, null, null, null, null, null);
        }
        List<FitSettings.LossTerm> losses = fs.losses() == null || fs.losses().isEmpty()
                ? List.of(new FitSettings.LossTerm("mse", 1.0, null, null, null)) : fs.losses();
        List<String> kinds = LOSS_KINDS;
        for (FitSettings.LossTerm t : losses) {
            if (!kinds.contains(t.kind())) {
                throw new ProjectException(project.file() + ": \"fit.losses\": unknown loss kind '" + t.kind()
                        + "'; use one of " + kinds);
            }
            if (t.sweepWeights() != null && t.sweepWeights().size() != project.sweeps()) {
                throw new ProjectException(project.file() + ": \"fit.losses\": " + t.kind() + " has "
                        + t.sweepWeights().size() + " sweepWeights but the project has " + project.sweeps() + " sweeps");
            }
            if ("input_resistance".equals(t.kind()) && (t.baseline() == null || t.window() == null)) {
                throw new ProjectException(project.file() + ": \"fit.losses\": input_resistance needs \"window\" and "
                        + "\"baseline\" as [start, end] in ms (a step and the rest before it)");
            }
        }
        StartSampling sampling;
        AdamBoundHandling adamBounds;
        try {
            sampling = StartSampling.fromKey(fs.startSampling() == null ? "uniform" : fs.startSampling());
            adamBounds = AdamBoundHandling.fromKey(fs.adamBounds() == null ? "projection" : fs.adamBounds());
        } catch (IllegalArgumentException e) {
            throw new ProjectException(project.file() + ": \"fit\": " + e.getMessage(), e);
        }
        return new FitConfig(project, freeParameters(project, fs.free()), losses,
                fs.optimizer() == null ? DEFAULT_OPTIMIZER : fs.optimizer(),
                fs.starts() == null ? 20 : fs.starts(),
                fs.maxIterations() == null ? 200 : fs.maxIterations(),
                fs.maxEvaluations() == null ? 0 : fs.maxEvaluations(),
                fs.budgetSeconds() == null ? 0 : fs.budgetSeconds(),
                fs.seed() == null ? 1 : fs.seed(),
                fs.targetLoss() == null ? 0 : fs.targetLoss(),
                fs.learningRate() == null ? 0.01 : fs.learningRate(),
                fs.pruneEvery() == null ? 0 : fs.pruneEvery(),
                fs.keepStarts() == null ? 1 : fs.keepStarts(), sampling, adamBounds,
                fs.screen() == null ? 1 : fs.screen());
    }

    /** This configuration with another optimizer, starts, budgets or seed (null keeps the current value). */
    public FitConfig with(String newOptimizer, Integer newStarts, Integer newMaxIterations, Long newMaxEvaluations,
                          Double newBudgetSeconds, Long newSeed, Double newTargetLoss) {
        return new FitConfig(project, free, losses, newOptimizer == null ? optimizer : newOptimizer,
                newStarts == null ? starts : newStarts, newMaxIterations == null ? maxIterations : newMaxIterations,
                newMaxEvaluations == null ? maxEvaluations : newMaxEvaluations,
                newBudgetSeconds == null ? budgetSeconds : newBudgetSeconds, newSeed == null ? seed : newSeed,
                newTargetLoss == null ? targetLoss : newTargetLoss, learningRate, pruneEvery, keepStarts, startSampling,
                adamBounds, screen);
    }

    /**
     * True for the gradient methods, whose {@code starts} are descents (independent starts, or basin
     * hopping's walkers); false for the population methods, including {@code hybrid}, whose {@code starts} is the DE population.
     */
    public boolean gradientBased() {
        return org.brainfx.engine.optim.Optimizers.gradientBased(optimizer);
    }

    /**
     * The parameters a fit varies when the project names none ({@code "fit.free"} absent): every
     * trainable parameter of the model, in the model's order, with its model bounds [lower, upper];
     * null for a trainable parameter without both bounds, which a fit refuses (naming it).
     */
    public static Map<String, List<Double>> defaultFree(org.brainfx.engine.model.ModelSpec spec) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (ParameterSpec p : spec.parameters()) {
            if (p.trainable()) {
                out.put(p.name(), p.lower() == null || p.upper() == null ? null : List.of(p.lower(), p.upper()));
            }
        }
        return out;
    }

    private static List<FreeParameter> freeParameters(ResolvedProject project, Map<String, List<Double>> given) {
        CheckedModel checked = project.model().checked();
        List<FreeParameter> out = new ArrayList<>();
        Map<String, List<Double>> chosen = new LinkedHashMap<>();
        if (given == null) {
            for (Map.Entry<String, List<Double>> e : defaultFree(project.spec()).entrySet()) {
                if (e.getValue() == null) {
                    throw new ProjectException(project.file() + ": trainable parameter '" + e.getKey()
                            + "' has no bounds; give them in the model or under \"fit.free\"");
                }
                chosen.put(e.getKey(), e.getValue());
            }
        } else {
            chosen.putAll(given);
        }
        for (Map.Entry<String, List<Double>> e : chosen.entrySet()) {
            int index = checked.parameterIndex(e.getKey());
            if (index < 0) {
                throw new ProjectException(project.file() + ": \"fit.free\": model '" + project.spec().name()
                        + "' has no parameter '" + e.getKey() + "'; parameters: " + project.model().parameterNames());
            }
            List<Double> b = e.getValue();
            if (b == null || b.size() != 2) {
                throw new ProjectException(project.file() + ": \"fit.free\".\"" + e.getKey()
                        + "\" must be [lower, upper] in the parameter's unit");
            }
            String unit = project.spec().parameters().get(index).unit();
            double factor = Units.parse(unit == null ? "1" : unit).toInternalFactor();
            try {
                out.add(new FreeParameter(e.getKey(), index, b.get(0), b.get(1), unit, factor));
            } catch (IllegalArgumentException ex) {
                throw new ProjectException(project.file() + ": \"fit.free\": " + ex.getMessage(), ex);
            }
        }
        return out;
    }
}
