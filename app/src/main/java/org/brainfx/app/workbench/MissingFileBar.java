package org.brainfx.app.workbench;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.project.MissingDataFileException;
import org.brainfx.engine.project.ProjectPaths;

/**
 * A bar above the views while a file the open project refers to is missing: it names the file
 * and the path looked for, and Locate… points the project at the file (an undoable edit, kept
 * when the project is saved; other missing files found beside it are relinked too).
 */
final class MissingFileBar {

    private final ResourceBundle messages;
    private final WorkbenchModel model;
    private final WorkbenchDialogs dialogs;
    private final Label what = new Label();
    private final HBox bar;
    private final ChangeListener<MissingDataFileException> onChange = (obs, old, now) -> refresh(now);
    private ProjectSession shown;

    MissingFileBar(ResourceBundle messages, WorkbenchModel model, WorkbenchDialogs dialogs) {
        this.messages = messages;
        this.model = model;
        this.dialogs = dialogs;
        what.setId("missing-file-text");
        what.setWrapText(true);
        what.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(what, Priority.ALWAYS);
        Button locate = new Button(messages.getString("missing.locate"));
        locate.setId("missing-file-locate");
        locate.setOnAction(e -> locate());
        bar = new HBox(10, what, locate);
        bar.setId("missing-file-bar");
        bar.getStyleClass().add("missing-file-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.setVisible(false);
        bar.setManaged(false);
    }

    Node root() {
        return bar;
    }

    /** Follows {@code session}'s missing file (null: no project, no bar). */
    void show(ProjectSession session) {
        if (shown != null) {
            shown.missingFileProperty().removeListener(onChange);
        }
        shown = session;
        if (session != null) {
            session.missingFileProperty().addListener(onChange);
        }
        refresh(session == null ? null : session.missingFileProperty().get());
    }

    private void refresh(MissingDataFileException missing) {
        bar.setVisible(missing != null);
        bar.setManaged(missing != null);
        if (missing != null) {
            what.setText(MessageFormat.format(messages.getString("missing.header"), missing.tried()));
            what.setTooltip(new Tooltip(missing.getMessage()));
        }
    }

    private void locate() {
        ProjectSession s = shown;
        MissingDataFileException missing = s == null ? null : s.missingFileProperty().get();
        if (missing == null) {
            return;
        }
        dialogs.locate(missing.reference().field(), missing.tried()).ifPresent(found -> {
            s.document().edit(MessageFormat.format(messages.getString("missing.edit"), found.getFileName()),
                    p -> ProjectPaths.relocate(p, s.document().folder(), missing.reference().field(), found));
            model.info("log.located", missing.reference().path(), found);
        });
    }
}
