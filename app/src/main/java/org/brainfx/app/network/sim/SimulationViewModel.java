package org.brainfx.app.network.sim;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import org.brainfx.app.jobs.PausableJob;
import org.brainfx.app.jobs.RunningJob;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.net.BuiltPopulation;
import org.brainfx.engine.net.MonitorSpec;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkProgress;
import org.brainfx.engine.net.NetworkResult;
import org.brainfx.engine.net.NetworkSimulator;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PauseGate;
import org.brainfx.engine.net.RunOptions;

/**
 * The simulation view apart from its nodes: a network run started, paused, resumed and stopped from the
 * UI on a background pool, its spikes brought to the UI thread as they come (every snapshot applied in
 * order, one hand-off queued at a time), the firing histograms when it ends, the membrane potential of a
 * clicked neuron, and teaching mode, in which each change of a knob restarts a short run (the newest
 * setting wins: a running run is stopped, and only the latest request waits for it).
 */
public final class SimulationViewModel {
    /** Where a run stands. */
    public enum State {
        /** No run, or the last one ended. */
        IDLE,
        /** Building the network. */
        BUILDING,
        /** Simulating. */
        RUNNING,
        /** Paused. */
        PAUSED,
        /** Asked to stop. */
        STOPPING;

        /** True while a run holds the view. */
        public boolean active() {
            return this != IDLE;
        }
    }

    /** Simulated milliseconds of a teaching-mode run. */
    public static final double TEACHING_MS = 250;
    /** The paces offered, simulated ms per second (0: as fast as the machine goes). */
    public static final List<Double> PACES = List.of(1000.0, 500.0, 250.0, 100.0, 0.0);

    /** A snapshot of the run it belongs to. */
    private record Tagged(long run, NetworkProgress progress) { }

    /** The run in progress: its number, stop flag and pause gate. */
    private record ActiveRun(long id, AtomicBoolean cancel, PauseGate gate) { }

    private final Supplier<NetworkSpec> spec;
    private final Supplier<Path> baseDir;
    private final ResourceBundle messages;
    private final Executor background;
    private final UiExecutor ui;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final ObjectProperty<LiveSpikes> live = new SimpleObjectProperty<>(this, "live");
    private final LongProperty frames = new SimpleLongProperty(this, "frames");
    private final ObjectProperty<NetworkResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<FiringHistograms> histograms = new SimpleObjectProperty<>(this, "histograms");
    private final MembraneProbe probe;
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanProperty teaching = new SimpleBooleanProperty(this, "teaching");
    private final DoubleProperty inputScale = new SimpleDoubleProperty(this, "inputScale", 1);
    private final DoubleProperty g = new SimpleDoubleProperty(this, "g", 1);
    private final DoubleProperty weightScale = new SimpleDoubleProperty(this, "weightScale", 1);
    private final DoubleProperty pace = new SimpleDoubleProperty(this, "pace", 1000);
    private final ConcurrentLinkedQueue<Tagged> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final BooleanBinding canRun;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private ActiveRun active;
    private long runs;
    private boolean rerunWaiting;
    private double baselineG = Double.NaN;
    private NetworkSpec ranSpec;

    /**
     * The view-model of runs of the spec {@code spec} supplies (read when a run starts), with model and
     * data files relative to {@code baseDir}; runs on {@code background} (a low-priority pool in the
     * workbench), UI state changes through {@code ui}.
     */
    public SimulationViewModel(Supplier<NetworkSpec> spec, Supplier<Path> baseDir, ResourceBundle messages, Executor background,
                               UiExecutor ui) {
        this.spec = spec;
        this.baseDir = baseDir;
        this.messages = messages;
        this.background = background;
        this.ui = ui;
        this.probe = new MembraneProbe(baseDir, messages, background, ui);
        canRun = Bindings.createBooleanBinding(() -> state.get() == State.IDLE, state);
        state.addListener((o, a, b) -> updateStatus());
        frames.addListener((o, a, b) -> updateStatus());
        teaching.addListener((o, was, on) -> {
            if (on) {
                rerun();
            }
        });
        ChangeListener<Number> knob = (o, a, b) -> {
            if (teaching.get()) {
                rerun();
            }
        };
        inputScale.addListener(knob);
        g.addListener(knob);
        weightScale.addListener(knob);
        resetKnobs();
    }

    /** Where the run stands. */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    /** True when Run may be pressed. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** The spikes of the current or last run, replaced when a run starts. */
    public ReadOnlyObjectProperty<LiveSpikes> liveProperty() {
        return live;
    }

    /** Counts the snapshots applied to {@link #liveProperty()}: each change is a new picture to draw. */
    public ReadOnlyLongProperty framesProperty() {
        return frames;
    }

    /** The last finished run's result, null while one runs. */
    public ReadOnlyObjectProperty<NetworkResult> resultProperty() {
        return result;
    }

    /** The last finished run's firing histograms, null until computed. */
    public ReadOnlyObjectProperty<FiringHistograms> histogramsProperty() {
        return histograms;
    }

    /** The clicked neuron's membrane potential, null until one is clicked and computed. */
    public ReadOnlyObjectProperty<MembraneTrace> traceProperty() {
        return probe.traceProperty();
    }

    /** True while a clicked neuron's membrane potential is being computed. */
    public ReadOnlyBooleanProperty traceComputingProperty() {
        return probe.computingProperty();
    }

    /** What the trace panel says while it computes or when it failed. */
    public ReadOnlyStringProperty traceStatusProperty() {
        return probe.statusProperty();
    }

    /** The run's state and numbers in a line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last run failed, or "". */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** What teaching mode had to leave unscaled, or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Teaching mode: knob changes restart short runs. */
    public BooleanProperty teachingProperty() {
        return teaching;
    }

    /** The input-rate knob (multiple of the project's source rates). */
    public DoubleProperty inputScaleProperty() {
        return inputScale;
    }

    /** The g knob (w_I/w_E, or a factor on inhibitory weights when the project has no g). */
    public DoubleProperty gProperty() {
        return g;
    }

    /** The weight-scale knob. */
    public DoubleProperty weightScaleProperty() {
        return weightScale;
    }

    /** Simulated ms per second a run may go at most (0: unpaced). */
    public DoubleProperty paceProperty() {
        return pace;
    }

    /** The project's own g, NaN when its weights give none (then the g knob is a factor). */
    public double baselineG() {
        return baselineG;
    }

    /** True when the project has spike sources whose rate the input knob scales. */
    public boolean hasRateSources() {
        NetworkSpec s = spec.get();
        return s != null && SpecScaling.hasRateSources(s);
    }

    /** Sets the knobs to the project as it stands (its own g, factors 1). */
    public void resetKnobs() {
        NetworkSpec s = spec.get();
        baselineG = s == null ? Double.NaN : SpecScaling.baselineG(s);
        boolean was = teaching.get();
        teaching.set(false);
        inputScale.set(1);
        weightScale.set(1);
        g.set(Double.isNaN(baselineG) ? 1 : baselineG);
        teaching.set(was);
    }

    /** Starts a run of the current spec (as the knobs make it in teaching mode); ignored unless idle. */
    public void run() {
        if (state.get() != State.IDLE) {
            return;
        }
        NetworkSpec base = spec.get();
        if (base == null) {
            failure.set(text("sim.noNetwork"));
            return;
        }
        boolean teach = teaching.get();
        TeachingKnobs knobs;
        try {
            knobs = new TeachingKnobs(inputScale.get(), g.get(), weightScale.get());
        } catch (IllegalArgumentException e) {
            failure.set(e.getMessage());
            return;
        }
        double paceNow = pace.get();
        // g is read against the spec as it is now (an edit may have changed its weights since the knobs were set).
        double bg = SpecScaling.baselineG(base);
        ActiveRun run = new ActiveRun(++runs, new AtomicBoolean(), new PauseGate());
        active = run;
        failure.set("");
        result.set(null);
        histograms.set(null);
        state.set(State.BUILDING);
        background.execute(() -> simulate(run, base, teach ? knobs : null, bg, paceNow));
    }

    /**
     * Teaching mode's restart: runs now when idle; otherwise stops the run in progress and runs once it
     * has ended, however many changes come meanwhile.
     */
    public void rerun() {
        if (state.get() == State.IDLE) {
            run();
            return;
        }
        rerunWaiting = true;
        stop();
    }

    /** Pauses the run at its next checkpoint (a few steps on). */
    public void pause() {
        if (state.get() == State.RUNNING && active != null) {
            active.gate().pause();
            state.set(State.PAUSED);
        }
    }

    /** Resumes a paused run. */
    public void resume() {
        if (state.get() == State.PAUSED && active != null) {
            active.gate().resume();
            state.set(State.RUNNING);
        }
    }

    /** Stops the run, keeping what it simulated. */
    public void stop() {
        if (active != null && state.get().active() && state.get() != State.STOPPING) {
            active.cancel().set(true);
            active.gate().resume();
            state.set(State.STOPPING);
        }
    }

    /** Stops the run and any membrane-potential computation, for when the view is closed. */
    public void close() {
        rerunWaiting = false;
        probe.cancel();
        stop();
    }

    /**
     * Shows the membrane potential of neuron {@code neuron} of population {@code p} over the steps simulated
     * so far (see {@link MembraneProbe} for how).
     */
    public void showTrace(int p, int neuron) {
        LiveSpikes spikes = live.get();
        if (spikes != null && ranSpec != null && spikes.step() > 0) {
            probe.request(ranSpec, spikes, p, neuron);
        }
    }

    private void simulate(ActiveRun run, NetworkSpec base, TeachingKnobs knobs, double bg, double paceNow) {
        try {
            NetworkSpec s = base;
            String unscaled = "";
            if (knobs != null) {
                SpecScaling.Scaled scaled = SpecScaling.apply(base, knobs, bg);
                s = scaled.spec();
                unscaled = String.join(", ", scaled.unscaled());
            }
            // The raster needs every spike of every population; other monitors would only cost memory.
            s = new NetworkSpec(s.name(), s.description(), s.dt(), s.duration(), s.seed(), s.populations(), s.sources(),
                    s.projections(), s.currents(), List.of(MonitorSpec.spikes()));
            Double duration = knobs != null ? Math.min(TEACHING_MS, s.duration()) : null;
            Network net = NetworkFactory.build(s, baseDir.get());
            RasterLayout layout = layout(net, duration != null ? duration : s.duration());
            NetworkSpec ran = s;
            String note = unscaled;
            ui.execute(() -> started(run, layout, ran, note));
            NetworkResult r = NetworkSimulator.run(net, new RunOptions(duration, 1, p -> arrived(run, p), run.cancel()::get,
                    run.gate(), paceNow));
            FiringHistograms h = FiringHistograms.of(r, layout.types());
            ui.execute(() -> finished(run, r, h));
        } catch (RuntimeException e) {
            ui.execute(() -> failed(run, e));
        }
    }

    private static RasterLayout layout(Network net, double durationMs) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> voltages = new ArrayList<>();
        int[] sizes = new int[net.populations().size()];
        for (int p = 0; p < sizes.length; p++) {
            BuiltPopulation bp = net.populations().get(p);
            names.add(bp.name());
            types.add(bp.type());
            sizes[p] = bp.size();
            voltages.add(voltageState(bp.model().stateNames()));
        }
        double dt = net.spec().dt();
        return new RasterLayout(List.copyOf(names), List.copyOf(types), sizes, List.copyOf(voltages), dt,
                (int) Math.round(durationMs / dt));
    }

    /** The state named V (or v), else the model's first. */
    static String voltageState(List<String> states) {
        for (String s : states) {
            if (s.equals("V") || s.equals("v")) {
                return s;
            }
        }
        return states.get(0);
    }

    /** From the simulating thread: queues the snapshot and, unless one is queued, a hand-off to the UI thread. */
    private void arrived(ActiveRun run, NetworkProgress p) {
        incoming.add(new Tagged(run.id(), p));
        if (drainQueued.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        drainQueued.set(false);
        LiveSpikes spikes = live.get();
        boolean any = false;
        for (Tagged t = incoming.poll(); t != null; t = incoming.poll()) {
            if (active != null && t.run() == active.id() && spikes != null) {
                spikes.add(t.progress());
                any = true;
            }
        }
        if (any) {
            frames.set(frames.get() + 1);
        }
    }

    private void started(ActiveRun run, RasterLayout layout, NetworkSpec ran, String unscaled) {
        if (run != active) {
            return;
        }
        ranSpec = ran;
        notice.set(unscaled.isEmpty() ? "" : MessageFormat.format(text("sim.teaching.unscaled"), unscaled));
        live.set(new LiveSpikes(layout));
        if (state.get() == State.BUILDING) {
            state.set(State.RUNNING);
        } else if (state.get() == State.STOPPING) {
            run.cancel().set(true);
        }
    }

    private void finished(ActiveRun run, NetworkResult r, FiringHistograms h) {
        if (run != active) {
            return;
        }
        drain();
        active = null;
        result.set(r);
        histograms.set(h);
        state.set(State.IDLE);
        afterRun();
    }

    private void failed(ActiveRun run, RuntimeException e) {
        if (run != active) {
            return;
        }
        active = null;
        failure.set(e.getMessage() == null ? e.toString() : e.getMessage());
        state.set(State.IDLE);
        afterRun();
    }

    private void afterRun() {
        if (rerunWaiting) {
            rerunWaiting = false;
            run();
        }
    }

    private void updateStatus() {
        LiveSpikes s = live.get();
        String text = switch (state.get()) {
            case IDLE -> result.get() == null ? (failure.get().isEmpty() ? text("sim.status.idle") : failure.get())
                    : MessageFormat.format(text("sim.status.done"), ms(result.get().completedSteps() * result.get().dt()),
                    result.get().spikeCount(), rates(s));
            case BUILDING -> text("sim.status.building");
            case RUNNING, PAUSED, STOPPING -> s == null ? text("sim.status.building")
                    : MessageFormat.format(text(state.get() == State.PAUSED ? "sim.status.paused" : "sim.status.running"),
                    ms(s.step() * s.layout().dt()), ms(s.layout().steps() * s.layout().dt()), s.total(), rates(s));
        };
        status.set(text);
    }

    /** "E 12.3 Hz, I 20.1 Hz" over the steps so far. */
    private static String rates(LiveSpikes s) {
        if (s == null || s.step() == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        double seconds = s.step() * s.layout().dt() / 1000;
        for (int p = 0; p < s.layout().size(); p++) {
            parts.add(String.format(Locale.ROOT, "%s %.1f Hz", s.layout().names().get(p), s.count(p) / (s.layout().sizes()[p] * seconds)));
        }
        return String.join(", ", parts);
    }

    /** The runs as the job panel shows them, titled {@code title}: the simulated fraction, the status line, pause, resume and stop. */
    public RunningJob runningJob(String title) {
        return new PausableJob(title, Bindings.createDoubleBinding(this::fraction, state, framesProperty()), statusProperty(),
                Bindings.createBooleanBinding(() -> state.get().active(), state),
                Bindings.createBooleanBinding(() -> state.get() == State.PAUSED, state), this::pause, this::resume, this::stop);
    }

    /** The fraction of the run done, 0 before one, -1 while building. */
    public double fraction() {
        LiveSpikes s = live.get();
        if (state.get() == State.BUILDING) {
            return -1;
        }
        return s == null || s.layout().steps() == 0 ? 0 : Math.min(1, s.step() / (double) s.layout().steps());
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.0f ms", v);
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
