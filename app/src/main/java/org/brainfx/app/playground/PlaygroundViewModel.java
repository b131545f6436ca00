package org.brainfx.app.playground;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.model.unit.Units;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.sim.NonFiniteStateException;

/**
 * The playground's state: which model and stimulus, a slider per parameter and per stimulus
 * setting, the newest simulated trace and what went wrong. Every slider move asks for a new
 * simulation on one background worker; requests made while one runs replace each other, so
 * the trace follows the slider as fast as the model simulates and never lags behind it.
 *
 * <p>Use on the UI thread. Tests pass synchronous executors and {@link UiExecutor#direct()}.
 */
public final class PlaygroundViewModel {

    /** How long a step or ramp run lasts, ms: 5 000 steps of a built-in model. */
    static final double RUN_MS = 100;
    /** Stimulus defaults, ms. */
    static final double STEP_START_MS = 10;
    static final double STEP_DURATION_MS = 80;
    /** Significant digits of the values written into the project (a slider's travel resolves no more). */
    static final int APPLIED_DIGITS = 6;
    /** The built-in model opened when there is no project. */
    static final String FIRST_BUILTIN = "hh";
    /**
     * Step amplitudes (nA) that make each built-in model spike a few times, and the largest the
     * slider offers: their rheobases span two orders of magnitude (HH below 0.1 nA, Izhikevich about 5 nA).
     */
    private static final Map<String, double[]> AMPLITUDES_NA = Map.of(
            "hh", new double[] {0.5, 2}, "lif", new double[] {2, 5}, "gif", new double[] {2, 5},
            "adex", new double[] {1, 3}, "izhikevich", new double[] {10, 30});
    private static final double[] OTHER_AMPLITUDE_NA = {1, 5};

    private final ProjectSession session;
    private final ResourceBundle messages;
    private final Executor background;
    private final UiExecutor ui;
    private final LatestWinsWorker<PlaygroundTrace> worker;
    private final ObservableList<ModelChoice> modelChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> modelChoice = new SimpleObjectProperty<>(this, "modelChoice");
    private final ObservableList<PlaygroundSlider> parameters = FXCollections.observableArrayList();
    private final ObservableList<PlaygroundSlider> stimulusSliders = FXCollections.observableArrayList();
    private final ObservableList<StimulusKind> stimulusKinds = FXCollections.observableArrayList();
    private final ObjectProperty<StimulusKind> stimulusKind = new SimpleObjectProperty<>(this, "stimulusKind");
    private final IntegerProperty sweep = new SimpleIntegerProperty(this, "sweep");
    private final ReadOnlyIntegerWrapper sweepCount = new ReadOnlyIntegerWrapper(this, "sweepCount");
    private final ObservableList<String> states = FXCollections.observableArrayList();
    private final StringProperty plottedState = new SimpleStringProperty(this, "plottedState");
    private final ReadOnlyObjectWrapper<PlaygroundTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper projectProblem = new ReadOnlyStringWrapper(this, "projectProblem", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyLongWrapper simulations = new ReadOnlyLongWrapper(this, "simulations");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final ReadOnlyStringWrapper applyHint = new ReadOnlyStringWrapper(this, "applyHint", "");
    private final ChangeListener<Object> rerun = (obs, old, now) -> simulate();
    private final ReadOnlyBooleanWrapper simulating = new ReadOnlyBooleanWrapper(this, "simulating");
    private PlaygroundSetup setup;
    private PlaygroundRun latestRun;
    private long loadGeneration;
    private boolean quiet;

    /**
     * A playground for the open project (its model is offered first) and the built-in models.
     *
     * @param session    the open project, or null when none is open (then only built-in models)
     * @param messages   the workbench's strings
     * @param background where models compile and the simulation worker runs (a pool is fine: the
     *                   worker never runs two simulations at once)
     * @param ui         where state changes are published
     */
    public PlaygroundViewModel(ProjectSession session, ResourceBundle messages, Executor background, UiExecutor ui) {
        this.session = session;
        this.messages = messages;
        this.background = background;
        this.ui = ui;
        this.worker = new LatestWinsWorker<>(background, ui);
        for (String name : ModelLibrary.names()) {
            modelChoices.add(new ModelChoice(MessageFormat.format(text("playground.model.builtin"), name), name));
        }
        modelChoice.addListener((obs, old, now) -> {
            if (now != null) {
                load(now);
            }
        });
        stimulusKind.addListener(rerun);
        sweep.addListener(rerun);
        if (session != null) {
            // A fit setting typed elsewhere changes nothing here: no new simulation, sliders kept.
            session.resolvedProperty().addListener((obs, old, now) -> {
                if (!ProjectSession.onlyFitSettingsChanged(old, now)) {
                    projectResolved(now);
                }
            });
        }
        if (session != null && session.resolved() != null) {
            projectResolved(session.resolved());
        } else if (session != null) {
            // The project is still resolving: wait for its model rather than show another one first.
            status.set(text("playground.status.project"));
            session.errorProperty().addListener((obs, old, now) -> projectFailed(now));
            projectFailed(session.errorProperty().get());
        } else {
            modelChoice.set(builtin(FIRST_BUILTIN));
        }
    }

    /** A project that cannot be resolved before any model is shown: say why and offer the built-in models. */
    private void projectFailed(String error) {
        if (modelChoice.get() == null && error != null && !error.isEmpty()) {
            projectProblem.set(MessageFormat.format(text("playground.problem.project"), error));
            modelChoice.set(builtin(FIRST_BUILTIN));
        }
    }

    /** Returns every slider (parameters and stimulus) to its starting value and simulates once. */
    public void reset() {
        quietly(() -> {
            parameters.forEach(PlaygroundSlider::reset);
            stimulusSliders.forEach(PlaygroundSlider::reset);
        });
        simulate();
    }

    /**
     * Writes the sliders' parameter values into the project as one undoable edit; does nothing
     * unless {@link #canApplyProperty()} holds.
     */
    public void applyToProject() {
        if (!canApply.get()) {
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (PlaygroundSlider s : parameters) {
            values.put(s.name(), rounded(s.value()));
        }
        Map<String, Double> started = startValues();
        session.document().edit(text("playground.apply.edit"), p -> {
            Map<String, Double> merged = new LinkedHashMap<>(p.parameters() == null ? Map.of() : p.parameters());
            // Values the project already lists are updated; others are written only when moved,
            // so a project keeps naming just the parameters that differ from the model's.
            values.forEach((name, v) -> {
                if (merged.containsKey(name) || !v.equals(rounded(started.get(name)))) {
                    merged.put(name, v);
                }
            });
            return ProjectEdits.withParameters(p, merged);
        });
    }

    private void projectResolved(ResolvedProject resolved) {
        if (resolved == null) {
            return;
        }
        projectProblem.set("");
        String name = resolved.project().name() == null || resolved.project().name().isBlank()
                ? resolved.file().getFileName().toString() : resolved.project().name();
        ModelChoice project = new ModelChoice(MessageFormat.format(text("playground.model.project"), name,
                resolved.spec().name()), null);
        boolean wasProject = modelChoice.get() == null || modelChoice.get().isProject();
        if (!modelChoices.isEmpty() && modelChoices.get(0).isProject()) {
            modelChoices.set(0, project);
        } else {
            modelChoices.add(0, project);
        }
        if (wasProject) {
            // The project changed (an edit, an undo, or Apply): the playground follows it, keeping the stimulus.
            install(PlaygroundSetup.of(project, resolved), setup != null && setup.project() != null);
            modelChoice.set(project);
        }
    }

    private void load(ModelChoice choice) {
        long mine = ++loadGeneration;
        if (choice.isProject()) {
            if (setup == null || setup.choice() != choice) {
                install(PlaygroundSetup.of(choice, session.resolved()), false);
            }
            return;
        }
        loading.set(true);
        status.set(MessageFormat.format(text("playground.status.compiling"), choice.builtin()));
        background.execute(() -> {
            PlaygroundSetup loaded = null;
            RuntimeException failure = null;
            try {
                loaded = PlaygroundSetup.compile(choice);
            } catch (RuntimeException e) {
                failure = e;
            }
            PlaygroundSetup s = loaded;
            RuntimeException f = failure;
            ui.execute(() -> {
                if (mine != loadGeneration) {
                    return;
                }
                loading.set(false);
                if (s != null) {
                    install(s, false);
                } else {
                    status.set("");
                    problem.set(MessageFormat.format(text("playground.problem.compile"), choice.builtin(),
                            String.valueOf(f.getMessage())));
                }
            });
        });
    }

    /** Shows a newly loaded model: sliders from its values, the stimulus kept if asked and possible. */
    private void install(PlaygroundSetup loaded, boolean keepStimulus) {
        quietly(() -> {
            setup = loaded;
            loadGeneration++;
            loading.set(false);
            problem.set("");
            for (PlaygroundSlider old : parameters) {
                old.valueProperty().removeListener(rerun);
            }
            List<PlaygroundSlider> sliders = new ArrayList<>();
            for (ParameterSpec p : loaded.spec().parameters()) {
                PlaygroundSlider s = new PlaygroundSlider(p.name(), p.unit(),
                        SliderScale.around(p.value(), p.lower(), p.upper()), p.value());
                s.valueProperty().addListener(rerun);
                s.valueProperty().addListener((obs, old, now) -> refreshCanApply());
                sliders.add(s);
            }
            parameters.setAll(sliders);
            List<StimulusKind> kinds = stimulusKindsOf(loaded);
            if (!keepStimulus || !kinds.equals(stimulusKinds)) {
                stimulusKinds.setAll(kinds);
                stimulusSliders.setAll(stimulusSlidersOf(loaded));
                stimulusSliders.forEach(s -> s.valueProperty().addListener(rerun));
                stimulusKind.set(kinds.isEmpty() ? null : kinds.get(0));
            }
            int sweeps = loaded.project() == null ? 0 : loaded.project().sweeps();
            sweepCount.set(sweeps);
            if (!keepStimulus || sweep.get() >= sweeps) {
                sweep.set(0);
            }
            List<String> names = loaded.model().stateNames();
            String plotted = plottedState.get();
            states.setAll(names);
            plottedState.set(keepStimulus && names.contains(plotted) ? plotted : defaultPlottedState(names));
            refreshCanApply();
        });
        simulate();
    }

    private List<StimulusKind> stimulusKindsOf(PlaygroundSetup s) {
        List<StimulusKind> kinds = new ArrayList<>();
        if (s.project() != null) {
            kinds.add(StimulusKind.PROJECT);
        }
        CompiledModel m = s.model();
        int input = s.project() == null ? 0 : s.project().input();
        if (m.inputCount() > input && m.checked().inputs().get(input).unit().sameDimension(Units.parse("nA"))) {
            kinds.add(StimulusKind.STEP);
            kinds.add(StimulusKind.RAMP);
        }
        return kinds;
    }

    private List<PlaygroundSlider> stimulusSlidersOf(PlaygroundSetup s) {
        double[] amplitude = AMPLITUDES_NA.getOrDefault(s.spec().name(), OTHER_AMPLITUDE_NA);
        return List.of(
                new PlaygroundSlider(text("playground.stimulus.amplitude"), "nA",
                        new SliderScale(-amplitude[1] / 2, amplitude[1], false), amplitude[0]),
                new PlaygroundSlider(text("playground.stimulus.start"), "ms", new SliderScale(0, RUN_MS, false),
                        STEP_START_MS),
                new PlaygroundSlider(text("playground.stimulus.duration"), "ms", new SliderScale(0, RUN_MS, false),
                        STEP_DURATION_MS));
    }

    /**
     * The last state: in the built-in models the slowest one, whose plane with V shows the
     * dynamics best (n for HH, w for AdEx, u for Izhikevich, the threshold for GIF).
     */
    private static String defaultPlottedState(List<String> names) {
        return names.get(names.size() - 1);
    }

    /** Asks for a simulation with the current sliders; replaces any request that has not started yet. */
    private void simulate() {
        if (quiet || setup == null) {
            return;
        }
        PlaygroundRun run = currentRun();
        latestRun = run;
        simulating.set(true);
        worker.submit(run::simulate, result -> {
            if (run.setup() == setup) {
                show(result);
            }
            settled(run);
        }, failure -> {
            if (run.setup() == setup) {
                fail(failure);
            }
            settled(run);
        });
    }

    /** The newest request's outcome is shown: nothing is left to simulate. */
    private void settled(PlaygroundRun run) {
        if (run == latestRun) {
            simulating.set(false);
        }
    }

    private PlaygroundRun currentRun() {
        CompiledModel model = setup.model();
        List<CheckedModel.Symbol> symbols = model.checked().parameters();
        double[] values = new double[symbols.size()];
        for (PlaygroundSlider s : parameters) {
            int i = model.parameterIndex(s.name());
            values[i] = symbols.get(i).unit().toInternal(s.value());
        }
        double[] initial = model.checked().states().stream().mapToDouble(CheckedModel.Symbol::value).toArray();
        ResolvedProject project = setup.project();
        StimulusKind kind = stimulusKind.get();
        int inputIndex = project == null ? 0 : project.input();
        if (kind == StimulusKind.PROJECT) {
            int k = Math.min(sweep.get(), project.sweeps() - 1);
            double[] target = null;
            if (project.target() != null) {
                int state = model.stateIndex(project.targetState());
                if (project.startFromTarget()) {
                    initial[state] = project.target()[k][0];
                }
                if (state == 0) {
                    target = PlaygroundRun.declared(project.target()[k], model.checked().states().get(0).unit());
                }
            }
            return new PlaygroundRun(setup, values, project.stimulus()[k], inputIndex, project.steps(), initial, target);
        }
        int steps = (int) Math.round(RUN_MS / setup.dt());
        double[] input = kind == null ? null : designedCurrent(kind, steps);
        return new PlaygroundRun(setup, values, input, inputIndex, steps, initial, null);
    }

    /** The step or ramp the stimulus sliders describe, in the internal unit of current (nA). */
    private double[] designedCurrent(StimulusKind kind, int steps) {
        double amplitude = Units.parse("nA").toInternal(stimulusSliders.get(0).value());
        double dt = setup.dt();
        int from = (int) Math.round(stimulusSliders.get(1).value() / dt);
        int length = (int) Math.round(stimulusSliders.get(2).value() / dt);
        double[] current = new double[steps];
        for (int k = Math.max(0, from); k < Math.min(steps, from + length); k++) {
            current[k] = kind == StimulusKind.STEP ? amplitude : amplitude * (k - from + 1) / length;
        }
        return current;
    }

    private void show(PlaygroundTrace result) {
        simulations.set(simulations.get() + 1);
        problem.set("");
        trace.set(result);
        String spikes = setup.model().hasSpike()
                ? MessageFormat.format(text("playground.status.spikes"), result.spikes()) : "";
        status.set(MessageFormat.format(text("playground.status.done"), setup.spec().name(),
                String.format(Locale.ROOT, "%,d", result.steps()), number(result.dt()),
                String.format(Locale.ROOT, "%.1f", result.wallMillis()), spikes));
    }

    private void fail(RuntimeException failure) {
        simulations.set(simulations.get() + 1);
        trace.set(null);
        status.set("");
        if (failure instanceof NonFiniteStateException e) {
            problem.set(MessageFormat.format(text("playground.problem.diverged"), e.variable(),
                    number((e.step() + 1) * setup.dt())));
        } else {
            problem.set(MessageFormat.format(text("playground.problem.failed"), String.valueOf(failure.getMessage())));
        }
    }

    private void refreshCanApply() {
        if (session == null) {
            canApply.set(false);
            applyHint.set(text("playground.apply.noProject"));
            return;
        }
        if (setup == null || setup.project() == null) {
            canApply.set(false);
            applyHint.set(text("playground.apply.otherModel"));
            return;
        }
        Map<String, Double> started = startValues();
        boolean moved = parameters.stream().anyMatch(s -> !rounded(s.value()).equals(rounded(started.get(s.name()))));
        canApply.set(moved);
        applyHint.set(moved ? "" : text("playground.apply.unchanged"));
    }

    /** The parameter values of the loaded model (the project's, or the built-in defaults). */
    private Map<String, Double> startValues() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (ParameterSpec p : setup.spec().parameters()) {
            m.put(p.name(), p.value());
        }
        return m;
    }

    private void quietly(Runnable change) {
        boolean was = quiet;
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = was;
        }
    }

    private ModelChoice builtin(String name) {
        return modelChoices.stream().filter(c -> name.equals(c.builtin())).findFirst().orElseThrow();
    }

    private static Double rounded(double v) {
        return new BigDecimal(v).round(new MathContext(APPLIED_DIGITS)).doubleValue();
    }

    /** A number without trailing zeros, e.g. 0.02 or 12.5. */
    static String number(double v) {
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    private String text(String key) {
        return messages.getString(key);
    }

    /** The models on offer: the project's first (when a project is open), then the built-in ones. */
    public ObservableList<ModelChoice> modelChoices() {
        return modelChoices;
    }

    /** The model being explored; choosing another loads it (built-in models compile in the background). */
    public ObjectProperty<ModelChoice> modelChoiceProperty() {
        return modelChoice;
    }

    /** One slider per model parameter, replaced when another model is loaded. */
    public ObservableList<PlaygroundSlider> parameters() {
        return parameters;
    }

    /** The stimulus sliders of a step or ramp: amplitude (nA), start (ms), duration (ms), in that order. */
    public ObservableList<PlaygroundSlider> stimulusSliders() {
        return stimulusSliders;
    }

    /** The stimuli the loaded model can take (a project sweep only for the project's model). */
    public ObservableList<StimulusKind> stimulusKinds() {
        return stimulusKinds;
    }

    /** The stimulus driving the model, or null for a model without a current input. */
    public ObjectProperty<StimulusKind> stimulusKindProperty() {
        return stimulusKind;
    }

    /** Which project sweep plays for {@link StimulusKind#PROJECT}, 0-based. */
    public IntegerProperty sweepProperty() {
        return sweep;
    }

    /** Number of the project's sweeps (0 for a built-in model). */
    public ReadOnlyIntegerProperty sweepCountProperty() {
        return sweepCount.getReadOnlyProperty();
    }

    /** The loaded model's state names; the first is plotted against time in the main plot. */
    public ObservableList<String> states() {
        return states;
    }

    /** The state shown in the second plot and on the phase plane's vertical axis. */
    public StringProperty plottedStateProperty() {
        return plottedState;
    }

    /** The newest simulated trace, or null while none is valid (loading, or the last one diverged). */
    public ReadOnlyObjectProperty<PlaygroundTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** What went wrong with the newest simulation or model ("" when nothing did). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the open project cannot be simulated, while the playground shows a built-in model instead ("" otherwise). */
    public ReadOnlyStringProperty projectProblemProperty() {
        return projectProblem.getReadOnlyProperty();
    }

    /** A line about the newest simulation (steps, time, spikes) or the model being compiled. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a built-in model compiles. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True from a slider move until the trace for the newest values is shown. */
    public ReadOnlyBooleanProperty simulatingProperty() {
        return simulating.getReadOnlyProperty();
    }

    /**
     * How many simulated traces (or divergences) were shown; intermediate slider values never run,
     * and a result overtaken by a newer one before the UI thread took it is not counted.
     */
    public ReadOnlyLongProperty simulationsProperty() {
        return simulations.getReadOnlyProperty();
    }

    /** How many simulation requests were replaced by newer ones before they ran. */
    public long droppedRequests() {
        return worker.dropped();
    }

    /** True when the project's model is loaded and a parameter slider differs from the project's value. */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** Why Apply to project is unavailable ("" when it is available). */
    public ReadOnlyStringProperty applyHintProperty() {
        return applyHint.getReadOnlyProperty();
    }
}
