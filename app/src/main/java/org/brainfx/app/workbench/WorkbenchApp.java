package org.brainfx.app.workbench;

import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The BrainFX workbench window: creates the stage, applies the theme and shows the
 * {@link WorkbenchView}.
 *
 * <p>The theme is {@code light} unless the system property {@code brainfx.theme} says {@code dark}.
 * The system property {@code brainfx.open}, if set, names a project to open at start.
 */
public final class WorkbenchApp extends Application {

    /** Resource bundle with the workbench's user-visible strings. */
    public static final String MESSAGES = "org.brainfx.ui.messages";

    /**
     * JavaFX's own logger, held strongly so its filter survives garbage collection. BrainFX runs
     * JavaFX from the classpath on purpose (one plain launcher), so JavaFX's warning about that
     * configuration is noise; every other JavaFX message still gets through.
     */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    /**
     * Launches the workbench and returns once its last window closes.
     *
     * @return 0 after a normal close, 1 when no window can be opened (e.g. no display)
     */
    public static int launchWorkbench() {
        quietJavaFxConfigurationWarning();
        paintRegionBackgroundsDirectly();
        try {
            Application.launch(WorkbenchApp.class);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("brainfx: cannot open the workbench window (" + e.getMessage()
                    + "); on a machine without a display use the command line: brainfx --help");
            return 1;
        }
    }

    /**
     * Has JavaFX fill control backgrounds directly instead of stretching cached pictures of them,
     * unless {@code prism.disableRegionCaching} is already set. Without a usable GPU (virtual
     * machines, remote desktops, Xvfb, Monocle) JavaFX renders in software, where the stretched
     * copies cost the render thread 2.5 times as much during a fit (HH sample: 355-660 ms of render
     * CPU against 139-296 ms) and late frames held the window at a fit's end. Call before JavaFX
     * starts: the setting is read once.
     */
    public static void paintRegionBackgroundsDirectly() {
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
    }

    /** Drops JavaFX's warning about running from the classpath (see {@link #JAVAFX_LOGGER}); other messages pass. */
    static void quietJavaFxConfigurationWarning() {
        JAVAFX_LOGGER.setFilter(entry -> entry.getMessage() == null
                || !entry.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    @Override
    public void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle(MESSAGES);
        WorkbenchView view = new WorkbenchView(messages, stage);
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(themeStylesheet());
        stage.titleProperty().bind(view.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!view.closeRequested()) {
                e.consume();
            }
        });
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.setScene(scene);
        stage.show();
        String open = System.getProperty("brainfx.open");
        if (open != null && !open.isBlank()) {
            view.openProject(Path.of(open));
        }
    }

    /** The stylesheet of the theme {@code brainfx.theme} names (light unless it says dark). */
    static String themeStylesheet() {
        String theme = System.getProperty("brainfx.theme", "light").toLowerCase(Locale.ROOT);
        String name = "dark".equals(theme) ? "dark.css" : "light.css";
        URL css = WorkbenchApp.class.getResource("/org/brainfx/ui/" + name);
        if (css == null) {
            throw new IllegalStateException("Theme " + name + " not found: brainfx-ui-resources is missing from the classpath");
        }
        return css.toExternalForm();
    }
}
