package org.brainfx.app.modelview;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** The question asked before a model change that removes names from the project. */
final class DropConfirmation {

    private DropConfirmation() {
    }

    /** Asks before an edit that removes things from the project; true to go ahead. */
    static boolean ask(Node anchor, ResourceBundle messages, String keyPrefix, String subject, List<String> dropped) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                MessageFormat.format(messages.getString(keyPrefix + ".body"), String.join("\n\u2022 ", dropped)),
                ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(anchor.getScene() == null ? null : anchor.getScene().getWindow());
        alert.setTitle(messages.getString(keyPrefix + ".title"));
        alert.setHeaderText(MessageFormat.format(messages.getString(keyPrefix + ".header"), subject));
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
