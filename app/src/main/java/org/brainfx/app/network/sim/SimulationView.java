package org.brainfx.app.network.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.brainfx.app.jobs.RunningJob;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.net.NetworkSpec;

/**
 * The simulation view of a network project: Run, Pause, Resume and Stop; a live spike raster of every
 * population with the population rates under it; the membrane potential of a neuron clicked on the
 * raster; firing-rate and ISI-CV histograms when a run ends; and teaching mode, whose sliders (input
 * rate, g, weight scale) re-run a short simulation while they move.
 */
public final class SimulationView {
    /** The raster windows offered, ms. */
    static final List<Double> WINDOWS = List.of(200.0, 500.0, 1000.0, 2000.0);

    private final SimulationViewModel model;
    private final ResourceBundle messages;
    private final BorderPane root = new BorderPane();
    private final RasterPane raster;
    private final RatePlot rates;
    private final TracePlot tracePlot;
    private final HistogramPlot rateHistogram;
    private final HistogramPlot cvHistogram;
    private final Label summary = new Label();
    private final Label traceStatus = new Label();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final String name;
    private long paintNanos;
    private long maxPaintNanos;

    /**
     * The view of runs of the spec {@code spec} supplies (read when Run is pressed), with files relative to
     * {@code baseDir}; runs on {@code background} (the workbench's low-priority compute pool), changes the
     * UI through {@code ui}.
     */
    public SimulationView(Supplier<NetworkSpec> spec, Supplier<Path> baseDir, ResourceBundle messages, Executor background,
                          UiExecutor ui) {
        this.messages = messages;
        this.model = new SimulationViewModel(spec, baseDir, messages, background, ui);
        NetworkSpec first = spec.get();
        this.name = first == null || first.name() == null ? "network" : first.name();
        raster = new RasterPane(text("sim.raster.title"), text("sim.raster.time"));
        rates = new RatePlot(text("sim.rates.title"));
        tracePlot = new TracePlot(text("sim.trace.title"));
        rateHistogram = new HistogramPlot(text("sim.hist.rates"), false);
        cvHistogram = new HistogramPlot(text("sim.hist.cv"), true);
        root.setId("sim-view");
        root.setTop(toolBar());
        rates.setPrefHeight(130);
        rates.setMinHeight(90);
        VBox centre = new VBox(4, raster, rates);
        VBox.setVgrow(raster, Priority.ALWAYS);
        centre.setPadding(new Insets(4));
        root.setCenter(centre);
        root.setRight(sidePanel());
        wire();
    }

    /** The view's node. */
    public Parent root() {
        return root;
    }

    /** The state behind the view. */
    public SimulationViewModel model() {
        return model;
    }

    /** Pictures of the raster painted so far (one per batch of spikes that reached the UI thread). */
    public long rasterPictures() {
        return raster.pictures();
    }

    /** {total, largest} milliseconds of processor time the UI thread spent painting the raster and rates of new spikes. */
    public double[] paintMillis() {
        return new double[] {paintNanos / 1e6, maxPaintNanos / 1e6};
    }

    /** Pixels of population {@code p}'s colour in the raster now, for checks (0 before a run is shown). */
    public int rasterPixelsOf(int p) {
        return raster.painter() == null ? 0 : raster.painter().pixelsOf(p);
    }

    /** Stops what the view runs in the background; call when it closes. */
    public void close() {
        model.close();
    }

    /**
     * The runs of this view as the jobs panel shows them: a new job each call, to be held by the caller
     * (its bindings listen weakly to the view-model).
     */
    public RunningJob runningJob() {
        return model.runningJob(MessageFormat.format(text("sim.job.title"), name));
    }

    private Node toolBar() {
        Button run = button("sim.run", "sim-run");
        Button pause = button("sim.pause", "sim-pause");
        Button resume = button("sim.resume", "sim-resume");
        Button stop = button("sim.stop", "sim-stop");
        run.setOnAction(e -> model.run());
        pause.setOnAction(e -> model.pause());
        resume.setOnAction(e -> model.resume());
        stop.setOnAction(e -> model.stop());
        run.disableProperty().bind(model.canRunProperty().not());
        pause.disableProperty().bind(model.stateProperty().isNotEqualTo(SimulationViewModel.State.RUNNING));
        resume.disableProperty().bind(model.stateProperty().isNotEqualTo(SimulationViewModel.State.PAUSED));
        stop.disableProperty().bind(model.canRunProperty());

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("sim-speed");
        speed.getItems().setAll(SimulationViewModel.PACES);
        speed.setConverter(converter(v -> v == 0 ? text("sim.speed.unpaced")
                : MessageFormat.format(text("sim.speed.value"), PlotCanvas.number(v / 1000))));
        speed.setValue(model.paceProperty().get());
        speed.valueProperty().addListener((o, a, b) -> model.paceProperty().set(b == null ? 0 : b));
        ComboBox<Double> window = new ComboBox<>();
        window.setId("sim-window");
        window.getItems().setAll(WINDOWS);
        window.setConverter(converter(v -> MessageFormat.format(text("sim.window.value"), PlotCanvas.number(v))));
        window.setValue(500.0);
        window.valueProperty().addListener((o, a, b) -> {
            raster.setWindowMs(b);
            rates.draw(model.liveProperty().get(), raster.timeSpan());
        });
        Label status = new Label();
        status.setId("sim-status");
        status.textProperty().bind(model.statusProperty());
        Label failure = new Label();
        failure.setId("sim-failure");
        failure.getStyleClass().add("field-error");
        failure.textProperty().bind(model.failureProperty());
        HBox bar = new HBox(6, run, pause, resume, stop, new Label(text("sim.speed")), speed, new Label(text("sim.window")),
                window, status, failure);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        return bar;
    }

    private Node sidePanel() {
        CheckBox teaching = new CheckBox(MessageFormat.format(text("sim.teaching"),
                PlotCanvas.number(SimulationViewModel.TEACHING_MS)));
        teaching.setId("sim-teaching");
        teaching.setWrapText(true);
        teaching.selectedProperty().bindBidirectional(model.teachingProperty());
        GridPane knobs = new GridPane();
        knobs.setHgap(6);
        knobs.setVgap(2);
        boolean sources = model.hasRateSources();
        knobRow(knobs, 0, text("sim.teaching.input") + (sources ? "" : " " + text("sim.teaching.noSources")), "sim-knob-input",
                model.inputScaleProperty(), 0, 3, !sources);
        double bg = model.baselineG();
        knobRow(knobs, 1, text(Double.isNaN(bg) ? "sim.teaching.gFactor" : "sim.teaching.g"), "sim-knob-g", model.gProperty(),
                0, Double.isNaN(bg) ? 4 : Math.max(8, Math.ceil(2 * bg)), false);
        knobRow(knobs, 2, text("sim.teaching.weights"), "sim-knob-weights", model.weightScaleProperty(), 0, 3, false);
        knobs.disableProperty().bind(model.teachingProperty().not());
        Button reset = button("sim.teaching.reset", "sim-knob-reset");
        reset.setOnAction(e -> model.resetKnobs());
        reset.disableProperty().bind(model.teachingProperty().not());
        Label notice = new Label();
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        traceStatus.setId("sim-trace-status");
        traceStatus.setWrapText(true);
        traceStatus.setText(text("sim.trace.none"));
        summary.setId("sim-summary");
        summary.setWrapText(true);
        summary.setText(text("sim.hist.waiting"));
        for (PlotCanvas p : List.of(tracePlot, rateHistogram, cvHistogram)) {
            p.setPrefSize(340, 140);
        }
        VBox side = new VBox(6, teaching, knobs, reset, notice, tracePlot, traceStatus, rateHistogram, cvHistogram, summary);
        side.setPadding(new Insets(6));
        side.setPrefWidth(360);
        side.setMinWidth(300);
        return side;
    }

    private void knobRow(GridPane grid, int row, String label, String id, DoubleProperty value, double min, double max,
                         boolean disabled) {
        Slider slider = new Slider(min, Math.max(max, value.get()), value.get());
        slider.setId(id);
        slider.setPrefWidth(150);
        slider.setDisable(disabled);
        Label shown = new Label();
        shown.setId(id + "-value");
        shown.setMinWidth(40);
        shown.textProperty().bind(value.asString(Locale.ROOT, "%.2f"));
        slider.valueProperty().bindBidirectional(value);
        Label name = new Label(label);
        name.setWrapText(true);
        name.setMaxWidth(110);
        grid.addRow(row, name, slider, shown);
    }

    private void wire() {
        raster.setOnNeuron(model::showTrace);
        model.liveProperty().addListener((o, a, live) -> {
            raster.show(live);
            rates.draw(live, raster.timeSpan());
        });
        model.framesProperty().addListener((o, a, b) -> {
            // Processor time, not wall time: on a busy machine the thread may wait for a core meanwhile.
            long t0 = CPU.getCurrentThreadCpuTime();
            raster.refresh();
            rates.draw(model.liveProperty().get(), raster.timeSpan());
            long spent = CPU.getCurrentThreadCpuTime() - t0;
            paintNanos += spent;
            maxPaintNanos = Math.max(maxPaintNanos, spent);
        });
        model.histogramsProperty().addListener((o, a, h) -> {
            var live = model.liveProperty().get();
            rateHistogram.show(h, live == null ? null : live.layout());
            cvHistogram.show(h, live == null ? null : live.layout());
            summary.setText(h == null ? text("sim.hist.waiting") : summaryText(h));
        });
        model.traceProperty().addListener((o, a, t) -> tracePlot.show(t, t == null ? "" : MessageFormat.format(
                text("sim.trace.heading"), t.population(), t.neuron(), t.state(), t.spikeSteps().length)));
        model.traceStatusProperty().addListener((o, a, s) -> traceStatus.setText(s.isEmpty()
                ? (model.traceProperty().get() == null ? text("sim.trace.none") : "") : s));
    }

    private String summaryText(FiringHistograms h) {
        StringBuilder sb = new StringBuilder();
        for (FiringHistograms.Population p : h.populations()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(MessageFormat.format(text("sim.hist.summary"), p.name(), String.format(Locale.ROOT, "%.2f", p.meanRateHz()),
                    Double.isNaN(p.meanCv()) ? "—" : String.format(Locale.ROOT, "%.3f", p.meanCv()), p.cvNeurons()));
        }
        return sb.toString();
    }

    private Button button(String key, String id) {
        Button b = new Button(text(key));
        b.setId(id);
        return b;
    }

    private static StringConverter<Double> converter(Function<Double, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : show.apply(v);
            }

            @Override
            public Double fromString(String s) {
                throw new UnsupportedOperationException("the list is not editable");
            }
        };
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
