package org.brainfx.app.fit;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.brainfx.app.ui.Widgets;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.optim.Optimizers;

/**
 * The fit settings form's nodes: the run and budget settings, the loss terms as cards, the free
 * parameters with their bounds, and the advanced settings, each field bound to its
 * {@link FitSettingsForm} row with its message and red outline while invalid.
 */
public final class FitSettingsPane {
    private final FitSettingsForm form;
    private final ResourceBundle messages;

    /** The nodes of {@code form}. */
    public FitSettingsPane(FitSettingsForm form, ResourceBundle messages) {
        this.form = form;
        this.messages = messages;
    }

    /** The form's node. */
    public VBox root() {
        GridPane search = grid();
        choiceRow(search, 0, form.optimizer(), FitConfig.OPTIMIZERS);
        textRow(search, 2, form.starts());
        // Gradient methods run several starts; population methods call the same number a population.
        Label startsLabel = (Label) search.getChildren().stream()
                .filter(n -> n instanceof Label l && l.getLabelFor() != null
                        && "fit-starts".equals(l.getLabelFor().getId()))
                .findFirst().orElseThrow();
        startsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Optimizers.gradientBased(form.optimizer().textProperty().get())
                        ? text("fit.starts") : text("fit.population"), form.optimizer().textProperty()));
        textRow(search, 4, form.seed());
        GridPane budgets = grid();
        textRow(budgets, 0, form.maxIterations());
        textRow(budgets, 2, form.maxEvaluations());
        textRow(budgets, 4, form.budgetSeconds());
        textRow(budgets, 6, form.targetLoss());
        GridPane details = grid();
        textRow(details, 0, form.learningRate());
        textRow(details, 2, form.pruneEvery());
        textRow(details, 4, form.keepStarts());
        choiceRow(details, 6, form.startSampling(), List.of("uniform", "lhs"));
        choiceRow(details, 8, form.adamBounds(), List.of("projection", "reparametrize"));
        TitledPane advanced = new TitledPane(text("fit.section.advanced"), details);
        advanced.setExpanded(false);
        advanced.setId("fit-advanced");

        VBox losses = new VBox(8);
        losses.setId("fit-losses");
        Runnable rebuild = () -> losses.getChildren().setAll(form.lossTerms().stream().map(this::lossCard).toList());
        form.lossTerms().addListener((ListChangeListener<LossTermRow>) c -> rebuild.run());
        rebuild.run();
        Button add = new Button(text("fit.loss.add"));
        add.setId("fit-loss-add");
        add.setOnAction(e -> form.addLossTerm());

        GridPane free = grid();
        free.setId("fit-free");
        Runnable rebuildFree = () -> fillFreeParameters(free);
        form.freeParameters().addListener((ListChangeListener<FreeParameterRow>) c -> rebuildFree.run());
        rebuildFree.run();

        // The loss terms come before the parameter list, which can be long (GIF has 14 parameters).
        VBox form = new VBox(10, section("fit.section.run"), search, section("fit.section.budgets"), budgets,
                section("fit.section.losses"), losses, add, section("fit.section.free"), free, advanced);
        form.getStyleClass().add("fit-form");
        return form;
    }

    private Label section(String key) {
        Label l = new Label(text(key).toUpperCase(Locale.ROOT));
        l.getStyleClass().add("pane-title");
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    private void textRow(GridPane grid, int row, SettingField<?> field) {
        TextField input = new TextField();
        input.setId("fit-" + field.id());
        input.setPromptText(field.defaultText());
        input.setPrefColumnCount(8);
        input.textProperty().bindBidirectional(field.textProperty());
        addRow(grid, row, field, input);
    }

    private void choiceRow(GridPane grid, int row, SettingField<String> field, List<String> choices) {
        ComboBox<String> input = new ComboBox<>(FXCollections.observableArrayList(choices));
        input.setId("fit-" + field.id());
        input.setMaxWidth(Double.MAX_VALUE);
        input.valueProperty().bindBidirectional(field.textProperty());
        addRow(grid, row, field, input);
    }

    private void addRow(GridPane grid, int row, SettingField<?> field, Control input) {
        Label label = new Label(field.label());
        label.setLabelFor(input);
        String help = "fit." + field.id() + ".help";
        if (messages.containsKey(help)) {
            Tooltip tip = new Tooltip(MessageFormat.format(text(help), field.defaultText()));
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            label.setTooltip(tip);
            input.setTooltip(tip);
        }
        Label error = fieldError(field, input);
        error.setId("fit-" + field.id() + "-error");
        grid.add(label, 0, row);
        grid.add(input, 1, row);
        grid.add(error, 1, row + 1);
    }

    /** The message under a field, and the field's red outline while its text is invalid. */
    private static Label fieldError(SettingField<?> field, Control input) {
        Label error = Widgets.message(null, "fit-field-error");
        error.textProperty().bind(field.errorProperty());
        field.errorProperty().addListener((obs, old, now) -> {
            input.getStyleClass().remove("fit-invalid");
            if (!now.isEmpty()) {
                input.getStyleClass().add("fit-invalid");
            }
        });
        return error;
    }

    private void fillFreeParameters(GridPane grid) {
        grid.getChildren().clear();
        grid.getColumnConstraints().setAll(new ColumnConstraints(), growing(), growing());
        if (form.freeParameters().isEmpty()) {
            Label empty = new Label(text("fit.free.empty"));
            empty.getStyleClass().add("placeholder-text");
            grid.add(empty, 0, 0, 3, 1);
            return;
        }
        Label lowerHeader = new Label(text("fit.free.lowerColumn"));
        Label upperHeader = new Label(text("fit.free.upperColumn"));
        lowerHeader.getStyleClass().add("fit-column-header");
        upperHeader.getStyleClass().add("fit-column-header");
        grid.add(lowerHeader, 1, 0);
        grid.add(upperHeader, 2, 0);
        int row = 1;
        for (FreeParameterRow p : form.freeParameters()) {
            CheckBox free = new CheckBox(p.unit().isEmpty() ? p.name() : p.name() + " (" + p.unit() + ")");
            free.setId("fit-free-" + p.name());
            // The name and unit stay whole ("Vth (mV)" was cut to "Vth (..."); the bound fields give way.
            free.setMinWidth(Region.USE_PREF_SIZE);
            free.selectedProperty().bindBidirectional(p.freeProperty());
            TextField lower = boundField(p.lower(), "fit-free-" + p.name() + "-lower", p.freeProperty());
            TextField upper = boundField(p.upper(), "fit-free-" + p.name() + "-upper", p.freeProperty());
            Label lowerError = fieldError(p.lower(), lower);
            Label upperError = fieldError(p.upper(), upper);
            grid.add(free, 0, row);
            grid.add(lower, 1, row);
            grid.add(upper, 2, row);
            grid.add(new VBox(lowerError, upperError), 0, row + 1, 3, 1);
            row += 2;
        }
    }

    private static ColumnConstraints growing() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    private static TextField boundField(SettingField<Double> field, String id, BooleanProperty free) {
        TextField input = new TextField();
        input.setId(id);
        input.setPrefColumnCount(5);
        input.setPromptText(field.defaultText());
        input.textProperty().bindBidirectional(field.textProperty());
        input.disableProperty().bind(free.not());
        return input;
    }

    private Node lossCard(LossTermRow row) {
        Label name = new Label(MessageFormat.format(text("fit.loss.term"), row.index() + 1));
        name.getStyleClass().add("fit-loss-name");
        ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList(LossTermRow.KINDS));
        kind.setId("fit-loss-kind-" + row.index());
        kind.valueProperty().bindBidirectional(row.kindProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button remove = new Button(text("fit.loss.remove"));
        remove.setId("fit-loss-remove-" + row.index());
        remove.setTooltip(new Tooltip(text("fit.loss.remove.tooltip")));
        remove.setOnAction(e -> form.removeLossTerm(row.index()));
        remove.disableProperty().bind(Bindings.size(form.lossTerms()).lessThan(2));
        name.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        // Readable names, whole: the keys ("spike_count") are what the project file writes.
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String key) {
                return key == null ? "" : messages.containsKey("fit.loss.kind." + key)
                        ? messages.getString("fit.loss.kind." + key) : key;
            }

            @Override
            public String fromString(String shown) {
                return LossTermRow.KINDS.stream().filter(k -> toString(k).equals(shown)).findFirst().orElse(shown);
            }
        });
        // On its own line, as wide as the card: the kind's name shows whole in a narrow form.
        kind.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(8, name, spacer, remove);
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane params = grid();
        // No vertical gap: rows of parameters the kind does not read are hidden, and gaps would stay.
        params.setVgap(0);
        lossField(params, 0, row, row.weight(), "fit.loss.weight", null);
        lossField(params, 2, row, row.every(), "fit.loss.every", LossTermRow.Parameter.EVERY);
        lossField(params, 4, row, row.divisions(), "fit.loss.divisions", LossTermRow.Parameter.DIVISIONS);
        lossField(params, 6, row, row.tau(), "fit.loss.tau", LossTermRow.Parameter.TAU);
        lossField(params, 8, row, row.window(), "fit.loss.window", LossTermRow.Parameter.WINDOW);
        lossField(params, 10, row, row.baseline(), "fit.loss.baseline", LossTermRow.Parameter.BASELINE);
        lossField(params, 12, row, row.sweepWeights(), "fit.loss.sweepWeights", LossTermRow.Parameter.SWEEP_WEIGHTS);
        Label problem = Widgets.message(null, "fit-field-error");
        problem.textProperty().bind(row.problemProperty());
        VBox card = new VBox(6, top, kind, params, problem);
        card.getStyleClass().add("fit-loss-card");
        return card;
    }

    private void lossField(GridPane grid, int row, LossTermRow term, SettingField<?> field, String labelKey,
                           LossTermRow.Parameter parameter) {
        Label label = new Label(text(labelKey));
        TextField input = new TextField();
        input.setId("fit-loss-" + field.id() + "-" + term.index());
        input.setPromptText(field.defaultText());
        input.setPrefColumnCount(7);
        input.textProperty().bindBidirectional(field.textProperty());
        label.setLabelFor(input);
        GridPane.setMargin(input, new Insets(2, 0, 2, 0));
        Label error = fieldError(field, input);
        grid.add(label, 0, row);
        grid.add(input, 1, row);
        grid.add(error, 1, row + 1);
        if (parameter != null) {
            // Only the parameters the term's kind reads are shown, so nothing typed is silently ignored.
            var applies = term.applies(parameter);
            for (Node n : List.of(label, input)) {
                n.visibleProperty().bind(applies);
                n.managedProperty().bind(applies);
            }
            error.visibleProperty().unbind();
            error.managedProperty().unbind();
            error.managedProperty().bind(applies.and(error.textProperty().isNotEmpty()));
            error.visibleProperty().bind(error.managedProperty());
        }
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
