package org.brainfx.app.charts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.brainfx.app.ui.Widgets;
import org.jfree.chart.fx.ChartViewer;

/**
 * The export menu of every chart viewer: "Export as PNG…" and "Export as SVG…" through
 * {@link ChartExport}, replacing the viewer's own menu, whose SVG item fails with JFreeSVG 5;
 * a save that fails is shown in an alert naming the file and the reason.
 */
public final class ChartViewers {
    /** Size of an export from a viewer that has not been laid out yet. */
    static final int FALLBACK_WIDTH = 1100;
    static final int FALLBACK_HEIGHT = 650;

    /** Writes a chart to a file whose extension says the format. */
    @FunctionalInterface
    public interface ChartSaver {
        /** Writes the chart to {@code file} (*.png or *.svg). */
        void save(Path file) throws IOException;
    }

    private ChartViewers() {
    }

    /**
     * Replaces the viewer's context menu with PNG and SVG export, drawing the chart at the
     * viewer's current size.
     *
     * @param fileStem the suggested file name without extension, asked for when the user exports
     *                 (so it follows a project renamed meanwhile)
     */
    public static void installExportMenu(ChartViewer viewer, ResourceBundle messages, Supplier<String> fileStem) {
        installExportMenu(viewer, messages, fileStem, file -> saveAtViewerSize(viewer, file));
    }

    /** As {@link #installExportMenu(ChartViewer, ResourceBundle, Supplier)}, writing through {@code saver}. */
    public static void installExportMenu(ChartViewer viewer, ResourceBundle messages, Supplier<String> fileStem,
                                         ChartSaver saver) {
        viewer.getContextMenu().getItems().setAll(exportItems(viewer, messages, fileStem, saver));
        if (DarkChartTheme.active()) {
            // Every workbench chart passes here, so this is where they take the dark theme.
            DarkChartTheme.follow(viewer.getChart());
        }
    }

    /**
     * New "Export as PNG…" and "Export as SVG…" items (e.g. for a menu button beside a chart):
     * each asks for a file with a dialog owned by {@code owner}'s window and writes it through
     * {@code saver}.
     */
    public static List<MenuItem> exportItems(Node owner, ResourceBundle messages, Supplier<String> fileStem,
                                             ChartSaver saver) {
        return exportItemsFor(owner, messages, fileStem, file -> save(owner, messages, file, saver));
    }

    /** As {@link #exportItems}, handing the chosen file to {@code export}, which reports its own failures. */
    static List<MenuItem> exportItemsFor(Node owner, ResourceBundle messages, Supplier<String> fileStem,
                                         Consumer<Path> export) {
        return ChartExport.EXTENSIONS.stream().map(extension -> {
            MenuItem item = new MenuItem(messages.getString("chart.export." + extension));
            item.setId("chart-export-" + extension);
            item.setOnAction(e -> {
                Path file = chooseFile(owner, messages, fileStem.get(), extension);
                if (file != null) {
                    export.accept(file);
                }
            });
            return item;
        }).toList();
    }

    /** Saves the viewer's chart at the viewer's size to {@code file}; the menu's path after the dialog. */
    static boolean save(ChartViewer viewer, ResourceBundle messages, Path file) {
        return save(viewer, messages, file, f -> saveAtViewerSize(viewer, f));
    }

    /** Writes {@code file} through {@code saver}; false, after showing why in an alert, when it fails. */
    static boolean save(Node owner, ResourceBundle messages, Path file, ChartSaver saver) {
        try {
            saver.save(file);
            return true;
        } catch (IOException | RuntimeException e) {
            failureAlert(owner, messages, file, e).show();
            return false;
        }
    }

    /** The alert that says {@code file} could not be saved and why. */
    static Alert failureAlert(Node owner, ResourceBundle messages, Path file, Exception e) {
        String title = messages.getString("chart.export.failed.title");
        return Widgets.errorAlert(Widgets.window(owner), title, title,
                MessageFormat.format(messages.getString("chart.export.failed"), file, reason(file, e)));
    }

    /** The exception's message without a leading file name, which the alert already shows. */
    private static String reason(Path file, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static void saveAtViewerSize(ChartViewer viewer, Path file) throws IOException {
        int width = (int) Math.round(viewer.getWidth());
        int height = (int) Math.round(viewer.getHeight());
        boolean laidOut = width > 0 && height > 0;
        ChartExport.save(viewer.getChart(), file, laidOut ? width : FALLBACK_WIDTH, laidOut ? height : FALLBACK_HEIGHT);
    }

    private static Path chooseFile(Node owner, ResourceBundle messages, String stem, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.getString("chart.export.title"));
        String filter = messages.getString("chart.export." + extension + ".filter");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, "*." + extension));
        chooser.setInitialFileName(fileName(stem) + "." + extension);
        File file = chooser.showSaveDialog(Widgets.window(owner));
        return file == null ? null : file.toPath();
    }

    /** A file name from {@code stem}: characters that no file system accepts become '-'. */
    static String fileName(String stem) {
        String name = stem == null ? "" : stem.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-");
        return name.isEmpty() ? "chart" : name;
    }
}
