package org.brainfx.app.help;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Help menu's windows: the user guide, the keyboard shortcuts, and where the samples come from. */
public final class HelpWindows {

    /** The README section the user guide shows. */
    public static final String GUIDE_SECTION = "The workbench";

    /**
     * A keyboard shortcut as the menus define it.
     *
     * @param keys   the keys, as the platform shows them (e.g. "Ctrl+S")
     * @param action the menu item it triggers (e.g. "File → Save")
     */
    public record Shortcut(String keys, String action) { }

    private final ResourceBundle messages;
    private final Window owner;

    /** Help windows owned by {@code owner}, styled like it. */
    public HelpWindows(ResourceBundle messages, Window owner) {
        this.messages = messages;
        this.owner = owner;
    }

    /** Every menu item with an accelerator, in menu order: the shortcuts have one source, the menus. */
    public static List<Shortcut> shortcuts(List<Menu> menus) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu m : menus) {
            collect(m, name(m), out);
        }
        return out;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " \u2192 " + name(sub), out);
            } else if (item.getAccelerator() != null && item.getText() != null) {
                out.add(new Shortcut(item.getAccelerator().getDisplayText(), path + " \u2192 " + name(item)));
            }
        }
    }

    private static String name(MenuItem item) {
        return item.getText().replace("_", "").replace("\u2026", "");
    }

    /** Opens the user guide (the README's workbench section). */
    public void showGuide() {
        VBox box = new VBox(8);
        for (GuideText.Block b : GuideText.section(GUIDE_SECTION)) {
            Label l = new Label(b.kind() == GuideText.Kind.ITEM ? "\u2022 " + b.text() : b.text());
            l.setWrapText(true);
            l.getStyleClass().add("help-" + b.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (b.kind() == GuideText.Kind.HEADING) {
                l.setStyle("-fx-font-weight: bold; -fx-font-size: 1.2em;");
            } else if (b.kind() == GuideText.Kind.CODE) {
                l.setStyle("-fx-font-family: monospace;");
            }
            box.getChildren().add(l);
        }
        show("help-guide", text("help.guide.title"), box, 760, 640);
    }

    /** Opens the table of keyboard shortcuts of {@code menus}. */
    public void showShortcuts(List<Menu> menus) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : shortcuts(menus)) {
            Label keys = new Label(s.keys());
            keys.setStyle("-fx-font-weight: bold;");
            grid.addRow(row++, keys, new Label(s.action()));
        }
        Label more = new Label(text("help.shortcuts.more"));
        more.setWrapText(true);
        show("help-shortcuts", text("help.shortcuts.title"), new VBox(14, grid, more), 560, 480);
    }

    /** Opens where the samples in {@code folder} come from. */
    public void showSamples(Path folder) {
        VBox box = new VBox(14);
        List<SampleProvenance.Entry> entries = SampleProvenance.of(folder);
        if (entries.isEmpty()) {
            box.getChildren().add(new Label(java.text.MessageFormat.format(text("help.samples.none"), folder)));
        }
        for (SampleProvenance.Entry e : entries) {
            Label name = new Label(e.name());
            name.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
            VBox one = new VBox(4, name);
            for (String t : List.of(e.about(), e.provenance().isEmpty() ? text("help.samples.made")
                    : GuideText.plain(e.provenance().replaceAll("(?m)^#+\\s*", "")))) {
                if (!t.isEmpty()) {
                    Label l = new Label(t);
                    l.setWrapText(true);
                    one.getChildren().add(l);
                }
            }
            box.getChildren().add(one);
        }
        show("help-samples", text("help.samples.title"), box, 760, 640);
    }

    private void show(String id, String title, Node content, double width, double height) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(16));
        scroll.setId(id);
        Scene scene = new Scene(scroll, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        stage.setScene(scene);
        stage.show();
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
