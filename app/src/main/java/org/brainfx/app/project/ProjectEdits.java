package org.brainfx.app.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.SavedFit;

/** Pure functions that return a project with one part replaced, for {@link ProjectDocument#edit}. */
public final class ProjectEdits {

    /** Fit settings that leave everything to FitConfig's defaults. */
    public static final FitSettings DEFAULT_FIT = new FitSettings(null, null, null, null, null, null, null, null, null);

    private ProjectEdits() {
    }

    /** {@code fit}, or {@link #DEFAULT_FIT} when the project has none. */
    public static FitSettings orDefault(FitSettings fit) {
        return fit == null ? DEFAULT_FIT : fit;
    }

    /** The project with other parameter values (model units). */
    public static Project withParameters(Project p, Map<String, Double> parameters) {
        return new Project(p.schemaVersion(), p.name(), p.description(), p.model(), parameters, p.stimulus(),
                p.record(), p.target(), p.fit(), p.recording(), p.results());
    }

    /** Fit settings (null: the defaults) with other free parameters and bounds. */
    public static FitSettings withFree(FitSettings f, Map<String, List<Double>> free) {
        FitSettings s = orDefault(f);
        return new FitSettings(free, s.losses(), s.optimizer(), s.starts(), s.maxIterations(), s.maxEvaluations(),
                s.budgetSeconds(), s.seed(), s.targetLoss(), s.learningRate(), s.pruneEvery(), s.keepStarts(),
                s.startSampling(), s.adamBounds(), s.screen());
    }

    /** Fit settings (null: the defaults) with other loss terms. */
    public static FitSettings withLosses(FitSettings f, List<FitSettings.LossTerm> losses) {
        FitSettings s = orDefault(f);
        return new FitSettings(s.free(), losses, s.optimizer(), s.starts(), s.maxIterations(), s.maxEvaluations(),
                s.budgetSeconds(), s.seed(), s.targetLoss(), s.learningRate(), s.pruneEvery(), s.keepStarts(),
                s.startSampling(), s.adamBounds(), s.screen());
    }

    /** The project with another name and description. */
    public static Project withNameAndDescription(Project p, String name, String description) {
        return new Project(p.schemaVersion(), name, description, p.model(), p.parameters(), p.stimulus(), p.record(),
                p.target(), p.fit(), p.recording(), p.results());
    }

    /** The project with other fit settings. */
    public static Project withFit(Project p, FitSettings fit) {
        return new Project(p.schemaVersion(), p.name(), p.description(), p.model(), p.parameters(), p.stimulus(),
                p.record(), p.target(), fit, p.recording(), p.results());
    }

    /** The project with another model reference. */
    public static Project withModel(Project p, Project.ModelRef model) {
        return new Project(p.schemaVersion(), p.name(), p.description(), model, p.parameters(), p.stimulus(),
                p.record(), p.target(), p.fit(), p.recording(), p.results());
    }

    /** The project with another recording reference. */
    public static Project withRecording(Project p, Project.RecordingRef recording) {
        return new Project(p.schemaVersion(), p.name(), p.description(), p.model(), p.parameters(), p.stimulus(),
                p.record(), p.target(), p.fit(), recording, p.results());
    }

    /** Fit settings with another optimizer, starts, iteration budget, wall-time budget and seed (null keeps the default). */
    public static FitSettings withRun(FitSettings f, String optimizer, Integer starts, Integer maxIterations,
                                      Double budgetSeconds, Long seed) {
        FitSettings s = orDefault(f);
        return new FitSettings(s.free(), s.losses(), optimizer, starts, maxIterations, s.maxEvaluations(),
                budgetSeconds, seed, s.targetLoss(), s.learningRate(), s.pruneEvery(), s.keepStarts(),
                s.startSampling(), s.adamBounds(), s.screen());
    }

    /** A model reference with the reset detached from the gradient or not (null keeps the model's choice). */
    public static Project.ModelRef withDetachReset(Project.ModelRef m, Boolean detach) {
        return new Project.ModelRef(m.builtin(), m.file(), m.spec(), detach, m.surrogate(), m.text());
    }

    /** A recording reference with another voltage offset, mV. */
    public static Project.RecordingRef withOffset(Project.RecordingRef r, Double offsetMv) {
        return new Project.RecordingRef(r.file(), r.sweeps(), r.window(), r.dt(), offsetMv, r.channel(), r.baseline(),
                r.spikes());
    }

    /** The project with {@code kept} added after its earlier results. */
    public static Project withResultAdded(Project p, SavedFit kept) {
        List<SavedFit> all = new ArrayList<>(p.savedFits());
        all.add(kept);
        return p.withResults(all);
    }

    /** The project without its result number {@code index} (from 0); an index past the end changes nothing. */
    public static Project withResultRemoved(Project p, int index) {
        if (index < 0 || index >= p.savedFits().size()) {
            return p;
        }
        List<SavedFit> all = new ArrayList<>(p.savedFits());
        all.remove(index);
        return p.withResults(all);
    }

    /** The project with its result number {@code index} (from 0) replaced, e.g. once the fit has been simulated. */
    public static Project withResultReplaced(Project p, int index, SavedFit now) {
        if (index < 0 || index >= p.savedFits().size()) {
            return p;
        }
        List<SavedFit> all = new ArrayList<>(p.savedFits());
        all.set(index, now);
        return p.withResults(all);
    }
}
