package org.brainfx.app.ui;

import java.util.ResourceBundle;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** Controls and dialogs that every workbench view builds the same way. */
public final class Widgets {
    private Widgets() {
    }

    /**
     * A button labelled by {@code labelKey} (its '_' marks the mnemonic) that runs {@code action}
     * and is disabled while {@code disabled} holds; never narrower than its label.
     */
    public static Button button(ResourceBundle messages, String id, String labelKey, Runnable action,
                                ObservableBooleanValue disabled) {
        Button b = new Button(messages.getString(labelKey));
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        return b;
    }

    /** An error alert, not yet shown, owned by {@code owner} when it is not null. */
    public static Alert errorAlert(Window owner, String title, String header, String content) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.setContentText(content);
        return alert;
    }

    /** The window {@code node} is shown in, or null while it is not in one. */
    public static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    /** A wrapping label with {@code styleClass} that takes no room while its text is empty (id may be null). */
    public static Label message(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }
}
