package org.brainfx.app.modelview;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.converter.DefaultStringConverter;
import org.brainfx.engine.model.expr.ExprPrinter;

/**
 * The model view: the project's model in an equation editor that checks as you type, its
 * parameter table, and the library of built-in models; all state lives in its {@link ModelViewModel}.
 */
public final class ModelView {

    /** Quiet time after the last keystroke before the text is checked. */
    private static final Duration CHECK_DELAY = Duration.millis(200);
    private static final KeyCombination APPLY_KEYS = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final ModelViewModel model;
    private final ResourceBundle messages;
    private final BorderPane root = new BorderPane();
    private final ModelCodeArea editor;

    /** A view of {@code model}. */
    public ModelView(ModelViewModel model, ResourceBundle messages) {
        this.model = model;
        this.messages = messages;
        this.editor = new ModelCodeArea(model.diagnosticProperty(), true);
        root.setId("model-view");
        root.getStyleClass().add("modelview");
        root.setTop(banners());
        Tab project = new Tab(text("modelview.tab.project"), projectModel());
        project.setId("modelview-project-tab");
        Tab library = new Tab(text("modelview.tab.library"), library());
        library.setId("modelview-library-tab");
        TabPane tabs = new TabPane(project, library);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
    }

    /** The view's root node. */
    public Parent root() {
        return root;
    }

    private VBox banners() {
        Label problem = banner("modelview-project-problem", "modelview-banner-problem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> model.projectProblemProperty().get().isEmpty() ? ""
                : MessageFormat.format(text("modelview.project.problem"), model.projectProblemProperty().get()),
                model.projectProblemProperty()));
        Label notice = banner("modelview-notice", "modelview-banner-notice");
        notice.textProperty().bind(model.noticeProperty());
        return new VBox(problem, notice);
    }

    private static Label banner(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll("modelview-banner", styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    // ---- project model: editor and parameters ----

    private SplitPane projectModel() {
        SplitPane split = new SplitPane(editorPane(), parametersPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        return split;
    }

    private BorderPane editorPane() {
        Label source = new Label();
        source.setId("modelview-source");
        source.getStyleClass().add("modelview-source");
        source.setWrapText(true);
        source.textProperty().bind(model.sourceProperty());

        Button apply = new Button(text("modelview.apply"));
        apply.setId("modelview-apply");
        apply.getStyleClass().add("primary-button");
        apply.setTooltip(new Tooltip(text("modelview.apply.tooltip")));
        apply.disableProperty().bind(model.canApplyProperty().not());
        apply.setOnAction(e -> apply());
        Button revert = new Button(text("modelview.revert"));
        revert.setId("modelview-revert");
        revert.setTooltip(new Tooltip(text("modelview.revert.tooltip")));
        revert.disableProperty().bind(model.modifiedProperty().not());
        revert.setOnAction(e -> model.revert());
        for (Button b : List.of(apply, revert)) {
            b.setMnemonicParsing(true);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, apply, revert);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, source, buttons);
        top.setPadding(new Insets(10, 12, 8, 12));

        wireEditorText();
        VBox.setVgrow(editor.node(), Priority.ALWAYS);

        Label status = new Label();
        status.setId("modelview-check-status");
        status.getStyleClass().add("modelview-check-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(this::checkStatus, model.checkingProperty(),
                model.diagnosticProperty(), model.modifiedProperty()));
        status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), false);
        model.diagnosticProperty().addListener((obs, old, now) ->
                status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), now != null));

        ListView<ModelDiagnostic> problems = new ListView<>();
        problems.setId("modelview-diagnostics");
        problems.getStyleClass().add("modelview-diagnostics");
        // One message at a time: the check stops at the first problem.
        problems.setPrefHeight(30);
        problems.setMinHeight(30);
        problems.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ModelDiagnostic item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.display());
            }
        });
        model.diagnosticProperty().addListener((obs, old, now) -> problems.getItems().setAll(now == null ? List.of() : List.of(now)));
        if (model.diagnosticProperty().get() != null) {
            problems.getItems().setAll(model.diagnosticProperty().get());
        }
        problems.managedProperty().bind(Bindings.isNotEmpty(problems.getItems()));
        problems.visibleProperty().bind(problems.managedProperty());
        problems.setOnMouseClicked(e -> editor.jumpTo(problems.getSelectionModel().getSelectedItem()));
        problems.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                editor.jumpTo(problems.getSelectionModel().getSelectedItem());
            }
        });
        VBox bottom = new VBox(4, status, problems);
        bottom.setPadding(new Insets(6, 12, 8, 12));

        BorderPane pane = new BorderPane(editor.node());
        pane.setTop(top);
        pane.setBottom(bottom);
        return pane;
    }

    /** Keeps the code area and the view-model's text in step, and checks the text once typing pauses. */
    private void wireEditorText() {
        var area = editor.area();
        editor.show(model.textProperty().get());
        area.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (APPLY_KEYS.match(e)) {
                e.consume();
                if (model.canApplyProperty().get()) {
                    apply();
                }
            }
        });
        PauseTransition quiet = new PauseTransition(CHECK_DELAY);
        quiet.setOnFinished(e -> model.check());
        area.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(model.textProperty().get())) {
                model.textProperty().set(now);
                quiet.playFromStart();
            }
        });
        model.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(area.getText())) {
                editor.show(now);
            }
        });
    }

    private String checkStatus() {
        if (model.checkingProperty().get()) {
            return text("modelview.check.running");
        }
        if (model.diagnosticProperty().get() != null) {
            return text("modelview.check.problem");
        }
        return text(model.modifiedProperty().get() ? "modelview.check.okModified" : "modelview.check.ok");
    }

    private void apply() {
        List<String> dropped = model.applyConsequences();
        if (dropped.isEmpty() || confirm("modelview.apply.confirm", null, dropped)) {
            model.apply();
        }
    }

    private VBox parametersPane() {
        Label title = new Label(text("modelview.params.title"));
        title.getStyleClass().add("pane-title");
        Label hint = new Label(text("modelview.params.hint"));
        hint.getStyleClass().add("placeholder-text");
        hint.setWrapText(true);

        TableView<ModelParameterRow> table = new TableView<>(model.parameters());
        table.setId("modelview-parameters");
        table.setEditable(true);
        table.setPlaceholder(new Label(text("modelview.params.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ModelParameterRow, String> name = column("modelview.params.name", ModelParameterRow::name, 90);
        TableColumn<ModelParameterRow, String> value = editableColumn("modelview.params.value",
                r -> ExprPrinter.number(r.value()), model::editValue, false);
        TableColumn<ModelParameterRow, String> unit = column("modelview.params.unit",
                r -> r.unit() == null || r.unit().equals("1") ? "" : r.unit(), 60);
        TableColumn<ModelParameterRow, String> min = editableColumn("modelview.params.min",
                r -> r.lower() == null ? "-inf" : ExprPrinter.number(r.lower()), model::editLower, true);
        TableColumn<ModelParameterRow, String> max = editableColumn("modelview.params.max",
                r -> r.upper() == null ? "inf" : ExprPrinter.number(r.upper()), model::editUpper, true);
        TableColumn<ModelParameterRow, ModelParameterRow> free = new TableColumn<>(text("modelview.params.free"));
        free.setId("modelview-param-free");
        free.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        free.setCellFactory(c -> new FreeCell());
        free.setPrefWidth(50);
        free.setMinWidth(50);
        free.setSortable(false);
        TableColumn<ModelParameterRow, String> problem = column("modelview.params.problem", ModelParameterRow::problem, 280);
        problem.setCellFactory(c -> {
            TableCell<ModelParameterRow, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
                }
            };
            cell.getStyleClass().add("modelview-param-problem");
            return cell;
        });
        value.setId("modelview-param-value");
        min.setId("modelview-param-min");
        max.setId("modelview-param-max");
        table.getColumns().setAll(List.of(name, value, unit, min, max, free, problem));
        model.parameters().addListener((javafx.collections.ListChangeListener<ModelParameterRow>) c -> table.refresh());
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, title, hint, table);
        box.setPadding(new Insets(8, 12, 10, 12));
        return box;
    }

    private TableColumn<ModelParameterRow, String> column(String key, Function<ModelParameterRow, String> cell, double width) {
        TableColumn<ModelParameterRow, String> column = new TableColumn<>(text(key));
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(cell.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setEditable(false);
        return column;
    }

    /** A column whose cells take typed text; {@code onlyWhenFree}: cells of fixed parameters stay read-only. */
    private TableColumn<ModelParameterRow, String> editableColumn(String key, Function<ModelParameterRow, String> cell,
                                                                  BiConsumer<String, String> commit, boolean onlyWhenFree) {
        TableColumn<ModelParameterRow, String> column = column(key, cell, 90);
        column.setEditable(true);
        column.setCellFactory(c -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                ModelParameterRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && (!onlyWhenFree || row.free())) {
                    super.startEdit();
                }
            }

            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ModelParameterRow row = getTableRow() == null ? null : getTableRow().getItem();
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("readonly"),
                        onlyWhenFree && row != null && !row.free());
            }
        });
        column.setOnEditCommit(e -> {
            commit.accept(e.getRowValue().name(), e.getNewValue());
            e.getTableView().refresh();
        });
        return column;
    }

    /** The Free check box of one row: ticking it asks the view-model to free or fix the parameter. */
    private final class FreeCell extends TableCell<ModelParameterRow, ModelParameterRow> {
        private final CheckBox box = new CheckBox();

        FreeCell() {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setAlignment(Pos.CENTER);
            box.setOnAction(e -> {
                if (getItem() != null) {
                    model.setFree(getItem().name(), box.isSelected());
                }
            });
        }

        @Override
        protected void updateItem(ModelParameterRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                box.setSelected(item.free());
                box.setId("modelview-free-" + item.name());
                setGraphic(box);
            }
        }
    }

    // ---- library ----

    private SplitPane library() {
        ListView<LibraryModel> list = new ListView<>(model.library());
        list.setId("modelview-library");
        list.getStyleClass().add("modelview-library");
        list.setPlaceholder(new Label(model.libraryProblemProperty().get().isEmpty()
                ? text("modelview.library.loading") : model.libraryProblemProperty().get()));
        model.libraryProblemProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                list.setPlaceholder(new Label(now));
            }
        });
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LibraryModel item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(item.name());
                name.getStyleClass().add("modelview-library-name");
                Label description = new Label(item.description());
                description.getStyleClass().add("modelview-library-description");
                description.setWrapText(true);
                description.setMaxWidth(220);
                setGraphic(new VBox(2, name, description));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectLibraryModel(now);
            }
        });
        model.selectedLibraryModelProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        list.getSelectionModel().select(model.selectedLibraryModelProperty().get());
        Label title = new Label(text("modelview.library.title"));
        title.getStyleClass().add("pane-title");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(6, title, list);
        left.setPadding(new Insets(10, 8, 10, 12));
        left.setMinWidth(200);

        ModelCodeArea preview = new ModelCodeArea(new javafx.beans.property.SimpleObjectProperty<>(), false);
        preview.area().setId("modelview-library-text");
        model.selectedLibraryModelProperty().addListener((obs, old, now) -> {
            preview.show(now == null ? "" : now.text());
        });
        if (model.selectedLibraryModelProperty().get() != null) {
            preview.show(model.selectedLibraryModelProperty().get().text());
        }
        Label heading = new Label();
        heading.getStyleClass().add("modelview-library-heading");
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            LibraryModel m = model.selectedLibraryModelProperty().get();
            return m == null ? "" : m.name() + " \u2014 " + m.description();
        }, model.selectedLibraryModelProperty()));
        Button use = new Button(text("modelview.library.use"));
        use.setId("modelview-use");
        use.getStyleClass().add("primary-button");
        use.setMnemonicParsing(true);
        use.setMinWidth(Region.USE_PREF_SIZE);
        use.setTooltip(new Tooltip(text("modelview.library.use.tooltip")));
        use.disableProperty().bind(model.selectedLibraryModelProperty().isNull().or(model.selectedIsInUseProperty()));
        use.setOnAction(e -> useSelected());
        Label state = new Label();
        state.getStyleClass().add("placeholder-text");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.when(model.selectedIsInUseProperty())
                .then(text("modelview.library.current")).otherwise(text("modelview.library.readonly")));
        HBox actions = new HBox(10, use, state);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(preview.node(), Priority.ALWAYS);
        VBox right = new VBox(8, heading, actions, preview.node());
        right.setPadding(new Insets(10, 12, 10, 8));

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(left, false);
        return split;
    }

    private void useSelected() {
        LibraryModel selected = model.selectedLibraryModelProperty().get();
        if (selected == null) {
            return;
        }
        List<String> dropped = model.useConsequences(selected);
        if (dropped.isEmpty() || confirm("modelview.library.confirm", selected.name(), dropped)) {
            model.useInProject(selected);
        }
    }

    /** Asks before an edit that removes things from the project; true to go ahead. */
    private boolean confirm(String keyPrefix, String subject, List<String> dropped) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                MessageFormat.format(text(keyPrefix + ".body"), String.join("\n\u2022 ", dropped)),
                ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        alert.setTitle(text(keyPrefix + ".title"));
        alert.setHeaderText(MessageFormat.format(text(keyPrefix + ".header"), subject));
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
