package org.brainfx.app.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.brainfx.app.charts.LiveVoltageChart;
import org.brainfx.app.charts.LossChart;
import org.brainfx.app.charts.PaintedChartView;
import org.brainfx.app.charts.StartLossChart;
import org.brainfx.app.charts.TrajectoryChart;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.ui.SelectedTabUpdates;
import org.brainfx.app.ui.Widgets;
import org.brainfx.engine.job.FitResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;

/**
 * The fit dashboard: the project's fit settings as a form, the run buttons with the status line
 * and why Start is unavailable, the live charts (recorded vs best-candidate voltage, loss against
 * iteration and time, every start's loss, parameter trajectories) and, when the fit ends, the
 * results with Apply and Export. All state lives in its {@link FitDashboardViewModel}.
 */
public final class FitDashboardView {

    /** Pixels per min/max pair of the decimated voltage traces. */
    static final int PIXELS_PER_COLUMN = 2;
    /** Shortest time between voltage chart redraws (25 a second). */
    private static final double VOLTAGE_REDRAW_MS = 40;
    /** Shortest time between redraws of each of the loss, start and trajectory charts (10 a second). */
    private static final double PROGRESS_REDRAW_MS = 100;
    /** Style class of the results tab while it holds results not yet looked at. */
    private static final String NEW_RESULTS = "fit-results-new";

    private final FitDashboardViewModel model;
    private final ResourceBundle messages;
    private final Window owner;
    // Duplicates allowed: a gradient optimizer can report several rounds (line-search steps) under one iteration.
    private final XYSeries lossByIteration = new XYSeries("best loss", false, true);
    private final XYSeries lossBySeconds = new XYSeries("best loss", false, true);
    private final JFreeChart lossChart;
    private final LiveVoltageChart voltage;
    private final StartLossChart startLosses;
    private final TrajectoryChart trajectories;
    private final TabPane tabs = new TabPane();
    // The charts above belong to the painter thread once these views hold them.
    private final PaintedChartView voltageView;
    private final PaintedChartView lossView;
    private final PaintedChartView startsView;
    private final PaintedChartView trajectoryView;
    // What has been handed to the painter so far (JavaFX thread).
    private int lossHistorySent;
    private int trajectoriesSent;
    private TrajectoryPoint lastTrajectorySent;
    private final Tab resultsTab;
    private final BorderPane root = new BorderPane();

    /** A view of {@code model}; alerts are owned by {@code owner} (may be null: the view's own window). */
    public FitDashboardView(FitDashboardViewModel model, ResourceBundle messages, Window owner) {
        this.model = model;
        this.messages = messages;
        this.owner = owner;
        voltage = new LiveVoltageChart(text("fit.chart.voltage.title"), text("fit.chart.voltage.time"),
                text("fit.chart.voltage.target"), text("fit.chart.voltage.sweep"));
        startLosses = new StartLossChart(text("fit.chart.starts.title"), text("fit.chart.starts.rank"),
                text("fit.chart.starts.axis"));
        lossChart = LossChart.live(lossByIteration, lossBySeconds, List.of(text("fit.chart.loss.title"),
                text("fit.chart.loss.iteration"), text("fit.chart.loss.seconds"), text("fit.chart.loss.axis")));
        trajectories = new TrajectoryChart(text("fit.chart.trajectories.title"), text("fit.chart.loss.iteration"),
                text("fit.chart.trajectories.axis"), text("fit.chart.trajectories.subtitle"));
        // Empty charts say what fills them, instead of showing bare axes.
        for (JFreeChart c : List.of(lossChart, startLosses.chart(), trajectories.chart())) {
            List<XYPlot> plots = c.getXYPlot() instanceof CombinedRangeXYPlot combined ? combined.getSubplots()
                    : List.of(c.getXYPlot());
            for (XYPlot p : plots) {
                p.setNoDataMessage(text("fit.chart.empty"));
            }
        }
        voltageView = painted("fit-voltage-chart", voltage.chart(), VOLTAGE_REDRAW_MS);
        lossView = painted("fit-loss-chart", lossChart, PROGRESS_REDRAW_MS);
        startsView = painted("fit-starts-chart", startLosses.chart(), PROGRESS_REDRAW_MS);
        trajectoryView = painted("fit-trajectory-chart", trajectories.chart(), PROGRESS_REDRAW_MS);
        root.setId("fit-dashboard");
        root.getStyleClass().add("fit-dashboard");
        root.setTop(header());
        Tab live = new Tab(text("fit.tab.live"), liveCharts());
        live.setId("fit-tab-live");
        resultsTab = new Tab(text("fit.tab.results"));
        resultsTab.setContent(new FitResultsPane(model, messages, this::window).root(new SelectedTabUpdates(resultsTab)));
        resultsTab.setId("fit-tab-results");
        tabs.getTabs().addAll(live, resultsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ScrollPane form = new ScrollPane(new FitSettingsPane(model.form(), messages).root());
        form.setFitToWidth(true);
        form.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        form.getStyleClass().add("fit-form-scroll");
        form.setMinWidth(300);
        Label lockedNote = new Label(text("fit.form.locked"));
        lockedNote.setId("fit-form-locked-note");
        lockedNote.getStyleClass().add("fit-form-locked-note");
        lockedNote.setWrapText(true);
        lockedNote.setMaxWidth(Double.MAX_VALUE);
        // Above the form, not over it: the note must not hide the settings it speaks of.
        lockedNote.visibleProperty().bind(model.canStopProperty());
        lockedNote.managedProperty().bind(model.canStopProperty());
        StackPane cover = new StackPane(form, veil());
        VBox.setVgrow(cover, Priority.ALWAYS);
        VBox locked = new VBox(lockedNote, cover);
        SplitPane split = new SplitPane(locked, tabs);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(locked, false);
        root.setCenter(split);
        wireUpdates();
    }

    /** The dashboard's root node. */
    public Parent root() {
        return root;
    }

    // ---- header: buttons, status, reasons ----

    private VBox header() {
        Label title = new Label(model.projectName());
        // welcome-heading: the workbench's flow tests find an open project's dashboard by its heading.
        title.getStyleClass().addAll("welcome-heading", "fit-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8,
                button("fit-start", "fit.start", model::start, model.canStartProperty().not()),
                button("fit-pause", "fit.pause", model::pause, model.canPauseProperty().not()),
                button("fit-resume", "fit.resume", model::resume, model.canResumeProperty().not()),
                button("fit-stop", "fit.stop", model::stop, model.canStopProperty().not()));
        buttons.getChildren().get(0).getStyleClass().add("primary-button");
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("fit-status");
        status.getStyleClass().add("fit-status");
        status.textProperty().bind(model.statusProperty());
        // The status line wraps rather than cutting off the best loss at the end on narrow windows,
        // in a box always two lines high: a status that wrapped and unwrapped as its numbers changed
        // re-laid out and repainted the whole dashboard on every update.
        status.setWrapText(true);
        DoubleBinding twoLines = Bindings.createDoubleBinding(() -> Math.ceil(status.getFont().getSize() * 2.8),
                status.fontProperty());
        status.minHeightProperty().bind(twoLines);
        status.prefHeightProperty().bind(twoLines);
        status.maxHeightProperty().bind(twoLines);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(16, title, buttons, status);
        row.setAlignment(Pos.CENTER_LEFT);

        Label blocked = Widgets.message("fit-blocked", "fit-blocked");
        blocked.textProperty().bind(model.startBlockedReasonProperty());
        Label notice = Widgets.message("fit-notice", "fit-notice");
        notice.textProperty().bind(model.results().noticeProperty());
        VBox box = new VBox(6, row, blocked, notice);
        box.getStyleClass().add("fit-header");
        return box;
    }

    private Button button(String id, String labelKey, Runnable action, ObservableBooleanValue disabled) {
        return Widgets.button(messages, id, labelKey, action, disabled);
    }

    // ---- the settings form ----

    /**
     * A translucent cover over the form while a fit runs: settings apply at the next start, and
     * locking them keeps that from being misread. A cover, not disabling the form, because
     * disabling restyles every field at once, which held the FX thread for tens of milliseconds.
     */
    private Node veil() {
        StackPane veil = new StackPane();
        veil.setId("fit-form-locked");
        veil.getStyleClass().add("fit-form-veil");
        veil.visibleProperty().bind(model.canStopProperty());
        // Clicks and scrolls stop here, so nothing under the cover can be changed by mouse.
        veil.addEventFilter(InputEvent.ANY, e -> {
            if (!(e instanceof KeyEvent)) {
                e.consume();
            }
        });
        return veil;
    }

    // ---- live charts ----

    private Node liveCharts() {
        // A min/max pair every two pixels looks the same as one per pixel and halves what the
        // rasterizer has to stroke, which is what limits the redraw rate.
        voltageView.widthProperty().addListener((obs, old, now) ->
                model.plotColumnsProperty().set(Math.max(100, now.intValue() / PIXELS_PER_COLUMN)));
        FlowPane sweeps = new FlowPane(10, 4);
        sweeps.setId("fit-sweeps");
        sweeps.setAlignment(Pos.CENTER_LEFT);
        Runnable rebuildSweeps = () -> sweeps.getChildren().setAll(sweepBoxes(model.sweepCountProperty().get()));
        model.sweepCountProperty().addListener((obs, old, now) -> rebuildSweeps.run());
        model.selectedSweeps().addListener((ListChangeListener<Integer>) c -> {
            for (Node n : sweeps.getChildren()) {
                if (n instanceof CheckBox box && box.getUserData() instanceof Integer sweep) {
                    box.setSelected(model.selectedSweeps().contains(sweep));
                }
            }
        });
        rebuildSweeps.run();
        // A double-click on a sweep's panel shows that sweep alone, as tall as the chart; another brings the others back.
        voltageView.setOnMouseClicked(e -> {
            // Every second click of a run counts, so quick double-clicks in a row each toggle the focus.
            if (e.getClickCount() % 2 != 0 || e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
                return;
            }
            if (model.sweepFocusedProperty().get()) {
                model.unfocusSweep();
                return;
            }
            List<Integer> shown = List.copyOf(model.selectedSweeps());
            voltageView.subplotAt(e.getX(), e.getY()).thenAccept(panel -> Platform.runLater(() -> {
                if (panel >= 0 && panel < shown.size() && shown.equals(model.selectedSweeps())) {
                    model.focusSweep(shown.get(panel));
                }
            }));
        });
        Tooltip.install(voltageView, new Tooltip(text("fit.chart.voltage.focus")));
        VBox.setVgrow(voltageView, Priority.ALWAYS);
        VBox voltageBox = new VBox(4, sweeps, voltageView);
        voltageBox.setPadding(new Insets(6, 6, 0, 6));

        SplitPane lower = new SplitPane(lossView, startsView, trajectoryView);
        lower.setDividerPositions(0.42, 0.68);
        SplitPane all = new SplitPane(voltageBox, lower);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.55);
        return all;
    }

    private List<Node> sweepBoxes(int count) {
        List<Node> out = new ArrayList<>();
        if (count > 0) {
            out.add(new Label(text("fit.chart.voltage.sweeps")));
        }
        for (int s = 0; s < count; s++) {
            int sweep = s;
            CheckBox box = new CheckBox(Integer.toString(s + 1));
            box.setId("fit-sweep-" + (s + 1));
            box.setUserData(sweep);
            box.setSelected(model.selectedSweeps().contains(s));
            box.selectedProperty().addListener((obs, old, now) -> {
                if (now == model.selectedSweeps().contains(sweep)) {
                    return;
                }
                List<Integer> chosen = new ArrayList<>(model.selectedSweeps());
                chosen.remove(Integer.valueOf(sweep));
                if (now) {
                    chosen.add(sweep);
                }
                chosen.sort(null);
                model.selectedSweeps().setAll(chosen);
            });
            out.add(box);
        }
        return out;
    }

    /** A live chart view exporting to e.g. "hh-synthetic-fit-loss.svg" for id "fit-loss-chart". */
    private PaintedChartView painted(String id, JFreeChart chart, double intervalMillis) {
        String kind = id.replaceFirst("-chart$", "");
        PaintedChartView v = new PaintedChartView(chart, intervalMillis, messages,
                () -> model.projectName() + "-" + kind);
        v.setId(id);
        v.setMinSize(120, 120);
        return v;
    }

    private void wireUpdates() {
        model.overlayProperty().addListener((obs, old, now) -> {
            if (now != null) {
                voltageView.update(c -> voltage.show(now));
            }
        });
        model.runner().history().addListener((ListChangeListener<FitResult.HistoryPoint>) c -> sendLosses());
        model.startLossesProperty().addListener((obs, old, now) -> startsView.update(c -> startLosses.show(now)));
        model.trajectoryNames().addListener((ListChangeListener<String>) c -> {
            List<TrajectoryChart.Scale> scales = scales();
            trajectoriesSent = 0;
            lastTrajectorySent = null;
            trajectoryView.update(chart -> trajectories.resetScaled(scales));
        });
        model.trajectories().addListener((ListChangeListener<TrajectoryPoint>) c -> sendTrajectories());
        model.runner().stateProperty().addListener((obs, old, now) -> {
            if (old.active() && (now == FitJobRunner.State.FINISHED || now == FitJobRunner.State.CANCELLED)
                    && !resultsTab.isSelected()) {
                // Marked rather than switched to: the live charts keep showing the final fit, and drawing
                // the results tab the moment the fit ended held the window 50-80 ms in software rendering.
                resultsTab.setText(text("fit.tab.results.new"));
                resultsTab.getStyleClass().add(NEW_RESULTS);
            }
        });
        resultsTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                resultsTab.setText(text("fit.tab.results"));
                resultsTab.getStyleClass().remove(NEW_RESULTS);
            }
        });
        model.runner().errorProperty().addListener((obs, old, error) -> {
            if (error != null) {
                showError(text("fit.error.title"), String.valueOf(error.getMessage()));
            }
        });
        model.results().failureProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                showError(text("fit.export.error.title"), now);
                model.results().failureShown();
            }
        });
    }

    /** Hands the loss chart the history points it has not had; an emptied history (a new fit) starts it afresh. */
    private void sendLosses() {
        List<FitResult.HistoryPoint> history = model.runner().history();
        boolean restart = history.size() < lossHistorySent || history.isEmpty();
        if (restart) {
            lossHistorySent = 0;
        }
        List<FitResult.HistoryPoint> fresh = List.copyOf(history.subList(lossHistorySent, history.size()));
        lossHistorySent = history.size();
        lossView.update(chart -> appendLosses(restart, fresh));
    }

    /** Painter thread: adds {@code fresh} to the loss curves with one change event for the whole batch. */
    private void appendLosses(boolean restart, List<FitResult.HistoryPoint> fresh) {
        lossChart.setNotify(false);
        try {
            if (restart) {
                lossByIteration.clear();
                lossBySeconds.clear();
            }
            for (FitResult.HistoryPoint h : fresh) {
                if (Double.isFinite(h.bestLoss())) {
                    lossByIteration.add(h.iteration(), LossChart.drawable(h.bestLoss()), false);
                    lossBySeconds.add(h.seconds(), LossChart.drawable(h.bestLoss()), false);
                }
            }
            if (!lossByIteration.isEmpty()) {
                LossChart.spanLosses(lossChart, lossByIteration.getMinY(), lossByIteration.getMaxY());
            }
            lossByIteration.fireSeriesChanged();
            lossBySeconds.fireSeriesChanged();
        } finally {
            lossChart.setNotify(true);
        }
    }

    /** The running fit's parameters as the trajectory chart scales them. */
    private List<TrajectoryChart.Scale> scales() {
        return model.trajectoryParameters().stream()
                .map(p -> new TrajectoryChart.Scale(p.name(), p.lower(), p.upper(), p.unit() == null ? "" : p.unit()))
                .toList();
    }

    /** Hands the trajectory chart the model's new points: the newest sent may have been replaced, more appended. */
    private void sendTrajectories() {
        List<TrajectoryPoint> points = model.trajectories();
        List<TrajectoryChart.Scale> names = points.size() < trajectoriesSent ? scales() : null;
        if (names != null) {
            trajectoriesSent = 0;
        }
        TrajectoryPoint replaced = trajectoriesSent > 0 && points.get(trajectoriesSent - 1) != lastTrajectorySent
                ? points.get(trajectoriesSent - 1) : null;
        List<TrajectoryPoint> fresh = List.copyOf(points.subList(trajectoriesSent, points.size()));
        trajectoriesSent = points.size();
        lastTrajectorySent = points.isEmpty() ? null : points.get(points.size() - 1);
        trajectoryView.update(chart -> {
            if (names != null) {
                trajectories.resetScaled(names);
            }
            if (replaced != null) {
                trajectories.replaceLast(replaced.fractions());
            }
            for (TrajectoryPoint p : fresh) {
                trajectories.add(p.iteration(), p.fractions());
            }
        });
    }

    // ---- results ----

    private Window window() {
        return owner != null ? owner : Widgets.window(root);
    }

    private void showError(String title, String content) {
        Widgets.errorAlert(window(), title, model.projectName(), content).show();
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
