package org.brainfx.app.playground;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.brainfx.app.charts.ChartViewers;
import org.brainfx.app.charts.MinMaxDecimator;
import org.brainfx.app.charts.PlaygroundCharts;
import org.brainfx.app.ui.Widgets;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The playground: model and stimulus choices and a slider per parameter on the left; the
 * membrane potential over the input, a chosen state over time and the phase plane on the right,
 * redrawn in place whenever a new trace arrives. All state lives in its {@link PlaygroundViewModel}.
 */
public final class PlaygroundView {

    /** Slider steps per full travel for the arrow keys. */
    private static final double KEY_STEP = 0.01;
    /** The phase plane is not decimated by time column, so it keeps at most this many points. */
    private static final int PHASE_POINTS = 1200;
    private static final int MIN_COLUMNS = 200;

    private final PlaygroundViewModel model;
    private final ResourceBundle messages;
    private final BorderPane root = new BorderPane();
    private final VBox parameterBox = new VBox(10);
    private final VBox stimulusSliderBox = new VBox(10);
    private final DefaultXYDataset membrane = new DefaultXYDataset();
    private final DefaultXYDataset input = new DefaultXYDataset();
    private final DefaultXYDataset stateData = new DefaultXYDataset();
    private final DefaultXYDataset phaseData = new DefaultXYDataset();
    private final JFreeChart traceChart;
    private final JFreeChart stateChart;
    private final JFreeChart phaseChart;
    private final ChartViewer traceViewer;

    /** A view of {@code model}. */
    public PlaygroundView(PlaygroundViewModel model, ResourceBundle messages) {
        this.model = model;
        this.messages = messages;
        traceChart = PlaygroundCharts.traces(membrane, input, "", text("playground.chart.input"),
                text("playground.chart.time"), text("playground.chart.model"), text("playground.chart.target"));
        stateChart = PlaygroundCharts.stateOverTime(stateData, text("playground.chart.time"));
        phaseChart = PlaygroundCharts.phasePlane(phaseData);
        traceViewer = viewer(traceChart, "playground-trace-chart");
        String noTrace = text("playground.chart.empty");
        ((CombinedDomainXYPlot) traceChart.getPlot()).getSubplots().get(0).setNoDataMessage(noTrace);
        stateChart.getXYPlot().setNoDataMessage(noTrace);
        phaseChart.getXYPlot().setNoDataMessage(noTrace);
        root.setId("playground");
        root.getStyleClass().add("playground");
        ScrollPane controls = new ScrollPane(controls());
        controls.setFitToWidth(true);
        controls.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controls.setPrefWidth(340);
        controls.getStyleClass().add("playground-controls");
        root.setLeft(controls);
        root.setCenter(plots());
        model.traceProperty().addListener((obs, old, now) -> draw(now));
        model.plottedStateProperty().addListener((obs, old, now) -> draw(model.traceProperty().get()));
        draw(model.traceProperty().get());
    }

    /** The playground's root node. */
    public Parent root() {
        return root;
    }

    private VBox controls() {
        Label title = new Label(text("playground.title"));
        title.getStyleClass().add("playground-heading");
        Label intro = new Label(text("playground.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("playground-note");

        ComboBox<ModelChoice> models = new ComboBox<>(model.modelChoices());
        models.setId("playground-model");
        models.valueProperty().bindBidirectional(model.modelChoiceProperty());
        models.setMaxWidth(Double.MAX_VALUE);

        model.parameters().addListener((ListChangeListener<PlaygroundSlider>) c -> rebuildParameters());
        rebuildParameters();

        Button reset = button("playground-reset", "playground.reset", model::reset, Bindings.isEmpty(model.parameters()));
        Button apply = button("playground-apply", "playground.apply", model::applyToProject,
                model.canApplyProperty().not());
        HBox buttons = new HBox(8, reset, apply);
        Label hint = new Label();
        hint.setId("playground-apply-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("playground-note");
        hint.textProperty().bind(model.applyHintProperty());
        hideWhenEmpty(hint);

        VBox box = new VBox(10, title, intro, section("playground.model"), models, section("playground.stimulus"),
                stimulus(), section("playground.parameters"), parameterBox, buttons, hint);
        box.setPadding(new Insets(14, 16, 16, 16));
        return box;
    }

    private VBox stimulus() {
        ComboBox<StimulusKind> kind = new ComboBox<>(model.stimulusKinds());
        kind.setId("playground-stimulus");
        kind.valueProperty().bindBidirectional(model.stimulusKindProperty());
        kind.setConverter(converter(k -> text("playground.stimulus." + k.name().toLowerCase(Locale.ROOT))));
        kind.setMaxWidth(Double.MAX_VALUE);
        Label kindLabel = new Label(text("playground.stimulus.kind"));
        kindLabel.setLabelFor(kind);
        kindLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(kind, Priority.ALWAYS);
        HBox kindRow = new HBox(8, kindLabel, kind);
        kindRow.setAlignment(Pos.CENTER_LEFT);
        kindRow.visibleProperty().bind(Bindings.isNotEmpty(model.stimulusKinds()));
        kindRow.managedProperty().bind(kindRow.visibleProperty());

        ObservableList<Integer> sweepItems = FXCollections.observableArrayList();
        ComboBox<Integer> sweep = new ComboBox<>(sweepItems);
        sweep.setId("playground-sweep");
        sweep.setMaxWidth(Double.MAX_VALUE);
        sweep.setConverter(converter(k -> MessageFormat.format(text("playground.stimulus.sweepItem"), k + 1,
                model.sweepCountProperty().get())));
        Runnable fillSweeps = () -> {
            sweepItems.setAll(IntStream.range(0, model.sweepCountProperty().get()).boxed().toList());
            // Through null, so the button redraws "Sweep k of n" with the new n even when k stays.
            sweep.setValue(null);
            sweep.setValue(model.sweepProperty().get());
        };
        model.sweepCountProperty().addListener((obs, old, now) -> fillSweeps.run());
        fillSweeps.run();
        model.sweepProperty().addListener((obs, old, now) -> sweep.setValue(now.intValue()));
        sweep.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.sweepProperty().set(now);
            }
        });
        sweep.visibleProperty().bind(model.stimulusKindProperty().isEqualTo(StimulusKind.PROJECT));
        sweep.managedProperty().bind(sweep.visibleProperty());

        Label length = new Label(MessageFormat.format(text("playground.stimulus.length"),
                PlaygroundViewModel.number(PlaygroundViewModel.RUN_MS)));
        length.getStyleClass().add("playground-note");
        VBox designed = new VBox(10, stimulusSliderBox, length);
        designed.visibleProperty().bind(model.stimulusKindProperty().isEqualTo(StimulusKind.STEP)
                .or(model.stimulusKindProperty().isEqualTo(StimulusKind.RAMP)));
        designed.managedProperty().bind(designed.visibleProperty());
        model.stimulusSliders().addListener((ListChangeListener<PlaygroundSlider>) c -> rebuildStimulusSliders());
        rebuildStimulusSliders();

        Label none = new Label(text("playground.stimulus.none"));
        none.setWrapText(true);
        none.getStyleClass().add("playground-note");
        none.visibleProperty().bind(Bindings.isEmpty(model.stimulusKinds()).and(model.loadingProperty().not()));
        none.managedProperty().bind(none.visibleProperty());
        return new VBox(10, kindRow, sweep, designed, none);
    }

    private void rebuildParameters() {
        parameterBox.getChildren().setAll(model.parameters().stream()
                .map(s -> sliderRow(s, "playground-param-" + s.name())).toList());
    }

    private void rebuildStimulusSliders() {
        String[] ids = {"playground-amplitude", "playground-start", "playground-duration"};
        stimulusSliderBox.getChildren().clear();
        for (int i = 0; i < model.stimulusSliders().size(); i++) {
            stimulusSliderBox.getChildren().add(sliderRow(model.stimulusSliders().get(i), ids[i]));
        }
    }

    /** Name and value with unit above a slider that moves the value along its scale (and follows it on Reset). */
    private Node sliderRow(PlaygroundSlider s, String id) {
        Label name = new Label(s.name());
        name.getStyleClass().add("playground-slider-name");
        Label value = new Label();
        value.getStyleClass().add("playground-slider-value");
        value.setId(id + "-value");
        String unit = UnitText.pretty(s.unit());
        value.textProperty().bind(Bindings.createStringBinding(
                () -> PlaygroundViewModel.number(s.value()) + (unit.isEmpty() ? "" : " " + unit), s.valueProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        SliderScale scale = s.scale();
        HBox head = new HBox(6, name);
        if (scale.logarithmic()) {
            Label log = new Label(text("playground.slider.logTag"));
            log.getStyleClass().add("playground-note");
            head.getChildren().add(log);
        }
        head.getChildren().addAll(gap, value);
        head.setAlignment(Pos.BASELINE_LEFT);

        Slider slider = new Slider(0, 1, scale.position(s.value()));
        slider.setId(id);
        slider.setBlockIncrement(KEY_STEP);
        name.setLabelFor(slider);
        boolean[] syncing = {false};
        slider.valueProperty().addListener((obs, old, position) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                s.set(scale.value(position.doubleValue()));
                syncing[0] = false;
            }
        });
        s.valueProperty().addListener((obs, old, now) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                slider.setValue(scale.position(now.doubleValue()));
                syncing[0] = false;
            }
        });
        String range = MessageFormat.format(text("playground.slider.range"), PlaygroundViewModel.number(scale.lower()),
                PlaygroundViewModel.number(scale.upper()), unit).trim();
        slider.setTooltip(new Tooltip(scale.logarithmic() ? range + " (" + text("playground.slider.log") + ")" : range));
        VBox row = new VBox(2, head, slider);
        row.getStyleClass().add("playground-slider");
        return row;
    }

    private VBox plots() {
        Label status = new Label();
        status.setId("playground-status");
        status.getStyleClass().add("playground-status");
        status.textProperty().bind(model.statusProperty());
        Label problem = new Label();
        problem.setId("playground-problem");
        problem.getStyleClass().add("playground-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.textProperty().bind(model.problemProperty());
        hideWhenEmpty(problem);
        Label projectProblem = new Label();
        projectProblem.setId("playground-project-problem");
        projectProblem.getStyleClass().add("playground-problem");
        projectProblem.setWrapText(true);
        projectProblem.setMaxWidth(Double.MAX_VALUE);
        projectProblem.textProperty().bind(model.projectProblemProperty());
        hideWhenEmpty(projectProblem);

        ComboBox<String> state = new ComboBox<>(model.states());
        state.setId("playground-state");
        state.valueProperty().bindBidirectional(model.plottedStateProperty());
        Label stateLabel = new Label(text("playground.plot.state"));
        stateLabel.setLabelFor(state);
        HBox stateRow = new HBox(8, stateLabel, state);
        stateRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.add(traceViewer, 0, 0, 2, 1);
        grid.add(stateRow, 0, 1, 2, 1);
        grid.add(viewer(stateChart, "playground-state-chart"), 0, 2);
        grid.add(viewer(phaseChart, "playground-phase-chart"), 1, 2);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().setAll(half, half);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(55);
        top.setVgrow(Priority.ALWAYS);
        RowConstraints middle = new RowConstraints();
        RowConstraints bottom = new RowConstraints();
        bottom.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().setAll(top, middle, bottom);
        VBox.setVgrow(grid, Priority.ALWAYS);
        traceViewer.widthProperty().addListener((obs, old, now) -> draw(model.traceProperty().get()));

        VBox box = new VBox(6, status, projectProblem, problem, grid);
        box.setPadding(new Insets(10, 12, 10, 8));
        return box;
    }

    /** A viewer exporting to e.g. "playground-trace.png" for id "playground-trace-chart". */
    private ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        String stem = id.replaceFirst("-chart$", "");
        ChartViewers.installExportMenu(v, messages, () -> stem);
        v.setMinSize(120, 100);
        v.setPrefSize(300, 200);
        return v;
    }

    /** Replaces the charts' data in place, each chart redrawing once. */
    private void draw(PlaygroundTrace t) {
        String plotted = model.plottedStateProperty().get();
        if (t == null || plotted == null || !t.states().contains(plotted)) {
            quietly(traceChart, () -> {
                membrane.removeSeries("model");
                membrane.removeSeries("target");
                input.removeSeries("input");
                traceChart.getLegend().setVisible(false);
            });
            quietly(stateChart, () -> stateData.removeSeries("state"));
            quietly(phaseChart, () -> phaseData.removeSeries("phase"));
            return;
        }
        int columns = Math.max(MIN_COLUMNS, (int) traceViewer.getWidth());
        double dt = t.dt();
        String first = t.states().get(0);
        CombinedDomainXYPlot traces = (CombinedDomainXYPlot) traceChart.getPlot();
        quietly(traceChart, () -> {
            membrane.addSeries("model", MinMaxDecimator.decimate(t.values()[0], dt, dt, columns));
            if (t.target() != null) {
                membrane.addSeries("target", MinMaxDecimator.decimate(t.target(), dt, dt, columns));
            } else {
                membrane.removeSeries("target");
            }
            input.addSeries("input", MinMaxDecimator.decimate(t.input(), 0, dt, columns));
            traces.getDomainAxis().setRange(0, t.steps() * dt);
            traces.getSubplots().get(0).getRangeAxis().setLabel(axisLabel(first, t.unit(first)));
            traceChart.getLegend().setVisible(t.target() != null);
        });
        XYPlot state = stateChart.getXYPlot();
        quietly(stateChart, () -> {
            stateData.addSeries("state", MinMaxDecimator.decimate(t.state(plotted), dt, dt, columns / 2));
            state.getDomainAxis().setRange(0, t.steps() * dt);
            state.getRangeAxis().setLabel(axisLabel(plotted, t.unit(plotted)));
        });
        XYPlot phase = phaseChart.getXYPlot();
        quietly(phaseChart, () -> {
            phaseData.addSeries("phase", phasePoints(t.values()[0], t.state(plotted)));
            phase.getDomainAxis().setLabel(axisLabel(first, t.unit(first)));
            phase.getRangeAxis().setLabel(axisLabel(plotted, t.unit(plotted)));
        });
    }

    /** Every k-th point of the trajectory, k chosen to keep at most {@link #PHASE_POINTS}. */
    private static double[][] phasePoints(double[] x, double[] y) {
        int stride = Math.max(1, (x.length + PHASE_POINTS - 1) / PHASE_POINTS);
        int n = (x.length + stride - 1) / stride;
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            xy[0][i] = x[i * stride];
            xy[1][i] = y[i * stride];
        }
        return xy;
    }

    /** Applies a bulk change with the chart's notifications off, then redraws it once. */
    private static void quietly(JFreeChart chart, Runnable change) {
        chart.setNotify(false);
        try {
            change.run();
        } finally {
            chart.setNotify(true);
        }
    }

    private static String axisLabel(String name, String unit) {
        String u = UnitText.pretty(unit);
        return u.isEmpty() ? name : name + " (" + u + ")";
    }

    private static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private Label section(String key) {
        Label l = new Label(text(key));
        l.getStyleClass().add("playground-section");
        return l;
    }

    private Button button(String id, String labelKey, Runnable action, ObservableBooleanValue disabled) {
        return Widgets.button(messages, id, labelKey, action, disabled);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked from the list, not typed");
            }
        };
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
