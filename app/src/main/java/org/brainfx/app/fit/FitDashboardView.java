package org.brainfx.app.fit;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.brainfx.app.charts.LossChart;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitResult;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;

/**
 * The fit dashboard: settings form, run buttons, status line, live loss chart and the fitted
 * parameters; all state lives in its {@link FitDashboardViewModel}.
 */
public final class FitDashboardView {

    private final FitDashboardViewModel model;
    private final ResourceBundle messages;
    private final Window owner;
    // Duplicates allowed: a gradient optimizer can report several rounds (line-search steps) under one iteration.
    private final XYSeries lossSeries = new XYSeries("best loss", false, true);
    private final BorderPane root = new BorderPane();

    /** A view of {@code model}; error alerts are owned by {@code owner}. */
    public FitDashboardView(FitDashboardViewModel model, ResourceBundle messages, Window owner) {
        this.model = model;
        this.messages = messages;
        this.owner = owner;
        root.setId("fit-dashboard");
        root.setTop(controls());
        SplitPane split = new SplitPane(lossChart(), resultsTable());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        root.setCenter(split);
        model.runner().errorProperty().addListener((obs, old, error) -> {
            if (error != null) {
                showError(error);
            }
        });
    }

    /** The dashboard's root node. */
    public Parent root() {
        return root;
    }

    private VBox controls() {
        Label title = new Label(model.projectName());
        title.getStyleClass().add("welcome-heading");

        ComboBox<String> optimizer = new ComboBox<>(FXCollections.observableArrayList(
                FitConfig.OPTIMIZERS));
        optimizer.setId("fit-optimizer");
        optimizer.valueProperty().bindBidirectional(model.optimizerProperty());
        FlowPane settings = new FlowPane(16, 8,
                field("fit.optimizer", optimizer),
                field("fit.starts", textField("fit-starts", model.startsProperty(), 5)),
                field("fit.maxIterations", textField("fit-max-iterations", model.maxIterationsProperty(), 6)),
                field("fit.seed", textField("fit-seed", model.seedProperty(), 6)));
        settings.setAlignment(Pos.CENTER_LEFT);
        // Settings apply at the next start; locking them during a run keeps that from being misread.
        settings.disableProperty().bind(model.canStopProperty());
        HBox buttons = new HBox(8,
                button("fit-start", "fit.start", model::start, model.canStartProperty().not()),
                button("fit-pause", "fit.pause", model::pause, model.canPauseProperty().not()),
                button("fit-resume", "fit.resume", model::resume, model.canResumeProperty().not()),
                button("fit-stop", "fit.stop", model::stop, model.canStopProperty().not()));
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label invalid = new Label();
        invalid.setId("fit-invalid");
        invalid.setStyle("-fx-text-fill: #c0392b;");
        invalid.setWrapText(true);
        invalid.textProperty().bind(model.validationMessageProperty());
        invalid.managedProperty().bind(invalid.textProperty().isNotEmpty());
        invalid.visibleProperty().bind(invalid.managedProperty());

        Label status = new Label();
        status.setId("fit-status");
        status.textProperty().bind(model.statusProperty());

        VBox box = new VBox(8, title, settings, buttons, invalid, status);
        box.setPadding(new Insets(12, 16, 8, 16));
        return box;
    }

    private HBox field(String labelKey, Control input) {
        Label label = new Label(text(labelKey));
        label.setLabelFor(input);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(4, label, input);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TextField textField(String id, StringProperty value, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private Button button(String id, String labelKey, Runnable action,
                          ObservableBooleanValue disabled) {
        Button b = new Button(text(labelKey));
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        return b;
    }

    private ChartViewer lossChart() {
        ChartViewer viewer = new ChartViewer(LossChart.live(lossSeries, text("fit.chart.title")));
        viewer.setId("fit-loss-chart");
        model.runner().history().addListener((ListChangeListener<FitResult.HistoryPoint>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && change.getList().isEmpty()) {
                    lossSeries.clear();
                }
                // Add quietly and notify once: each notification redraws the whole chart.
                for (FitResult.HistoryPoint h : change.getAddedSubList()) {
                    if (Double.isFinite(h.bestLoss())) {
                        lossSeries.add(h.iteration(), LossChart.drawable(h.bestLoss()), false);
                    }
                }
            }
            lossSeries.fireSeriesChanged();
        });
        return viewer;
    }

    private TableView<ParameterRow> resultsTable() {
        TableView<ParameterRow> table = new TableView<>(model.results());
        table.setId("fit-results");
        Label empty = new Label(text("fit.results.empty"));
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        table.setPlaceholder(empty);
        TableColumn<ParameterRow, String> name = new TableColumn<>(text("fit.results.parameter"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<ParameterRow, String> value = new TableColumn<>(text("fit.results.value"));
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                String.format(Locale.ROOT, "%.6g", c.getValue().value())));
        value.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<ParameterRow, String> unit = new TableColumn<>(text("fit.results.unit"));
        unit.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().unit()));
        name.setPrefWidth(90);
        value.setPrefWidth(120);
        unit.setPrefWidth(60);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.getColumns().add(unit);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private void showError(Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(text("fit.error.title"));
        alert.setHeaderText(model.projectName());
        alert.setContentText(String.valueOf(error.getMessage()));
        alert.show();
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
