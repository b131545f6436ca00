package org.brainfx.app.fit;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.brainfx.app.report.Numbers;
import org.brainfx.app.ui.SelectedTabUpdates;
import org.brainfx.app.ui.Widgets;

/**
 * The fit dashboard's Results tab: the fitted parameters (the planned free parameters before a fit)
 * and the per-sweep losses as tables, the outcome's summary, Apply and the CSV/JSON exports, bound
 * to the dashboard's {@link FitResults}.
 */
public final class FitResultsPane {
    private static final double ROW_HEIGHT = 26;
    private static final double HEADER_HEIGHT = 32;

    private final FitDashboardViewModel model;
    private final ResourceBundle messages;
    private final Supplier<Window> window;

    /** The results of {@code model}; file choosers are owned by {@code window}'s window. */
    public FitResultsPane(FitDashboardViewModel model, ResourceBundle messages, Supplier<Window> window) {
        this.model = model;
        this.messages = messages;
        this.window = window;
    }

    /** The results' nodes; their tables follow the model only while {@code updates}' tab is selected. */
    public Node root(SelectedTabUpdates updates) {
        TableView<ParameterRow> table = new TableView<>(plannedUntilFitted(updates));
        table.setId("fit-results");
        table.setPlaceholder(placeholder("fit.results.empty"));
        table.getColumns().add(column("fit.results.parameter", ParameterRow::name, false));
        table.getColumns().add(column("fit.results.value", r -> number(r.value()), true));
        table.getColumns().add(column("fit.results.unit", ParameterRow::unit, false));
        table.getColumns().add(column("fit.results.lower", r -> number(r.lower()), true));
        table.getColumns().add(column("fit.results.upper", r -> number(r.upper()), true));
        TableColumn<ParameterRow, String> start = column("fit.results.start", r -> number(r.start()), true);
        // A kept result reopened later does not know the values before its fit.
        start.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> table.getItems().stream().anyMatch(r -> Double.isFinite(r.start())), table.getItems()));
        table.getColumns().add(start);
        TableColumn<ParameterRow, String> truth = column("fit.results.truth", r -> number(r.truth()), true);
        // Only a synthetic target has a truth to compare with.
        truth.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> table.getItems().stream().anyMatch(r -> Double.isFinite(r.truth())), table.getItems()));
        table.getColumns().add(truth);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fitRows(table);

        TableView<SweepLossRow> sweeps = new TableView<>(sweepsUntilFitted(updates));
        sweeps.setId("fit-sweep-losses");
        sweeps.setPlaceholder(placeholder("fit.results.sweeps.empty"));
        sweeps.getColumns().add(column("fit.results.sweep", r -> Integer.toString(r.sweep()), true));
        sweeps.getColumns().add(column("fit.results.loss", r -> number(r.loss()), true));
        TableColumn<SweepLossRow, String> rmse = column("fit.results.rmse", r -> number(r.rmse()), true);
        rmse.textProperty().bind(Bindings.createStringBinding(
                () -> MessageFormat.format(text("fit.results.rmse"), model.targetUnitProperty().get()),
                model.targetUnitProperty()));
        sweeps.getColumns().add(rmse);
        sweeps.getColumns().add(column("fit.results.targetSpikes", r -> count(r.targetSpikes()), true));
        sweeps.getColumns().add(column("fit.results.fittedSpikes", r -> count(r.fittedSpikes()), true));
        sweeps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fitRows(sweeps);

        Button apply = button("fit-apply", "fit.apply", model.results()::applyBestParameters, model.results().canApplyProperty().not());
        apply.setTooltip(new Tooltip(text("fit.apply.tooltip")));
        apply.getStyleClass().add("primary-button");
        Button csv = button("fit-export-csv", "fit.export.csv", () -> export("csv", model.results()::exportCsv),
                model.results().canExportProperty().not());
        Button json = button("fit-export-json", "fit.export.json", () -> export("json", model.results()::exportJson),
                model.results().canExportProperty().not());
        // Wraps in a narrow results pane instead of pushing the tables past its edge.
        FlowPane actions = new FlowPane(8, 8, apply, csv, json);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label summary = Widgets.message("fit-result-summary", "fit-result-summary");
        summary.textProperty().bind(model.results().resultSummaryProperty());
        VBox box = new VBox(10, summary, actions, table, sweeps);
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("fit-form-scroll");
        return scroll;
    }

    /**
     * The results table's rows: the fit's results, and before there are any, the free parameters
     * with their bounds and "—" for the values to come. Rows that already exist when a fit ends
     * are only refilled; building them then (cells, skins, styles) held the window for 40-70 ms.
     * The rows follow only while the results tab is selected.
     */
    private ObservableList<ParameterRow> plannedUntilFitted(SelectedTabUpdates updates) {
        ObservableList<ParameterRow> shown = FXCollections.observableArrayList();
        Runnable refresh = updates.whenSelected(
                () -> shown.setAll(model.results().parameterRows().isEmpty() ? plannedRows() : model.results().parameterRows()));
        model.results().parameterRows().addListener((ListChangeListener<ParameterRow>) c -> refresh.run());
        model.form().freeParameters().addListener((ListChangeListener<FreeParameterRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(row -> onChange(row, refresh));
            }
            refresh.run();
        });
        model.form().freeParameters().forEach(row -> onChange(row, refresh));
        refresh.run();
        return shown;
    }

    /** Runs {@code action} when the row is freed or fixed or a bound is typed. */
    private static void onChange(FreeParameterRow row, Runnable action) {
        row.freeProperty().addListener((obs, old, now) -> action.run());
        row.lower().textProperty().addListener((obs, old, now) -> action.run());
        row.upper().textProperty().addListener((obs, old, now) -> action.run());
    }

    private List<ParameterRow> plannedRows() {
        List<ParameterRow> rows = new ArrayList<>();
        for (FreeParameterRow f : model.form().freeParameters()) {
            if (f.freeProperty().get()) {
                rows.add(new ParameterRow(f.name(), Double.NaN, f.unit(), typed(f.lower()), typed(f.upper()), Double.NaN));
            }
        }
        return rows;
    }

    private static double typed(SettingField<Double> bound) {
        try {
            return Double.parseDouble(bound.textProperty().get().trim());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The per-sweep table's rows: the fit's, and before there are any, one "—" row per sweep (see {@link #plannedUntilFitted}). */
    private ObservableList<SweepLossRow> sweepsUntilFitted(SelectedTabUpdates updates) {
        ObservableList<SweepLossRow> shown = FXCollections.observableArrayList();
        Runnable refresh = updates.whenSelected(() -> {
            List<SweepLossRow> planned = new ArrayList<>();
            for (int s = 0; s < model.sweepCountProperty().get(); s++) {
                planned.add(new SweepLossRow(s + 1, Double.NaN, Double.NaN));
            }
            shown.setAll(model.results().sweepLosses().isEmpty() ? planned : model.results().sweepLosses());
        });
        model.results().sweepLosses().addListener((ListChangeListener<SweepLossRow>) c -> refresh.run());
        model.sweepCountProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();
        return shown;
    }

    /** Sizes a table to its rows (a placeholder's height when empty), so short tables leave no blank band. */
    private static void fitRows(TableView<?> table) {
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> HEADER_HEIGHT + ROW_HEIGHT * Math.max(3, table.getItems().size()), table.getItems()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);
    }

    private Label placeholder(String key) {
        Label empty = new Label(text(key));
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        return empty;
    }

    private <R> TableColumn<R, String> column(String key, Function<R, String> value, boolean numeric) {
        TableColumn<R, String> c = new TableColumn<>(text(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        if (numeric) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        c.setSortable(false);
        return c;
    }

    private static String count(int n) {
        return n < 0 ? "\u2014" : Integer.toString(n);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Numbers.significant(v) : "\u2014";
    }

    private void export(String extension, Consumer<Path> writer) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text("fit.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text("fit.export." + extension + ".filter"),
                "*." + extension));
        chooser.setInitialFileName(model.projectName() + "-fit." + extension);
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            writer.accept(file.toPath());
        }
    }

    private Button button(String id, String labelKey, Runnable action, ObservableBooleanValue disabled) {
        return Widgets.button(messages, id, labelKey, action, disabled);
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
