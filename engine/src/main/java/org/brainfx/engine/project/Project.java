package org.brainfx.engine.project;

import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.SpikeDetector;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;

/**
 * A BrainFX project ({@code *.brainfx.json}): a model, the stimulus that drives it, what to
 * record, and optionally a target to fit and the fit's settings. Paths are relative to the
 * project file's folder.
 *
 * @param schemaVersion version of this file format ({@link ProjectFiles#SCHEMA_VERSION})
 * @param parameters    parameter values overriding the model's, in the model's declared units
 * @param record        states to record (default: the first state)
 * @param target        what a fit matches, or null
 * @param fit           fit settings, or null
 * @param recording     a recording (ABF, NWB, CSV) that gives both the stimulus and the target, or null
 * @param results       the fits kept with the project, oldest first (null or empty: none)
 */
public record Project(int schemaVersion, String name, String description, ModelRef model,
                      Map<String, Double> parameters, Stimulus stimulus, List<String> record, Target target,
                      FitSettings fit, RecordingRef recording, List<SavedFit> results) {

    /** A project without a recording. */
    public Project(int schemaVersion, String name, String description, ModelRef model, Map<String, Double> parameters,
                   Stimulus stimulus, List<String> record, Target target, FitSettings fit) {
        this(schemaVersion, name, description, model, parameters, stimulus, record, target, fit, null, null);
    }

    /** A project without kept results. */
    public Project(int schemaVersion, String name, String description, ModelRef model, Map<String, Double> parameters,
                   Stimulus stimulus, List<String> record, Target target, FitSettings fit, RecordingRef recording) {
        this(schemaVersion, name, description, model, parameters, stimulus, record, target, fit, recording, null);
    }

    /** The kept fit results, oldest first (never null). */
    public List<SavedFit> savedFits() {
        return results == null ? List.of() : results;
    }

    /** This project with other kept results (an empty list is written as none). */
    public Project withResults(List<SavedFit> kept) {
        return new Project(schemaVersion, name, description, model, parameters, stimulus, record, target, fit,
                recording, kept == null || kept.isEmpty() ? null : List.copyOf(kept));
    }

    /** This project marked with another schema version (reading an older file upgrades it in memory). */
    public Project withSchemaVersion(int version) {
        return new Project(version, name, description, model, parameters, stimulus, record, target, fit, recording,
                results);
    }

    /**
     * A recording file whose sweeps drive the model (their stimulus) and are its target (their
     * response): the file, which sweeps, a time window and time step, and a voltage offset.
     *
     * @param sweeps   sweep indices (null: all)
     * @param window   [start, end] ms (null: whole sweeps)
     * @param dt       time step to resample to, ms (null: the file's)
     * @param offsetMv subtracted from the recorded voltage (e.g. a liquid-junction potential; null: 0)
     * @param channel  the recorded channel that is the response, 0-based (ABF; NWB: the electrode; null: chosen by units)
     * @param baseline [start, end] ms: align every sweep's baseline mean to their common mean (null: no)
     * @param spikes   how the recording's spikes are detected (null, or null fields: {@link SpikeDetector#DEFAULT})
     */
    public record RecordingRef(String file, List<Integer> sweeps, List<Double> window, Double dt, Double offsetMv,
                               Integer channel, List<Double> baseline, SpikeDetector.Settings spikes) {
        /** A reference to the channel chosen by units, without baseline alignment. */
        public RecordingRef(String file, List<Integer> sweeps, List<Double> window, Double dt, Double offsetMv) {
            this(file, sweeps, window, dt, offsetMv, null, null, null);
        }

        /** A reference with the default spike detection. */
        public RecordingRef(String file, List<Integer> sweeps, List<Double> window, Double dt, Double offsetMv,
                            Integer channel, List<Double> baseline) {
            this(file, sweeps, window, dt, offsetMv, channel, baseline, null);
        }

        /** The spike detection settings, missing ones taken from the defaults. */
        public SpikeDetector.Settings spikeSettings() {
            return spikes == null ? SpikeDetector.DEFAULT : spikes.orDefaults();
        }
    }

    /**
     * Where the model comes from: exactly one of a built-in name, a {@code .model} text file, or
     * an inline spec; optionally with the reset detached and another surrogate (null keeps the model's).
     *
     * @param text an inline spec as the user typed it, comments and layout included, for the editor;
     *             the spec is what counts, and text that no longer reads as the spec is not shown
     */
    public record ModelRef(String builtin, String file, ModelSpec spec, Boolean detachReset,
                           org.brainfx.engine.model.SurrogateSpec surrogate, String text) {
        /** A reference without overrides. */
        public ModelRef(String builtin, String file, ModelSpec spec) {
            this(builtin, file, spec, null, null, null);
        }

        /** A reference without typed text. */
        public ModelRef(String builtin, String file, ModelSpec spec, Boolean detachReset,
                        org.brainfx.engine.model.SurrogateSpec surrogate) {
            this(builtin, file, spec, detachReset, surrogate, null);
        }

        /** The typed text when it still reads as the inline spec, else null (e.g. the JSON was edited by hand). */
        public String textOfSpec() {
            if (text == null || spec == null) {
                return null;
            }
            try {
                return ModelText.parse(text).equals(spec) ? text : null;
            } catch (ModelException e) {
                return null;
            }
        }
    }

    /**
     * The input of every sweep: either a trace file or step protocols ({@code steps}: one list
     * per sweep of alternating amplitude and duration-in-ms values), sampled at {@code dt} ms.
     *
     * @param input model input the stimulus drives (default: the model's first input)
     * @param unit  unit of the step amplitudes (default nA)
     */
    public record Stimulus(double dt, String input, TraceFile traces, List<List<Double>> steps, String unit) { }

    /**
     * Traces in a CSV file.
     *
     * @param layout      {@code rows} (one trace per row) — the only layout read here so far
     * @param indexColumn true when each row starts with a row index
     * @param unit        unit of the values (e.g. {@code A}, {@code mV})
     */
    public record TraceFile(String file, String layout, boolean indexColumn, String unit) { }

    /**
     * What a fit matches: recorded traces of {@code state}, or a synthetic target simulated
     * from the model with {@code syntheticParameters} (model units) on the same stimulus.
     */
    public record Target(String state, TraceFile traces, Map<String, Double> syntheticParameters) { }
}
