package org.brainfx.app.modelview;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
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

/**
 * The model view: the project's model in an equation editor that checks as you type, its
 * parameter table, and the library of built-in models; all state lives in its {@link ModelViewModel}.
 */
public final class ModelView {

    /** Quiet time after the last keystroke before the text is checked. */
    private static final Duration CHECK_DELAY = Duration.millis(200);
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    /** Height of one row of the problem list, in pixels. */
    private static final double PROBLEM_ROW = 24;
    private static final KeyCombination APPLY_KEYS = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final ModelViewModel model;
    private final ResourceBundle messages;
    private final BorderPane root = new BorderPane();
    private final ModelCodeArea editor;

    /** A view of {@code model}. */
    public ModelView(ModelViewModel model, ResourceBundle messages) {
        this.model = model;
        this.messages = messages;
        this.editor = new ModelCodeArea(model.diagnosticsProperty(), true);
        root.setId("model-view");
        root.getStyleClass().add("modelview");
        root.setTop(banners());
        Tab project = new Tab(text("modelview.tab.project"), projectModel());
        project.setId("modelview-project-tab");
        Tab library = new Tab(text("modelview.tab.library"), new LibraryPane(model, messages).node());
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
        Label stale = new Label();
        stale.setId("modelview-stale");
        stale.getStyleClass().add("modelview-banner-problem");
        stale.setWrapText(true);
        stale.setMaxWidth(Double.MAX_VALUE);
        stale.textProperty().bind(Bindings.createStringBinding(() -> model.staleNamesProperty().get().isEmpty() ? ""
                : MessageFormat.format(text("modelview.stale"), model.staleNamesProperty().get()), model.staleNamesProperty()));
        Button remove = new Button(text("modelview.stale.remove"));
        remove.setId("modelview-remove-stale");
        remove.setMnemonicParsing(true);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setOnAction(e -> model.removeStaleNames());
        HBox staleBar = new HBox(8, stale, remove);
        staleBar.getStyleClass().addAll("modelview-banner", "modelview-banner-problem");
        staleBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(stale, Priority.ALWAYS);
        staleBar.managedProperty().bind(model.staleNamesProperty().isNotEmpty());
        staleBar.visibleProperty().bind(staleBar.managedProperty());
        Label notice = banner("modelview-notice", "modelview-banner-notice");
        notice.textProperty().bind(model.noticeProperty());
        return new VBox(problem, staleBar, notice);
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
        SplitPane split = new SplitPane(editorPane(), new ParameterTableView(model.parameterTable(), messages).node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.66);
        return split;
    }

    private BorderPane editorPane() {
        Label source = new Label();
        source.setId("modelview-source");
        source.getStyleClass().add("modelview-source");
        source.setWrapText(true);
        source.textProperty().bind(model.sourceProperty());

        HBox buttons = editorButtons();
        VBox top = new VBox(8, source, buttons);
        top.setPadding(new Insets(10, 12, 8, 12));

        wireEditorText();
        VBox.setVgrow(editor.node(), Priority.ALWAYS);

        Label status = checkStatusLabel();
        ListView<ModelDiagnostic> problems = problemList();
        // The problems get a pane of their own under the editor, as tall as the user drags it.
        SplitPane codeAndProblems = new SplitPane(editor.node());
        codeAndProblems.setId("modelview-code-split");
        codeAndProblems.setOrientation(Orientation.VERTICAL);
        Runnable placeProblems = () -> {
            boolean any = !problems.getItems().isEmpty();
            if (any && !codeAndProblems.getItems().contains(problems)) {
                codeAndProblems.getItems().add(problems);
                codeAndProblems.setDividerPositions(0.72);
            } else if (!any) {
                codeAndProblems.getItems().remove(problems);
            }
        };
        problems.getItems().addListener((javafx.collections.ListChangeListener<ModelDiagnostic>) c -> placeProblems.run());
        placeProblems.run();
        VBox bottom = new VBox(status);
        bottom.setPadding(new Insets(6, 12, 8, 12));

        BorderPane pane = new BorderPane(codeAndProblems);
        pane.setTop(top);
        pane.setBottom(bottom);
        return pane;
    }

    /** Apply, Save (for a model file) and Revert. */
    private HBox editorButtons() {
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
        Button save = new Button();
        save.setId("modelview-save");
        save.textProperty().bind(Bindings.createStringBinding(
                () -> MessageFormat.format(text("modelview.save"), model.modelFileProperty().get()), model.modelFileProperty()));
        save.setTooltip(new Tooltip(text("modelview.save.tooltip")));
        save.disableProperty().bind(model.canSaveFileProperty().not());
        save.managedProperty().bind(model.modelFileProperty().isNotEmpty());
        save.visibleProperty().bind(save.managedProperty());
        save.setOnAction(e -> saveFile());
        for (Button b : List.of(apply, save, revert)) {
            b.setMnemonicParsing(true);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, apply, save, revert);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    /** The verdict of the last check. */
    private Label checkStatusLabel() {
        Label status = new Label();
        status.setId("modelview-check-status");
        status.getStyleClass().add("modelview-check-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(this::checkStatus, model.checkingProperty(),
                model.diagnosticsProperty(), model.modifiedProperty(), model.checkedTextProperty()));
        status.pseudoClassStateChanged(PROBLEM, model.diagnosticProperty().get() != null);
        model.diagnosticProperty().addListener((obs, old, now) -> status.pseudoClassStateChanged(PROBLEM, now != null));
        return status;
    }

    /** The problems of the last check, each a wrapped message that goes to its place when clicked. */
    private ListView<ModelDiagnostic> problemList() {
        ListView<ModelDiagnostic> problems = new ListView<>();
        problems.setId("modelview-diagnostics");
        problems.getStyleClass().add("modelview-diagnostics");
        problems.setMinHeight(PROBLEM_ROW * 2);
        problems.setCellFactory(list -> new ListCell<>() {
            private final Tooltip whole = new Tooltip();

            {
                // Long unit messages wrap within the list's width; the tooltip holds them whole too.
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                whole.setWrapText(true);
                whole.setMaxWidth(600);
            }

            @Override
            protected void updateItem(ModelDiagnostic item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.display());
                whole.setText(getText());
                setTooltip(empty || item == null ? null : whole);
            }
        });
        model.diagnosticsProperty().addListener((obs, old, now) -> problems.getItems().setAll(now));
        problems.getItems().setAll(model.diagnosticsProperty().get());
        problems.setOnMouseClicked(e -> editor.jumpTo(problems.getSelectionModel().getSelectedItem()));
        problems.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                editor.jumpTo(problems.getSelectionModel().getSelectedItem());
            }
        });
        return problems;
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

    /** The last check's verdict; "Checking…" only before the first, so the line does not flicker while typing. */
    private String checkStatus() {
        if (model.checkingProperty().get() && model.checkedTextProperty().get() == null) {
            return text("modelview.check.running");
        }
        int problems = model.diagnosticsProperty().get().size();
        if (problems > 0) {
            return problems == 1 ? text("modelview.check.problem")
                    : MessageFormat.format(text("modelview.check.problems"), problems);
        }
        return text(model.modifiedProperty().get() ? "modelview.check.okModified" : "modelview.check.ok");
    }

    private void saveFile() {
        List<String> dropped = model.applyConsequences();
        if (dropped.isEmpty() || DropConfirmation.ask(root, messages, "modelview.save.confirm", model.modelFileProperty().get(), dropped)) {
            model.saveFile();
        }
    }

    private void apply() {
        List<String> dropped = model.applyConsequences();
        if (dropped.isEmpty() || DropConfirmation.ask(root, messages, "modelview.apply.confirm", null, dropped)) {
            model.apply();
        }
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
