package org.brainfx.app.workbench;

import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The bottom panel's message log: what the workbench did and what failed, newest at the bottom and in view. */
final class MessageLog {

    private final ListView<LogEntry> list;

    MessageLog(ObservableList<LogEntry> log, ResourceBundle messages) {
        list = new ListView<>(log);
        list.setId("message-log");
        list.setPlaceholder(new Label(messages.getString("log.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LogEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().remove("log-error");
                if (empty || entry == null) {
                    setText(null);
                    return;
                }
                setText(entry.time() + "  " + entry.text());
                if (entry.error()) {
                    getStyleClass().add("log-error");
                }
            }
        });
        log.addListener((ListChangeListener<LogEntry>) c -> {
            if (!log.isEmpty()) {
                list.scrollTo(log.size() - 1);
            }
        });
    }

    Parent root() {
        return list;
    }
}
