package org.brainfx.app.recording;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.event.EventType;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.brainfx.app.charts.ChartViewers;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * The Recording view: the sweeps with check boxes and the recording's metadata beside the
 * response and stimulus chart (zoom, pan, crosshair readout, spikes, fit window); all state lives
 * in its {@link RecordingViewModel}.
 */
public final class RecordingView {

    private final RecordingViewModel model;
    private final ResourceBundle messages;
    private final RecordingChart chart;
    private final ChartViewer viewer;
    private final Line crosshair = new Line();
    private final Rectangle pending = new Rectangle();
    private final VBox sweepBoxes = new VBox(4);
    private final GridPane metadataGrid = new GridPane();
    private final ToggleButton windowMode = new ToggleButton();
    private final Label readout = new Label();
    // Where the mouse last was over the chart (null: outside), so the readout can follow a zoom.
    private MouseEvent lastPointer;
    private final BorderPane root = new BorderPane();
    private double dragStart = Double.NaN;
    private double dragStartX;

    /** A view of {@code model}. */
    public RecordingView(RecordingViewModel model, ResourceBundle messages) {
        this.model = model;
        this.messages = messages;
        this.chart = new RecordingChart(text("recording.chart.time"));
        this.viewer = new ChartViewer(chart.chart());
        root.setId("recording-view");
        root.getStyleClass().add("recording-view");
        root.setTop(header());
        root.setLeft(side());
        root.setCenter(chartArea());
        model.sweeps().addListener((ListChangeListener<SweepRow>) c -> rebuildSweeps());
        model.metadata().addListener((ListChangeListener<RecordingViewModel.MetadataRow>) c -> rebuildMetadata());
        model.shownProperty().addListener((obs, old, now) -> chart.show(now));
        model.fitWindowsProperty().addListener((obs, old, now) -> chart.setWindows(now));
        rebuildSweeps();
        rebuildMetadata();
        chart.show(model.shownProperty().get());
        chart.setWindows(model.fitWindowsProperty().get());
    }

    /** The view's root node. */
    public Parent root() {
        return root;
    }

    private VBox header() {
        Label title = new Label();
        title.setId("recording-title");
        title.getStyleClass().add("recording-title");
        title.textProperty().bind(model.titleProperty());
        ProgressIndicator reading = new ProgressIndicator();
        reading.setId("recording-loading");
        reading.setPrefSize(18, 18);
        reading.visibleProperty().bind(model.loadingProperty());
        HBox heading = new HBox(10, title, reading);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, heading,
                line("recording-message", "recording-message", model.messageProperty()),
                line("recording-problem", "recording-problem", model.problemProperty()),
                line("recording-note", "recording-note", model.noteProperty()),
                line("recording-notice", "recording-notice", model.noticeProperty()));
        box.getStyleClass().add("recording-header");
        return box;
    }

    /** A wrapping label that takes no room while {@code text} is empty. */
    private static Label line(String id, String styleClass, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    private VBox side() {
        Label sweepsTitle = new Label(text("recording.sweeps.title"));
        sweepsTitle.getStyleClass().add("pane-title");
        Label help = new Label();
        help.getStyleClass().add("recording-help");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        help.textProperty().bind(Bindings.when(model.recordingBackedProperty())
                .then(text("recording.sweeps.help.recording")).otherwise(text("recording.sweeps.help.display")));
        sweepBoxes.setId("recording-sweeps");
        ScrollPane sweepScroll = new ScrollPane(sweepBoxes);
        sweepScroll.setFitToWidth(true);
        sweepScroll.getStyleClass().add("recording-scroll");
        // The list takes the room its sweeps need and no more; the metadata below gets the rest.
        VBox.setVgrow(sweepScroll, Priority.SOMETIMES);
        sweepScroll.setMaxHeight(Region.USE_PREF_SIZE);
        Button all = new Button(text("recording.sweeps.all"));
        all.setId("recording-select-all");
        all.setOnAction(e -> model.selectAllSweeps());
        all.disableProperty().bind(Bindings.isEmpty(model.sweeps()));

        Label metaTitle = new Label();
        metaTitle.getStyleClass().add("pane-title");
        metaTitle.textProperty().bind(Bindings.when(model.recordingBackedProperty())
                .then(text("recording.metadata.title")).otherwise(text("recording.metadata.titleProject")));
        metadataGrid.setId("recording-metadata");
        metadataGrid.setHgap(10);
        metadataGrid.setVgap(3);
        ScrollPane metaScroll = new ScrollPane(metadataGrid);
        metaScroll.setFitToWidth(true);
        metaScroll.getStyleClass().add("recording-scroll");
        VBox.setVgrow(metaScroll, Priority.ALWAYS);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox sweepsHeading = new HBox(8, sweepsTitle, gap, all);
        sweepsHeading.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(8, sweepsHeading, help, sweepScroll, metaTitle, metaScroll);
        side.getStyleClass().add("recording-side");
        side.setPrefWidth(320);
        side.setMinWidth(240);
        return side;
    }

    private VBox chartArea() {
        windowMode.setText(text("recording.window.mode"));
        windowMode.setId("recording-window-mode");
        windowMode.setTooltip(new Tooltip(text("recording.window.mode.help")));
        windowMode.disableProperty().bind(model.canEditWindowProperty().not()
                .or(model.shownProperty().isNull()));
        windowMode.selectedProperty().addListener((obs, old, on) -> {
            viewer.setCursor(on ? Cursor.CROSSHAIR : Cursor.DEFAULT);
            if (!on) {
                dragStart = Double.NaN;
                pending.setVisible(false);
            }
        });
        Button clear = new Button(text("recording.window.clear"));
        clear.setId("recording-clear-window");
        clear.setOnAction(e -> model.clearFitWindow());
        clear.disableProperty().bind(model.hasWindowProperty().not());
        Button reset = new Button(text("recording.zoom.reset"));
        reset.setId("recording-reset-zoom");
        reset.setOnAction(e -> chart.resetZoom());
        reset.disableProperty().bind(model.shownProperty().isNull());
        Label window = new Label();
        window.setId("recording-window");
        window.getStyleClass().add("recording-window");
        window.textProperty().bind(model.windowSummaryProperty());
        window.setWrapText(true);
        HBox tools = new HBox(8, windowMode, clear, reset, window);
        for (var b : new Region[] {windowMode, clear, reset}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("recording-toolbar");

        viewer.setId("recording-chart");
        ChartViewers.installExportMenu(viewer, messages, () -> model.titleProperty().get() + "-recording");
        // Ctrl+drag pans as in JFreeChart's Swing panel; the canvas's own pan handler wants Alt, which
        // many Linux desktops take for moving windows.
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("pan-ctrl", false, true, false, false));
        // Data points carry no tooltips here, and looking one up scans every drawn point on each mouse move.
        viewer.getCanvas().removeAuxiliaryMouseHandler(viewer.getCanvas().getMouseHandler("tooltip"));
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, this::pointAt);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_DRAGGED, this::pointAt);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointAway());
        // A zoom or pan redraws the chart under a mouse that did not move: read the new axes at the same place.
        chart.chart().addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED && lastPointer != null) {
                MouseEvent at = lastPointer;
                Platform.runLater(() -> {
                    if (lastPointer == at) {
                        pointAt(at);
                    }
                });
            }
        });
        for (EventType<MouseEvent> type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_DRAGGED,
                MouseEvent.MOUSE_RELEASED)) {
            viewer.addEventFilter(type, this::dragWindow);
        }
        viewer.widthProperty().addListener((obs, old, w) -> chart.setColumns(w.intValue()));
        // Crosshair and the window being dragged are scene nodes over the canvas, so following the
        // mouse moves a line instead of redrawing every trace of the chart.
        crosshair.getStyleClass().add("recording-crosshair");
        crosshair.setVisible(false);
        pending.getStyleClass().add("recording-pending");
        pending.setVisible(false);
        Pane marks = new Pane(crosshair, pending);
        marks.setMouseTransparent(true);
        // No padding or border: the viewer places its canvas at its own layout position, and the marks
        // share the canvas's coordinates only while the viewer sits at (0, 0).
        StackPane holder = new StackPane(viewer, marks);
        VBox.setVgrow(holder, Priority.ALWAYS);

        readout.setId("recording-readout");
        readout.getStyleClass().add("recording-readout");
        readout.setText(text("recording.readout.empty"));
        readout.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label(text("recording.hint"));
        hint.getStyleClass().add("recording-hint");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(12, readout, gap, hint);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, tools, holder, bottom);
        box.setPadding(new Insets(8, 12, 8, 12));
        return box;
    }

    private void rebuildSweeps() {
        sweepBoxes.getChildren().clear();
        for (SweepRow row : model.sweeps()) {
            CheckBox box = new CheckBox(row.text());
            box.setId("recording-sweep-" + row.index());
            java.awt.Color c = RecordingChart.colour(row.index());
            box.setGraphic(new Rectangle(14, 4, Color.rgb(c.getRed(), c.getGreen(), c.getBlue())));
            box.setSelected(row.isSelected());
            row.selectedProperty().addListener((obs, old, now) -> box.setSelected(now));
            box.setOnAction(e -> {
                model.setSweepSelected(row.index(), box.isSelected());
                // A refused change (the last selected sweep) leaves the row as it was.
                box.setSelected(row.isSelected());
            });
            sweepBoxes.getChildren().add(box);
        }
    }

    private void rebuildMetadata() {
        metadataGrid.getChildren().clear();
        int r = 0;
        for (RecordingViewModel.MetadataRow row : model.metadata()) {
            Label name = new Label(row.name());
            name.getStyleClass().add("recording-meta-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(row.value());
            value.getStyleClass().add("recording-meta-value");
            value.setWrapText(true);
            metadataGrid.addRow(r++, name, value);
        }
    }

    /** Updates the crosshair and the readout for the mouse at {@code e}. */
    private void pointAt(MouseEvent e) {
        lastPointer = e;
        SweepTraces shown = model.shownProperty().get();
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (shown == null || info == null) {
            return;
        }
        PlotRenderingInfo plots = info.getPlotInfo();
        int panel = plots.getSubplotIndex(new java.awt.geom.Point2D.Double(e.getX(), e.getY()));
        if (panel < 0) {
            pointAway();
            return;
        }
        XYPlot plot = panel == 0 ? chart.responsePlot() : chart.stimulusPlot();
        var area = plots.getSubplotInfo(panel).getDataArea();
        double t = chart.chart().getXYPlot().getDomainAxis().java2DToValue(e.getX(), area,
                chart.chart().getXYPlot().getDomainAxisEdge());
        double value = plot.getRangeAxis().java2DToValue(e.getY(), area, plot.getRangeAxisEdge());
        SweepTraces.Quantity q = panel == 0 ? shown.response() : shown.stimulus();
        var all = plots.getDataArea();
        crosshair.setStartX(e.getX());
        crosshair.setEndX(e.getX());
        crosshair.setStartY(all.getMinY());
        crosshair.setEndY(all.getMaxY());
        crosshair.setVisible(true);
        readout.setText(MessageFormat.format(text("recording.readout"), RecordingViewModel.number(t), q.symbol(),
                RecordingViewModel.number(value), q.unit()));
    }

    private void pointAway() {
        lastPointer = null;
        crosshair.setVisible(false);
        readout.setText(text("recording.readout.empty"));
    }

    /** In fit-window mode, a primary-button drag chooses the window instead of zooming. */
    private void dragWindow(MouseEvent e) {
        if (!windowMode.isSelected() || (e.getButton() != MouseButton.PRIMARY && !e.isPrimaryButtonDown())) {
            return;
        }
        e.consume();
        Point2D p = viewer.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
        double t = timeAt(p.getX());
        if (Double.isNaN(t)) {
            return;
        }
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            dragStart = t;
            dragStartX = p.getX();
        } else if (!Double.isNaN(dragStart) && e.getEventType() == MouseEvent.MOUSE_DRAGGED) {
            var area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
            double x = Math.max(area.getMinX(), Math.min(area.getMaxX(), p.getX()));
            pending.setX(Math.min(dragStartX, x));
            pending.setWidth(Math.abs(x - dragStartX));
            pending.setY(area.getMinY());
            pending.setHeight(area.getHeight());
            pending.setVisible(true);
        } else if (!Double.isNaN(dragStart) && e.getEventType() == MouseEvent.MOUSE_RELEASED) {
            double from = dragStart;
            dragStart = Double.NaN;
            pending.setVisible(false);
            model.setFitWindow(from, t);
            if (model.noticeProperty().get().isEmpty()) {
                windowMode.setSelected(false);
            }
        }
    }

    /** The time under canvas x, from the response panel's data area; NaN before the chart is drawn. */
    private double timeAt(double x) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null || info.getPlotInfo().getSubplotCount() == 0) {
            return Double.NaN;
        }
        var area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        return chart.chart().getXYPlot().getDomainAxis().java2DToValue(x, area,
                chart.chart().getXYPlot().getDomainAxisEdge());
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
