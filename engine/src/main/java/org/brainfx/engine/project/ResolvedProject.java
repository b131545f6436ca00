package org.brainfx.engine.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.data.Recording;
import org.brainfx.engine.data.RecordingException;
import org.brainfx.engine.data.SpikeDetector;
import org.brainfx.engine.data.Recordings;
import org.brainfx.engine.data.RowTraceCsv;
import org.brainfx.engine.data.SweepSelection;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.model.unit.Units;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.SimulationResult;
import org.brainfx.engine.sim.Simulator;
import org.brainfx.engine.sim.StepProtocol;
import org.brainfx.engine.sim.SweepInput;

/**
 * A project with everything it references loaded and checked: the model (with the project's
 * parameter values), the stimulus sweeps and the target traces in internal units.
 *
 * @param stimulus {@code [sweep][step]} input values, internal units
 * @param target       {@code [sweep][step]} target values of {@link #targetState}, or null without a target
 * @param targetSpikes target spike steps per sweep: the simulation's spikes for a synthetic
 *                     target, onsets found by {@link SpikeDetector} (with the recording's settings) for recorded traces
 * @param startFromTarget true when each sweep's simulation starts with the target state at the
 *                        recording's first sample (recordings), so the model does not spend the
 *                        sweep's first tens of milliseconds relaxing from its default initial value
 */
public record ResolvedProject(Project project, Path file, ModelSpec spec, CompiledModel model, double dt, int input,
                              double[][] stimulus, List<String> record, String targetState, double[][] target,
                              int[][] targetSpikes, boolean startFromTarget) {


    /** Loads and checks a project and everything it references. */
    public static ResolvedProject load(Path path) {
        Path file = ProjectFiles.locate(path);
        return resolve(ProjectFiles.read(file), file);
    }

    /** Resolves a project read from {@code file} (whose folder anchors relative paths). */
    public static ResolvedProject resolve(Project p, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String where = file.toString();
        var missing = ProjectPaths.firstMissing(p, dir);
        if (missing.isPresent()) {
            throw new MissingDataFileException(file, missing.get(), missing.get().resolve(dir));
        }
        ModelSpec spec = withParameters(loadModel(p.model(), dir, where), p.parameters(), where + ": \"parameters\"");
        CompiledModel model;
        try {
            model = ModelCompiler.compile(spec);
        } catch (ModelException e) {
            throw new ProjectException(where + ": model '" + spec.name() + "': " + e.getMessage(), e);
        }
        if (p.recording() != null) {
            return fromRecording(p, file, spec, model, dir, where);
        }
        Project.Stimulus st = p.stimulus();
        if (st == null || !(st.dt() > 0)) {
            throw new ProjectException(where + ": \"stimulus\" with a positive \"dt\" (ms) is required (or a \"recording\")");
        }
        int input = inputIndex(st.input(), model, spec, where);
        double[][] stimulus = loadStimulus(st, dir, where);
        List<String> record = recordedStates(p, model, spec, where);
        String targetState = null;
        double[][] target = null;
        int[][] targetSpikes = null;
        if (p.target() != null) {
            targetState = targetState(p, model, spec, where);
            TargetData loaded = loadTarget(p.target(), spec, targetState, stimulus, st.dt(), input, dir, where);
            target = loaded.traces();
            targetSpikes = loaded.spikes();
        }
        return new ResolvedProject(p, file, spec, model, st.dt(), input, stimulus, List.copyOf(record), targetState,
                target, targetSpikes, false);
    }

    /** A project whose stimulus and target are the selected sweeps of a recording file. */
    private static ResolvedProject fromRecording(Project p, Path file, ModelSpec spec, CompiledModel model, Path dir,
                                                 String where) {
        Project.RecordingRef ref = p.recording();
        if (p.stimulus() != null && (p.stimulus().traces() != null || p.stimulus().steps() != null)) {
            throw new ProjectException(where + ": give either \"recording\" or \"stimulus\" traces/steps, not both");
        }
        if (p.target() != null && (p.target().traces() != null || p.target().syntheticParameters() != null)) {
            throw new ProjectException(where + ": with a \"recording\" the target is its response; remove"
                    + " \"target.traces\" and \"target.syntheticParameters\"");
        }
        if (ref.file() == null) {
            throw new ProjectException(where + ": \"recording.file\" is required");
        }
        Path recordingFile = dir.resolve(ref.file());
        Recording rec;
        SweepSelection.Traces traces;
        try {
            rec = Recordings.read(recordingFile, new Recordings.Options(false, null,
                    ref.channel() == null ? Recordings.Options.AUTO_CHANNEL : ref.channel()));
            if (rec.clampMode() != Recording.ClampMode.CURRENT) {
                throw new ProjectException(recordingFile + ": the recording is " + rec.clampMode().name().toLowerCase()
                        + " clamp; BrainFX fits current-clamp recordings (the model's input is an injected current)");
            }
            traces = new SweepSelection(ref.sweeps(), ref.window(), ref.dt(), ref.offsetMv() == null ? 0 : ref.offsetMv(),
                    ref.baseline()).apply(rec);
        } catch (RecordingException e) {
            throw new ProjectException(where + ": \"recording\": " + e.getMessage(), e);
        }
        int input = inputIndex(p.stimulus() == null ? null : p.stimulus().input(), model, spec, where);
        List<String> record = recordedStates(p, model, spec, where);
        String targetState = targetState(p, model, spec, where);
        int[][] spikes = new int[traces.response().length][];
        String spikeProblem = ref.spikes() == null ? null : ref.spikes().problem();
        if (spikeProblem != null) {
            throw new ProjectException(where + ": \"recording.spikes\": " + spikeProblem);
        }
        for (int i = 0; i < spikes.length; i++) {
            spikes[i] = SpikeDetector.detect(traces.response()[i], traces.dtMs(), ref.spikeSettings()).onsets();
        }
        return new ResolvedProject(p, file, spec, model, traces.dtMs(), input, traces.stimulus(), List.copyOf(record),
                targetState, traces.response(), spikes, true);
    }

    private static int inputIndex(String name, CompiledModel model, ModelSpec spec, String where) {
        List<String> inputs = model.checked().inputs().stream().map(s -> s.name()).toList();
        int input = name == null ? 0 : inputs.indexOf(name);
        if (input < 0 || input >= model.inputCount()) {
            throw new ProjectException(where + ": \"stimulus.input\": model '" + spec.name() + "' has no input '"
                    + name + "'; inputs: " + inputs);
        }
        return input;
    }

    private static List<String> recordedStates(Project p, CompiledModel model, ModelSpec spec, String where) {
        List<String> record = p.record() == null || p.record().isEmpty() ? List.of(model.stateNames().get(0)) : p.record();
        for (String r : record) {
            if (!model.stateNames().contains(r)) {
                throw new ProjectException(where + ": \"record\": model '" + spec.name() + "' has no state '" + r
                        + "'; states: " + model.stateNames());
            }
        }
        return record;
    }

    private static String targetState(Project p, CompiledModel model, ModelSpec spec, String where) {
        String state = p.target() == null || p.target().state() == null ? model.stateNames().get(0) : p.target().state();
        if (!model.stateNames().contains(state)) {
            throw new ProjectException(where + ": \"target.state\": no state '" + state + "' in model '" + spec.name() + "'");
        }
        return state;
    }

    /** Number of sweeps. */
    public int sweeps() {
        return stimulus.length;
    }

    /** Steps per sweep. */
    public int steps() {
        return stimulus[0].length;
    }

    /** Simulates every sweep once with the project's parameters. */
    public SimulationResult simulate() {
        return new Simulator(model).run(initialLanes(1), SweepInput.tiled(stimulus, 1, input), steps(), dt, record);
    }

    /**
     * The model's default lane values for {@code repeats} × the sweeps (lane = repeat × sweeps +
     * sweep), with the target state starting at each sweep's first recorded sample when
     * {@link #startFromTarget()}.
     */
    public LaneValues initialLanes(int repeats) {
        LaneValues lanes = LaneValues.defaults(model, repeats * sweeps());
        if (startFromTarget && target != null) {
            int state = model.stateIndex(targetState);
            for (int l = 0; l < repeats * sweeps(); l++) {
                lanes.initial()[state][l] = target[l % sweeps()][0];
            }
        }
        return lanes;
    }

    private static ModelSpec loadModel(Project.ModelRef ref, Path dir, String where) {
        if (ref == null) {
            throw new ProjectException(where + ": \"model\" is required: {\"builtin\": \"hh\"}, {\"file\": \"x.model\"} or"
                    + " {\"spec\": {…}}; built-in models: " + ModelLibrary.names());
        }
        int given = (ref.builtin() != null ? 1 : 0) + (ref.file() != null ? 1 : 0) + (ref.spec() != null ? 1 : 0);
        if (given != 1) {
            throw new ProjectException(where + ": \"model\" must have exactly one of \"builtin\", \"file\" or \"spec\"");
        }
        ModelSpec spec = baseModel(ref, dir, where);
        if (ref.surrogate() != null) {
            spec = spec.withSurrogate(ref.surrogate());
        }
        if (ref.detachReset() != null) {
            spec = spec.withDetachReset(ref.detachReset());
        }
        return spec;
    }

    private static ModelSpec baseModel(Project.ModelRef ref, Path dir, String where) {
        try {
            if (ref.builtin() != null) {
                return ModelLibrary.get(ref.builtin());
            }
            if (ref.file() != null) {
                Path f = dir.resolve(ref.file());
                String text;
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new ProjectException(where + ": \"model.file\": cannot read " + f + " (" + e.getMessage() + ")");
                }
                try {
                    return ModelText.parse(text);
                } catch (ModelException e) {
                    throw new ProjectException(f + ": " + e.getMessage(), e);
                }
            }
            return ref.spec();
        } catch (ModelException e) {
            throw new ProjectException(where + ": \"model\": " + e.getMessage(), e);
        }
    }

    /** The spec with parameter values replaced; unknown names are an error naming the known ones. */
    public static ModelSpec withParameters(ModelSpec spec, Map<String, Double> values, String where) {
        if (values == null || values.isEmpty()) {
            return spec;
        }
        List<ParameterSpec> ps = new ArrayList<>(spec.parameters());
        for (Map.Entry<String, Double> e : values.entrySet()) {
            int i = indexOf(ps, e.getKey());
            if (i < 0) {
                throw new ProjectException(where + ": model '" + spec.name() + "' has no parameter '" + e.getKey()
                        + "'; parameters: " + ps.stream().map(ParameterSpec::name).toList());
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new ProjectException(where + ": parameter '" + e.getKey() + "' must be a finite number");
            }
            ps.set(i, ps.get(i).withValue(e.getValue()));
        }
        return spec.withParameters(ps);
    }

    private static int indexOf(List<ParameterSpec> ps, String name) {
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static double[][] loadStimulus(Project.Stimulus st, Path dir, String where) {
        if ((st.traces() == null) == (st.steps() == null)) {
            throw new ProjectException(where + ": \"stimulus\" needs exactly one of \"traces\" (a CSV file) or \"steps\""
                    + " (amplitude, duration pairs per sweep)");
        }
        double[][] sweeps;
        if (st.traces() != null) {
            sweeps = readTraces(st.traces(), dir, where + ": \"stimulus.traces\"");
        } else {
            double factor = unitFactor(st.unit() == null ? "nA" : st.unit(), where + ": \"stimulus.unit\"");
            sweeps = new double[st.steps().size()][];
            for (int i = 0; i < sweeps.length; i++) {
                List<Double> pairs = st.steps().get(i);
                double[] flat = pairs.stream().mapToDouble(d -> d).toArray();
                for (int k = 0; k < flat.length; k += 2) {
                    flat[k] *= factor;
                }
                try {
                    sweeps[i] = StepProtocol.of(flat).sample(st.dt());
                } catch (IllegalArgumentException e) {
                    throw new ProjectException(where + ": \"stimulus.steps\"[" + i + "]: " + e.getMessage(), e);
                }
            }
        }
        if (sweeps.length == 0 || sweeps[0].length == 0) {
            throw new ProjectException(where + ": the stimulus has no samples");
        }
        for (int i = 1; i < sweeps.length; i++) {
            if (sweeps[i].length != sweeps[0].length) {
                throw new ProjectException(where + ": stimulus sweep " + i + " has " + sweeps[i].length
                        + " samples but sweep 0 has " + sweeps[0].length + "; all sweeps must be equally long");
            }
        }
        return sweeps;
    }

    /** Target traces and their spike steps. */
    private record TargetData(double[][] traces, int[][] spikes) { }

    private static TargetData loadTarget(Project.Target t, ModelSpec spec, String state, double[][] stimulus, double dt,
                                       int input, Path dir, String where) {
        if ((t.traces() == null) == (t.syntheticParameters() == null)) {
            throw new ProjectException(where + ": \"target\" needs exactly one of \"traces\" or \"syntheticParameters\"");
        }
        double[][] target;
        int[][] spikes;
        if (t.traces() != null) {
            target = readTraces(t.traces(), dir, where + ": \"target.traces\"");
            spikes = new int[target.length][];
            for (int i = 0; i < target.length; i++) {
                spikes[i] = SpikeDetector.detect(target[i], dt).onsets();
            }
        } else {
            ModelSpec truth = withParameters(spec, t.syntheticParameters(), where + ": \"target.syntheticParameters\"");
            CompiledModel m = ModelCompiler.compile(truth);
            SimulationResult r = new Simulator(m).run(LaneValues.defaults(m, stimulus.length),
                    SweepInput.tiled(stimulus, 1, input), stimulus[0].length, dt, List.of(state));
            target = r.traces()[0];
            spikes = r.spikeSteps();
        }
        if (target.length != stimulus.length) {
            throw new ProjectException(where + ": the target has " + target.length + " sweeps but the stimulus has "
                    + stimulus.length);
        }
        for (int i = 0; i < target.length; i++) {
            if (target[i].length < stimulus[i].length) {
                throw new ProjectException(where + ": target sweep " + i + " has " + target[i].length
                        + " samples, fewer than the stimulus's " + stimulus[i].length);
            }
        }
        return new TargetData(target, spikes);
    }

    private static double[][] readTraces(Project.TraceFile tf, Path dir, String where) {
        if (tf.file() == null) {
            throw new ProjectException(where + ": \"file\" is required");
        }
        if (tf.layout() != null && !"rows".equals(tf.layout())) {
            throw new ProjectException(where + ": layout '" + tf.layout() + "' is not supported; use \"rows\" (one trace per row)");
        }
        double factor = unitFactor(tf.unit() == null ? "1" : tf.unit(), where + ": \"unit\"");
        try {
            return RowTraceCsv.read(dir.resolve(tf.file()), factor, tf.indexColumn());
        } catch (IOException e) {
            throw new ProjectException(where + ": " + e.getMessage(), e);
        }
    }

    private static double unitFactor(String unit, String where) {
        try {
            return Units.parse(unit).toInternalFactor();
        } catch (ModelException e) {
            throw new ProjectException(where + ": " + e.getMessage(), e);
        }
    }
}
