package org.brainfx.app.compare;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.brainfx.app.charts.ChartViewers;
import org.brainfx.app.ui.Widgets;
import org.brainfx.engine.job.FitConfig;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Compare view: the race form, Start and Stop, the progress line, the live chart of best loss
 * against wall time, and the table of the race with its winner marked, with exports of both; all
 * state lives in its {@link CompareViewModel}.
 */
public final class CompareView {

    private static final PseudoClass BEST = PseudoClass.getPseudoClass("best");
    private final CompareViewModel model;
    private final ResourceBundle messages;
    private final BorderPane root = new BorderPane();

    /** A view of {@code model}. */
    public CompareView(CompareViewModel model, ResourceBundle messages) {
        this.model = model;
        this.messages = messages;
        root.setId("compare-view");
        root.getStyleClass().add("compare-view");
        root.setTop(controls());
        SplitPane split = new SplitPane(chart(), tablePane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        root.setCenter(split);
        model.runner().errorProperty().addListener((obs, old, error) -> {
            if (error != null) {
                alert(text("compare.error.title"), String.valueOf(error.getMessage()));
            }
        });
    }

    /** The view's root node. */
    public Parent root() {
        return root;
    }

    private VBox controls() {
        Label title = new Label(text("compare.heading"));
        title.getStyleClass().add("compare-heading");

        HBox optimizers = new HBox(12);
        optimizers.setAlignment(Pos.CENTER_LEFT);
        Label optimizersLabel = new Label(text("compare.optimizers"));
        optimizersLabel.setMinWidth(Region.USE_PREF_SIZE);
        optimizers.getChildren().add(optimizersLabel);
        for (String name : FitConfig.OPTIMIZERS) {
            CheckBox box = new CheckBox(name);
            box.setId("compare-optimizer-" + name);
            box.setMnemonicParsing(false);
            box.selectedProperty().bindBidirectional(model.chosenProperty(name));
            optimizers.getChildren().add(box);
        }

        TextField target = textField("compare-target", model.targetLossProperty(), 7);
        target.setPromptText(text("compare.targetLoss.prompt"));
        Label plan = new Label();
        plan.setId("compare-plan");
        plan.getStyleClass().add("compare-plan");
        plan.textProperty().bind(model.planProperty());
        FlowPane settings = new FlowPane(16, 8,
                field("compare.budget", textField("compare-budget", model.budgetSecondsProperty(), 5),
                        "compare.tooltip.budget"),
                field("compare.repeats", textField("compare-repeats", model.repeatsProperty(), 3),
                        "compare.tooltip.repeats"),
                field("compare.targetLoss", target, "compare.tooltip.targetLoss"),
                plan);
        settings.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(8, optimizers, settings);
        // The form applies at the next start; locking it during a race keeps that from being misread.
        form.disableProperty().bind(model.runner().stateProperty().isEqualTo(CompareRunner.State.RUNNING));

        Button start = button("compare-start", "compare.start", model::start, model.canStartProperty().not());
        start.setDefaultButton(true);
        Tooltip sequential = tooltip("compare.tooltip.sequential");
        start.setTooltip(sequential);
        Button stop = button("compare-stop", "compare.stop", model::stop, model.canStopProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("compare-progress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("compare-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setTooltip(sequential);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox run = new HBox(8, start, stop, progress, status);
        run.setAlignment(Pos.CENTER_LEFT);

        Label invalid = new Label();
        invalid.setId("compare-invalid");
        invalid.getStyleClass().add("compare-invalid");
        invalid.setWrapText(true);
        invalid.textProperty().bind(model.validationMessageProperty());
        invalid.managedProperty().bind(invalid.textProperty().isNotEmpty());
        invalid.visibleProperty().bind(invalid.managedProperty());

        VBox box = new VBox(10, title, form, run, invalid);
        box.setPadding(new Insets(12, 16, 10, 16));
        return box;
    }

    private ChartViewer chart() {
        ChartViewer viewer = new ChartViewer(model.chart());
        viewer.setId("compare-chart");
        ChartViewers.installExportMenu(viewer, messages, this::exportFileStem, model::exportChart);
        return viewer;
    }

    private VBox tablePane() {
        TableView<CompareRow> table = new TableView<>(model.rows());
        table.setId("compare-table");
        table.getStyleClass().add("compare-table");
        Label empty = new Label(text("compare.table.empty"));
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        table.setPlaceholder(empty);
        TableColumn<CompareRow, String> name = column("compare.table.optimizer",
                r -> r.best() ? "\u2605 " + r.optimizer() : r.optimizer(), 110, false);
        TableColumn<CompareRow, String> toTarget = column("compare.table.toTarget", CompareRow::timeToTarget, 125, true);
        TableColumn<CompareRow, String> reached = column("compare.table.reached", CompareRow::reached, 130, true);
        toTarget.visibleProperty().bind(model.hasTargetProperty());
        reached.visibleProperty().bind(model.hasTargetProperty());
        table.getColumns().add(name);
        table.getColumns().add(column("compare.table.loss", CompareRow::finalLoss, 190, true));
        table.getColumns().add(column("compare.table.wall", CompareRow::wallTime, 170, true));
        table.getColumns().add(toTarget);
        table.getColumns().add(reached);
        table.getColumns().add(column("compare.table.runs", CompareRow::runs, 70, true));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareRow item, boolean emptyRow) {
                super.updateItem(item, emptyRow);
                pseudoClassStateChanged(BEST, !emptyRow && item != null && item.best());
            }
        });

        MenuButton chartExport = new MenuButton(text("compare.export.chart"));
        chartExport.setId("compare-export-chart");
        chartExport.getItems().setAll(
                ChartViewers.exportItems(root, messages, this::exportFileStem, model::exportChart));
        chartExport.disableProperty().bind(model.canExportProperty().not());
        Label notice = new Label();
        notice.setId("compare-notice");
        notice.getStyleClass().add("compare-notice");
        notice.textProperty().bind(model.noticeProperty());
        HBox exports = new HBox(8,
                button("compare-export-csv", "compare.export.csv",
                        () -> export("csv", "compare.export.csv.filter", model::exportCsv), model.canExportProperty().not()),
                button("compare-export-json", "compare.export.json",
                        () -> export("json", "compare.export.json.filter", model::exportJson),
                        model.canExportProperty().not()),
                chartExport, notice);
        exports.setAlignment(Pos.CENTER_LEFT);
        exports.setPadding(new Insets(8, 16, 8, 16));
        VBox pane = new VBox(exports, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return pane;
    }

    /** Something that writes a file, for the export actions. */
    @FunctionalInterface
    private interface Writer {
        void write(Path file) throws IOException;
    }

    private void export(String extension, String filterKey, Writer writer) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text(filterKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text(filterKey), "*." + extension));
        chooser.setInitialFileName(exportFileStem() + "." + extension);
        File file = chooser.showSaveDialog(Widgets.window(root));
        if (file == null) {
            return;
        }
        try {
            writer.write(file.toPath());
        } catch (IOException | RuntimeException e) {
            alert(text("compare.export.failed"), String.valueOf(e.getMessage()));
        }
    }

    /** The suggested name of an exported file, without extension, after the raced project. */
    private String exportFileStem() {
        CompareRunner.Race race = model.runner().raceProperty().get();
        return race == null ? "compare" : race.base().project().project().name() + "-compare";
    }

    private HBox field(String labelKey, Control input, String tooltipKey) {
        Label label = new Label(text(labelKey));
        label.setLabelFor(input);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = tooltip(tooltipKey);
        label.setTooltip(tip);
        input.setTooltip(tip);
        HBox box = new HBox(4, label, input);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip(text(key));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        return tip;
    }

    private static TextField textField(String id, StringProperty value, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private Button button(String id, String labelKey, Runnable action, ObservableBooleanValue disabled) {
        return Widgets.button(messages, id, labelKey, action, disabled);
    }

    private TableColumn<CompareRow, String> column(String labelKey, Function<CompareRow, String> value, double width,
                                                   boolean right) {
        TableColumn<CompareRow, String> c = new TableColumn<>(text(labelKey));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        // Wide enough for the header: a cut-off "Time to…" says nothing.
        c.setMinWidth(width);
        if (right) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return c;
    }

    private void alert(String title, String content) {
        Widgets.errorAlert(Widgets.window(root), title, title, content).show();
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
