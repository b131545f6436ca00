package org.brainfx.app.modelview;

import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The library of built-in models: their names and descriptions, the selected one's text
 * (read-only) and the action that makes the project use it.
 */
final class LibraryPane {

    private final ModelViewModel model;
    private final ResourceBundle messages;
    private final ListView<LibraryModel> list = new ListView<>();

    /** A pane showing {@code model}'s library. */
    LibraryPane(ModelViewModel model, ResourceBundle messages) {
        this.model = model;
        this.messages = messages;
    }

    /** The list and the selected model's text, as they go into a layout. */
    SplitPane node() {
        list.setItems(model.library());
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

        ModelCodeArea preview = new ModelCodeArea(new SimpleObjectProperty<>(), false);
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
        if (dropped.isEmpty() || DropConfirmation.ask(list, messages, "modelview.library.confirm", selected.name(), dropped)) {
            model.useInProject(selected);
        }
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
