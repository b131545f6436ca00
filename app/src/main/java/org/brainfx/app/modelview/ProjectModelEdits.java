package org.brainfx.app.modelview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.model.InputSpec;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.model.StateSpec;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;

/**
 * The project rewrites the model view makes, as pure functions from one {@link Project} value to
 * the next: replacing the model (dropping what the new model cannot resolve), setting a
 * parameter's value, and making a parameter free with bounds or fixed.
 */
public final class ProjectModelEdits {

    /** What a model replacement had to drop from the project so that it still resolves. */
    public enum DropKind {
        /** A parameter value for a parameter the new model does not have. */
        PARAMETER_VALUE,
        /** A parameter value outside the new model's bounds for it. */
        PARAMETER_OUT_OF_BOUNDS,
        /** A free parameter the new model does not have. */
        FREE_PARAMETER,
        /** None of the free parameters exist any more: the fit now frees every trainable parameter. */
        FREE_FALLBACK,
        /** A synthetic-target parameter the new model does not have (or whose value is out of bounds). */
        SYNTHETIC_PARAMETER,
        /** A recorded state the new model does not have. */
        RECORDED_STATE,
        /** The target state the new model does not have: the first state is the target now. */
        TARGET_STATE,
        /** The stimulus input the new model does not have: the first input is driven now. */
        STIMULUS_INPUT
    }

    /** One thing dropped, by kind and the name it concerned. */
    public record Drop(DropKind kind, String name) { }

    /** A project with a new model, and what had to be dropped for it. */
    public record ModelReplacement(Project project, List<Drop> dropped) {
        /** Copies the list. */
        public ModelReplacement {
            dropped = List.copyOf(dropped);
        }
    }

    private ProjectModelEdits() {
    }

    /**
     * The project using {@code model} (whose spec is {@code spec}), with every parameter value,
     * free parameter, synthetic-target value, recorded state, target state and stimulus input that
     * the new model cannot take removed, and each removal listed.
     */
    public static ModelReplacement replaceModel(Project p, Project.ModelRef model, ModelSpec spec) {
        List<Drop> dropped = new ArrayList<>();
        Map<String, Double> parameters = keepValues(p.parameters(), spec, DropKind.PARAMETER_VALUE, dropped);
        FitSettings fit = p.fit();
        if (fit != null && fit.free() != null) {
            Map<String, List<Double>> free = new LinkedHashMap<>();
            fit.free().forEach((name, bounds) -> {
                if (spec.parameter(name) != null) {
                    free.put(name, bounds);
                } else {
                    dropped.add(new Drop(DropKind.FREE_PARAMETER, name));
                }
            });
            if (free.isEmpty() && !fit.free().isEmpty()) {
                dropped.add(new Drop(DropKind.FREE_FALLBACK, ""));
            }
            fit = ProjectEdits.withFree(fit, free.isEmpty() && !fit.free().isEmpty() ? null : free);
        }
        List<String> states = spec.states().stream().map(StateSpec::name).toList();
        List<String> record = p.record();
        if (record != null) {
            List<String> kept = new ArrayList<>();
            for (String r : record) {
                if (states.contains(r)) {
                    kept.add(r);
                } else {
                    dropped.add(new Drop(DropKind.RECORDED_STATE, r));
                }
            }
            record = kept.isEmpty() ? null : kept;
        }
        Project.Target target = p.target();
        if (target != null) {
            String state = target.state();
            if (state != null && !states.contains(state)) {
                dropped.add(new Drop(DropKind.TARGET_STATE, state));
                state = null;
            }
            target = new Project.Target(state, target.traces(),
                    keepValues(target.syntheticParameters(), spec, DropKind.SYNTHETIC_PARAMETER, dropped));
        }
        Project.Stimulus stimulus = p.stimulus();
        if (stimulus != null && stimulus.input() != null
                && spec.inputs().stream().map(InputSpec::name).noneMatch(stimulus.input()::equals)) {
            dropped.add(new Drop(DropKind.STIMULUS_INPUT, stimulus.input()));
            stimulus = new Project.Stimulus(stimulus.dt(), null, stimulus.traces(), stimulus.steps(), stimulus.unit());
        }
        Project next = new Project(p.schemaVersion(), p.name(), p.description(), model, parameters, stimulus, record,
                target, fit, p.recording(), p.results());
        return new ModelReplacement(next, dropped);
    }

    /** The project with the parameter's value set (in the model's unit for it). */
    public static Project withParameterValue(Project p, String name, double value) {
        Map<String, Double> parameters = p.parameters() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(p.parameters());
        parameters.put(name, value);
        return ProjectEdits.withParameters(p, parameters);
    }

    /**
     * The project with the parameter free within {@code bounds} ([lower, upper], model unit), or
     * fixed when {@code bounds} is null. The free list is written out in the model's order, so a
     * project that freed "every trainable parameter" (no list) lists them from now on.
     */
    public static Project withFree(Project p, ModelSpec spec, String name, List<Double> bounds) {
        Map<String, List<Double>> current = effectiveFree(p, spec);
        Map<String, List<Double>> free = new LinkedHashMap<>();
        for (ParameterSpec parameter : spec.parameters()) {
            String n = parameter.name();
            if (n.equals(name)) {
                if (bounds != null) {
                    free.put(n, List.copyOf(bounds));
                }
            } else if (current.containsKey(n)) {
                free.put(n, current.get(n));
            }
        }
        return ProjectEdits.withFit(p, ProjectEdits.withFree(p.fit(), free));
    }

    /**
     * The free parameters and their bounds as a fit would use them: the project's list, or, when it
     * has none, every trainable parameter that has both bounds in the model.
     */
    public static Map<String, List<Double>> effectiveFree(Project p, ModelSpec spec) {
        if (p.fit() != null && p.fit().free() != null) {
            return p.fit().free();
        }
        Map<String, List<Double>> free = new LinkedHashMap<>();
        FitConfig.defaultFree(spec).forEach((name, bounds) -> {
            if (bounds != null) {
                free.put(name, bounds);
            }
        });
        return free;
    }

    private static Map<String, Double> keepValues(Map<String, Double> values, ModelSpec spec, DropKind kind, List<Drop> dropped) {
        if (values == null) {
            return null;
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            ParameterSpec parameter = spec.parameter(name);
            if (parameter == null) {
                dropped.add(new Drop(kind, name));
            } else if (!insideModelBounds(parameter, value)) {
                dropped.add(new Drop(kind == DropKind.PARAMETER_VALUE ? DropKind.PARAMETER_OUT_OF_BOUNDS : kind, name));
            } else {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** True when {@code value} lies within the model's own bounds for the parameter (the model check demands it). */
    static boolean insideModelBounds(ParameterSpec parameter, Double value) {
        return value != null && Double.isFinite(value)
                && (parameter.lower() == null || value >= parameter.lower())
                && (parameter.upper() == null || value <= parameter.upper());
    }
}
