package org.brainfx.app.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.brainfx.app.charts.ChartExport;
import org.brainfx.app.charts.PaintedChartView;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.charts.TrainingCharts;
import org.brainfx.engine.train.TrainProgress;
import org.brainfx.engine.train.TrainRecord;
import org.brainfx.engine.train.WeightHistogram;
import org.brainfx.engine.train.TrainResult;
import org.brainfx.engine.train.TrainingSettings;
import org.brainfx.engine.train.TrialRecording;
import org.jfree.chart.JFreeChart;

/**
 * The training dashboard: the task and the settings form with Start / Pause / Resume / Stop on the
 * left; on the right the live curves (loss and accuracy against batch), the |E| and |I| weight
 * histograms before and now, the firing rates, and once the run ends an example held-out trial.
 */
public final class TrainingView {
    /** Shortest time between redraws of each live chart (10 a second). */
    private static final double REDRAW_MS = 100;
    /** Size of each exported picture, px. */
    static final int EXPORT_WIDTH = TrainingCharts.WIDTH;
    static final int EXPORT_HEIGHT = 620;

    private final TrainingViewModel model;
    private final ResourceBundle messages;
    private final TrainingLiveCharts charts;
    private final SplitPane root = new SplitPane();
    private final Label status = new Label();
    private final Label rates = new Label();
    private final Label result = new Label();
    private final Label failure = new Label();
    private final Label notice = new Label();
    private final StackPane trialPane = new StackPane();
    private final PaintedChartView curvesView;
    private final PaintedChartView weightsView;
    private final PaintedChartView ratesView;
    private final PaintedChartView matrixView;
    private PaintedChartView trialView;
    private JFreeChart trialChart;
    // The run's records as last shown (JavaFX thread), replotted when the axis changes.
    private List<TrainRecord> shownHistory = List.of();

    /** The view of {@code model}. */
    public TrainingView(TrainingViewModel model, ResourceBundle messages) {
        this.model = model;
        this.messages = messages;
        charts = new TrainingLiveCharts(text("training.chart.curves"), text("training.chart.weights"),
                text("training.chart.rates"), text("training.chart.matrix"));
        curvesView = painted(charts.curves(), "training-curves-chart");
        weightsView = painted(charts.weights(), "training-weights-chart");
        ratesView = painted(charts.rates(), "training-rates-chart");
        matrixView = painted(charts.matrix(), "training-matrix-chart");
        root.setId("training-view");
        root.getProperties().put(TrainingView.class, this);
        root.getItems().addAll(side(), chartGrid());
        root.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
        model.beforeProperty().addListener((obs, old, now) -> {
            if (now != null) {
                shownHistory = List.of();
                curvesView.update(c -> charts.resetCurves());
                ratesView.update(c -> charts.resetRates());
                weightsView.update(c -> charts.resetWeights(now[0], now[1]));
                matrixView.update(c -> charts.clearMatrix());
            }
        });
        model.progressProperty().addListener((obs, old, now) -> show(now));
        status.textProperty().bind(model.statusProperty());
        model.resultProperty().addListener((obs, old, now) -> ended(now));
        model.trialProperty().addListener((obs, old, now) -> showTrial(now));
        model.matrixProperty().addListener((obs, old, now) -> {
            if (now != null) {
                matrixView.update(c -> charts.showMatrix(now));
            }
        });
    }

    /** The view's root node. */
    public Parent root() {
        return root;
    }

    /** Answers {@code query} about the live charts on the thread that draws them (tests read their points). */
    public <T> CompletableFuture<T> readCharts(Function<TrainingLiveCharts, T> query) {
        return curvesView.read(c -> query.apply(charts));
    }

    /** The example trial's chart, null until a run ends. */
    public JFreeChart trialChart() {
        return trialChart;
    }

    /**
     * Writes the dashboard's charts as PNG and SVG into {@code folder} ({@code <name>-curves.png} and
     * {@code .svg}, {@code -weights}, {@code -rates}, {@code -matrix} once there is one, and {@code -trial}), each
     * drawn on the thread that draws it; call on the FX thread. Completes with the files written.
     */
    public CompletableFuture<List<Path>> exportPictures(Path folder) {
        String stem = TrainingViewModel.fileStem(model.name());
        List<CompletableFuture<List<Path>>> parts = new ArrayList<>();
        parts.add(write(curvesView, folder.resolve(stem + "-curves"), EXPORT_HEIGHT));
        parts.add(write(weightsView, folder.resolve(stem + "-weights"), EXPORT_HEIGHT));
        parts.add(write(ratesView, folder.resolve(stem + "-rates"), EXPORT_HEIGHT));
        if (model.matrixProperty().get() != null) {
            parts.add(write(matrixView, folder.resolve(stem + "-matrix"), EXPORT_WIDTH));
        }
        if (trialView != null) {
            parts.add(write(trialView, folder.resolve(stem + "-trial"), 900));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> new ArrayList<>(parts.stream().flatMap(part -> part.join().stream()).toList()));
    }

    /** The chart of {@code view} as {@code base.png} and {@code base.svg}. */
    private static CompletableFuture<List<Path>> write(PaintedChartView view, Path base, int height) {
        return view.read(chart -> {
            List<Path> files = new ArrayList<>();
            for (String extension : ChartExport.EXTENSIONS) {
                Path file = base.resolveSibling(base.getFileName() + "." + extension);
                try {
                    ChartExport.save(chart, file, EXPORT_WIDTH, height);
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": " + e.getMessage(), e);
                }
                files.add(file);
            }
            return files;
        });
    }

    private Node side() {
        Label heading = new Label(model.name());
        heading.getStyleClass().add("view-title");
        String task = model.project().task() == null ? "?" : model.project().task().name().replace('_', ' ');
        String settings = model.project().task() == null || model.project().task().settings() == null ? "{}"
                : model.project().task().settings().toString();
        Label taskLine = new Label(settings.equals("{}") ? MessageFormat.format(text("training.task.defaults"), task)
                : MessageFormat.format(text("training.task"), task, settings));
        taskLine.setWrapText(true);
        taskLine.setId("training-task");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Label.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(80);
        grid.getColumnConstraints().addAll(names, fields);
        int y = 0;
        for (SettingRow row : model.form().rows()) {
            Label name = new Label(row.label());
            Node field = field(row);
            name.setLabelFor(field);
            grid.add(name, 0, y);
            grid.add(field, 1, y);
            Label error = new Label();
            error.setId("training-" + row.id() + "-error");
            error.getStyleClass().add("field-error");
            error.setStyle("-fx-text-fill: #e06c5a;");
            error.setWrapText(true);
            error.textProperty().bind(row.errorProperty());
            error.visibleProperty().bind(row.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            grid.add(error, 0, y + 1, 2, 1);
            y += 2;
        }
        Button start = button("training-start", "training.start", model::start);
        start.disableProperty().bind(model.canStartProperty().not());
        Button pause = button("training-pause", "training.pause", model::pause);
        pause.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingViewModel.State.RUNNING));
        Button resume = button("training-resume", "training.resume", model::resume);
        resume.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingViewModel.State.PAUSED));
        Button stop = button("training-stop", "training.stop", model::stop);
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> model.stateProperty().get()
                != TrainingViewModel.State.RUNNING && model.stateProperty().get() != TrainingViewModel.State.PAUSED,
                model.stateProperty()));
        HBox buttons = new HBox(6, start, pause, resume, stop);
        buttons.setAlignment(Pos.CENTER_LEFT);
        CheckBox wallTime = new CheckBox(text("training.wallTime"));
        wallTime.setId("training-wall-time");
        wallTime.selectedProperty().addListener((obs, was, now) -> plotAgainstWallTime(now));
        Button apply = button("training-apply", "training.apply", model::applyWeights);
        apply.setTooltip(new Tooltip(text("training.apply.tip")));
        apply.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canApply(), model.resultProperty(),
                model.stateProperty()));
        Button save = button("training-save", "training.save", model::saveSettings);
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> model.stateProperty().get().active()
                || model.form().settingsProperty().get() == null, model.stateProperty(), model.form().settingsProperty()));
        Button undo = button("training-undo", "training.undo", model::undo);
        undo.disableProperty().bind(model.history().canUndoProperty().not());
        undo.tooltipProperty().bind(Bindings.createObjectBinding(() -> model.history().undoDescriptionProperty().get().isEmpty()
                ? null : new Tooltip(model.history().undoDescriptionProperty().get()), model.history().undoDescriptionProperty()));
        Button redo = button("training-redo", "training.redo", model::redo);
        redo.disableProperty().bind(model.history().canRedoProperty().not());
        javafx.scene.layout.FlowPane projectButtons = new javafx.scene.layout.FlowPane(6, 6, apply, save, undo, redo);
        Button export = button("training-export", "training.export", this::chooseExport);
        export.disableProperty().bind(Bindings.createBooleanBinding(() -> model.stateProperty().get().active()
                || model.progressProperty().get() == null, model.stateProperty(), model.progressProperty()));
        status.setId("training-status");
        status.setWrapText(true);
        rates.setId("training-rates");
        rates.setWrapText(true);
        result.setId("training-result");
        result.setWrapText(true);
        failure.setId("training-failure");
        failure.setWrapText(true);
        failure.setStyle("-fx-text-fill: #e06c5a;");
        failure.textProperty().bind(model.failureProperty());
        notice.setWrapText(true);
        notice.setId("training-notice");
        notice.textProperty().bind(model.noticeProperty());
        // A cover over the form while a run holds it, not disabled fields: disabling restyles every field at
        // once, which held the window ~40 ms at Start (as the fit dashboard found). Settings apply at the next start.
        StackPane veil = new StackPane();
        veil.setId("training-form-locked");
        veil.getStyleClass().add("fit-form-veil");
        veil.visibleProperty().bind(model.stateProperty().isNotEqualTo(TrainingViewModel.State.IDLE));
        veil.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> {
            if (!(e instanceof javafx.scene.input.KeyEvent)) {
                e.consume();
            }
        });
        StackPane form = new StackPane(grid, veil);
        VBox box = new VBox(8, heading, taskLine, form, buttons, wallTime, status, rates, result, failure, export,
                projectButtons, notice);
        box.setPadding(new Insets(10, 12, 10, 10));
        box.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(260);
        return scroll;
    }

    private Node field(SettingRow row) {
        if (row.id().equals("algorithm")) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().addAll(TrainingSettings.ALGORITHMS);
            box.setEditable(false);
            box.setId("training-algorithm");
            box.setValue(row.textProperty().get());
            box.valueProperty().addListener((obs, old, now) -> row.textProperty().set(now == null ? "" : now));
            box.setMaxWidth(Double.MAX_VALUE);
            return box;
        }
        TextField f = new TextField();
        f.setId("training-" + row.id());
        f.textProperty().bindBidirectional(row.textProperty());
        f.setPromptText(row.prompt());
        f.setPrefColumnCount(8);
        row.errorProperty().addListener((obs, old, now) -> f.setTooltip(now.isEmpty() ? null : new Tooltip(now)));
        return f;
    }

    private Node chartGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        for (double width : new double[] {36, 36, 28}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(width);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        grid.add(curvesView, 0, 0);
        grid.add(weightsView, 1, 0);
        grid.add(matrixView, 2, 0);
        grid.add(ratesView, 0, 1);
        Label waiting = new Label(text("training.trial.waiting"));
        waiting.setWrapText(true);
        trialPane.getChildren().add(waiting);
        trialPane.setId("training-trial");
        grid.add(trialPane, 1, 1, 2, 1);
        return grid;
    }

    /** A chart drawn off the JavaFX threads (the dashboard redraws during training without holding the window). */
    private PaintedChartView painted(JFreeChart chart, String id) {
        String stem = TrainingViewModel.fileStem(model.name()) + "-" + id.replaceFirst("^training-", "").replaceFirst("-chart$", "");
        PaintedChartView v = new PaintedChartView(chart, REDRAW_MS, messages, () -> stem);
        v.setId(id);
        v.setMinSize(120, 100);
        v.setPrefSize(400, 260);
        return v;
    }

    private void show(TrainProgress p) {
        if (p != null) {
            List<TrainRecord> history = p.history();
            if (history.size() > shownHistory.size()) {
                curvesView.update(c -> charts.appendCurves(history));
                ratesView.update(c -> charts.appendRates(history));
            }
            shownHistory = history;
            WeightHistogram e = p.excitatory();
            WeightHistogram i = p.inhibitory();
            weightsView.update(c -> charts.showWeights(e, i));
        }
        rates.setText(model.ratesText());
    }

    private void plotAgainstWallTime(boolean wall) {
        List<TrainRecord> history = shownHistory;
        curvesView.update(c -> charts.curvesByWallTime(wall, history));
        ratesView.update(c -> charts.ratesByWallTime(wall, history));
    }

    private void ended(TrainResult r) {
        if (r == null) {
            result.setText("");
            return;
        }
        result.setText(MessageFormat.format(text("training.result"), pct(r.heldOutAccuracy()), pct(r.testAccuracy()), r.stop()));
        String summary = MessageFormat.format(text("training.chart.summary"), r.batches(), pct(r.heldOutAccuracy()),
                pct(r.testAccuracy()));
        curvesView.update(c -> charts.setSummary(summary));
    }

    private void showTrial(TrialRecording t) {
        if (t == null) {
            trialPane.getChildren().clear();
            trialChart = null;
            trialView = null;
            Label waiting = new Label(text("training.trial.waiting"));
            waiting.setWrapText(true);
            trialPane.getChildren().add(waiting);
            return;
        }
        String title = MessageFormat.format(text("training.trial.title"), t.classNames().get(t.label()),
                t.classNames().get(t.chosen()));
        // Built off the UI thread (four panels of a 2 200-step trial took the window ~45 ms); only its view is made here.
        CompletableFuture.supplyAsync(() -> {
            JFreeChart chart = TrainingCharts.trial(t, title, null);
            TrainingLiveCharts.smallTitle(chart);
            return chart;
        }, BackgroundTasks.executor()).thenAccept(chart -> Platform.runLater(() -> {
            if (model.trialProperty().get() == t) {
                trialChart = chart;
                trialView = painted(chart, "training-trial-chart");
                trialPane.getChildren().setAll(trialView);
            }
        }));
    }

    private void chooseExport() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text("training.export.title"));
        chooser.setInitialDirectory(model.file().toAbsolutePath().getParent().toFile());
        java.io.File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (dir == null) {
            return;
        }
        exportPictures(dir.toPath()).whenComplete((pictures, e) -> Platform.runLater(() -> {
            if (e != null) {
                model.tell(String.valueOf((e.getCause() != null ? e.getCause() : e).getMessage()));
                return;
            }
            try {
                List<Path> files = new ArrayList<>(pictures);
                files.addAll(model.exportData(dir.toPath()));
                model.tell(MessageFormat.format(text("training.exported"), files.size(), dir));
            } catch (IOException | IllegalArgumentException ex) {
                model.tell(ex.getMessage());
            }
        }));
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(text(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static String pct(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(java.util.Locale.ROOT, "%.1f\u00a0%%", 100 * fraction);
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
