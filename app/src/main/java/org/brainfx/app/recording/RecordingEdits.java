package org.brainfx.app.recording;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;

/**
 * The project rewrites the Recording view makes: which sweeps of the recording a fit uses, and the
 * time window its loss terms look at. Pure functions of the project value, so each is one
 * undoable {@code ProjectDocument.edit}.
 */
public final class RecordingEdits {

    /** The loss kind a project fits when it names none (as {@code FitConfig} assumes). */
    static final String DEFAULT_LOSS = "mse";

    private RecordingEdits() {
    }

    /** The window a loss term looks at, in ms of the fitted sweeps; null for the whole sweep. */
    public record TermWindow(String kind, List<Double> window) { }

    /**
     * True for loss kinds whose {@code window} says where in the sweep they look: the voltage MSE
     * and the features. Input resistance is left out: its window is the step it measures, paired
     * with its baseline, not a choice of where to fit.
     */
    public static boolean usesFitWindow(String kind) {
        return switch (kind) {
            case "spike_count", "van_rossum", "gamma", "input_resistance" -> false;
            default -> true;
        };
    }

    /** The selected sweep indices of the project's recording, ascending; all {@code sweepCount} when it names none. */
    public static List<Integer> selectedSweeps(Project p, int sweepCount) {
        List<Integer> named = p.recording() == null ? null : p.recording().sweeps();
        if (named == null) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < sweepCount; i++) {
                all.add(i);
            }
            return all;
        }
        return List.copyOf(new TreeSet<>(named));
    }

    /**
     * The project fitting {@code sweeps} of its recording (null when they are all {@code sweepCount},
     * as the project file says "all"). Per-sweep loss weights follow their sweeps: a sweep that stays
     * keeps its weight, a newly added one weighs 1, so the weights still line up with the sweeps.
     *
     * @throws IllegalArgumentException without a recording, or with no sweep or one outside 0..sweepCount-1
     */
    public static Project withSweeps(Project p, List<Integer> sweeps, int sweepCount) {
        if (p.recording() == null) {
            throw new IllegalArgumentException("project '" + p.name() + "' has no recording to select sweeps of");
        }
        TreeSet<Integer> chosen = new TreeSet<>(sweeps);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("at least one sweep must stay selected");
        }
        if (chosen.first() < 0 || chosen.last() >= sweepCount) {
            throw new IllegalArgumentException("sweeps " + chosen + " are not all within 0.." + (sweepCount - 1));
        }
        List<Integer> before = selectedSweeps(p, sweepCount);
        List<Integer> after = List.copyOf(chosen);
        Project.RecordingRef r = p.recording();
        Project.RecordingRef ref = new Project.RecordingRef(r.file(), after.size() == sweepCount ? null : after,
                r.window(), r.dt(), r.offsetMv(), r.channel(), r.baseline(), r.spikes());
        FitSettings fit = p.fit();
        if (fit != null && fit.losses() != null) {
            List<FitSettings.LossTerm> terms = new ArrayList<>();
            for (FitSettings.LossTerm t : fit.losses()) {
                terms.add(withWeights(t, remapWeights(t.sweepWeights(), before, after)));
            }
            fit = ProjectEdits.withLosses(fit, terms);
        }
        return ProjectEdits.withFit(ProjectEdits.withRecording(p, ref), fit);
    }

    /** Weights of the sweeps {@code after}, taken from the ones they had among {@code before}. */
    private static List<Double> remapWeights(List<Double> weights, List<Integer> before, List<Integer> after) {
        // Weights that do not line up with the old selection already fail FitConfig; leave them for it to report.
        if (weights == null || weights.size() != before.size()) {
            return weights;
        }
        Map<Integer, Double> bySweep = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            bySweep.put(before.get(i), weights.get(i));
        }
        return after.stream().map(s -> bySweep.getOrDefault(s, 1.0)).toList();
    }

    /**
     * The windows of the project's loss terms that use one ({@link #usesFitWindow}), in their order;
     * a project without loss terms fits the default MSE over whole sweeps.
     */
    public static List<TermWindow> fitWindows(Project p) {
        List<TermWindow> out = new ArrayList<>();
        for (FitSettings.LossTerm t : losses(p)) {
            if (usesFitWindow(t.kind())) {
                out.add(new TermWindow(t.kind(), t.window()));
            }
        }
        return out;
    }

    /**
     * The project with {@code windowMs} ([start, end] ms of the fitted sweeps; null: whole sweeps)
     * as the window of every loss term that uses one. A project without loss terms gets the default
     * MSE term written out, so the window has a term to belong to.
     */
    public static Project withFitWindow(Project p, List<Double> windowMs) {
        if (windowMs != null && (windowMs.size() != 2 || !(windowMs.get(0) < windowMs.get(1)))) {
            throw new IllegalArgumentException("a fit window is [start, end] ms with start < end, got " + windowMs);
        }
        List<Double> window = windowMs == null ? null : List.copyOf(windowMs);
        if (fitWindows(p).stream().allMatch(w -> Objects.equals(w.window(), window))) {
            return p;
        }
        List<FitSettings.LossTerm> terms = new ArrayList<>();
        for (FitSettings.LossTerm t : losses(p)) {
            terms.add(usesFitWindow(t.kind()) ? new FitSettings.LossTerm(t.kind(), t.weight(), t.every(),
                    t.divisions(), t.tau(), window, t.baseline(), t.sweepWeights()) : t);
        }
        return ProjectEdits.withFit(p, ProjectEdits.withLosses(p.fit(), terms));
    }

    private static List<FitSettings.LossTerm> losses(Project p) {
        FitSettings fit = p.fit();
        if (fit == null || fit.losses() == null || fit.losses().isEmpty()) {
            return List.of(new FitSettings.LossTerm(DEFAULT_LOSS, 1.0, null, null, null));
        }
        return fit.losses();
    }

    private static FitSettings.LossTerm withWeights(FitSettings.LossTerm t, List<Double> weights) {
        return new FitSettings.LossTerm(t.kind(), t.weight(), t.every(), t.divisions(), t.tau(), t.window(),
                t.baseline(), weights);
    }
}
