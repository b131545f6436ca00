package org.brainfx.app.network.connectome;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;

/**
 * File → Import connectome…: a window of its own over the workbench; Create writes the network
 * project, closes the window and hands the project file to the workbench to open.
 *
 * @param stage the window
 * @param model its state (the snapshot command and tests drive it)
 */
public record ConnectomeImportDialog(Stage stage, ConnectomeImportModel model) {

    /** The window's size when it opens. */
    static final double WIDTH = 1200;
    /** The window's size when it opens. */
    static final double HEIGHT = 760;

    /**
     * Shows the import window over {@code owner} (not waiting for it); {@code opened} receives the
     * written project file on the FX thread.
     */
    public static ConnectomeImportDialog show(Window owner, ResourceBundle messages, Consumer<Path> opened) {
        return show(owner, messages, opened, WIDTH, HEIGHT);
    }

    /** Shows the import window at {@code width × height}; see {@link #show(Window, ResourceBundle, Consumer)}. */
    public static ConnectomeImportDialog show(Window owner, ResourceBundle messages, Consumer<Path> opened, double width,
                                              double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(messages.getString("connectome.import.title"));
        ConnectomeImportModel model = new ConnectomeImportModel(messages, BackgroundTasks.computeExecutor(), UiExecutor.fx());
        ConnectomeImportView view = new ConnectomeImportView(model, messages, stage);
        view.setOpener(project -> {
            stage.close();
            opened.accept(project);
        });
        // A read still running when the window closes is cancelled, its result dropped.
        stage.setOnHidden(e -> model.cancel());
        Scene scene = new Scene(view.root(), width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return new ConnectomeImportDialog(stage, model);
    }
}
