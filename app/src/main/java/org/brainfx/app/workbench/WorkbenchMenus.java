package org.brainfx.app.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * The workbench's menu bar and tool bar: each item's words, shortcut and id, what it calls in the
 * window ({@link Commands}) and when it is enabled.
 */
final class WorkbenchMenus {
    /** What the menus and tools call in the window. */
    interface Commands {
        void newProject();

        void chooseProject();

        void openProject(Path file);

        List<Path> recentProjects();

        void importConnectome();

        void save();

        void saveAs();

        void closeProject();

        void quit();

        void showHome();

        void showProject();

        void showPlayground();

        void startFit();

        void stopFit();

        void showGuide();

        void showShortcuts(List<Menu> menus);

        void showSamples();

        void showAbout();
    }

    private final ResourceBundle messages;
    private final Commands commands;
    private final EditHistory history;
    private final ObservableBooleanValue noProject;
    private final ObservableBooleanValue noFitProject;
    private final BooleanProperty propertiesWanted;
    // The menus as built, for the shortcut table (the menu bar itself may be the system's).
    private final ObservableList<Menu> menus = FXCollections.observableArrayList();

    /**
     * The menus of a window that does {@code commands}; Save and Close wait for {@code noProject} to be
     * false, the fit items for {@code noFitProject}; View → Properties follows {@code propertiesWanted}.
     */
    WorkbenchMenus(ResourceBundle messages, Commands commands, EditHistory history, ObservableBooleanValue noProject,
                   ObservableBooleanValue noFitProject, BooleanProperty propertiesWanted) {
        this.messages = messages;
        this.commands = commands;
        this.history = history;
        this.noProject = noProject;
        this.noFitProject = noFitProject;
        this.propertiesWanted = propertiesWanted;
    }

    /** The menu bar (built once). */
    MenuBar menuBar() {
        MenuItem create = item("menu-new", "menu.file.new", "Shortcut+N", commands::newProject);
        MenuItem open = item("menu-open", "menu.file.open", "Shortcut+O", commands::chooseProject);
        Menu recentMenu = new Menu(text("menu.file.recent"));
        recentMenu.setId("menu-recent");
        // Filled as it opens, so it always lists what the welcome page lists.
        recentMenu.setOnShowing(e -> fillRecent(recentMenu));
        recentMenu.getItems().add(new MenuItem(text("welcome.recent.none")));
        MenuItem save = item("menu-save", "menu.file.save", "Shortcut+S", commands::save);
        MenuItem saveAs = item("menu-save-as", "menu.file.saveAs", "Shortcut+Shift+S", commands::saveAs);
        MenuItem close = item("menu-close", "menu.file.close", "Shortcut+W", commands::closeProject);
        save.disableProperty().bind(noProject);
        saveAs.disableProperty().bind(noProject);
        close.disableProperty().bind(noProject);
        MenuItem quit = item("menu-quit", "menu.file.quit", "Shortcut+Q", commands::quit);
        // The import writes a network project and hands its file to the window to open.
        MenuItem importConnectome = item("menu-import-connectome", "menu.file.importConnectome", null,
                commands::importConnectome);
        Menu file = new Menu(text("menu.file"), null, create, open, recentMenu, importConnectome, new SeparatorMenuItem(), save, saveAs,
                close, new SeparatorMenuItem(), quit);

        MenuItem undo = item("menu-undo", "menu.edit.undo", "Shortcut+Z", history::undo);
        MenuItem redo = item("menu-redo", "menu.edit.redo", "Shortcut+Shift+Z", history::redo);
        undo.disableProperty().bind(history.undoMissing());
        redo.disableProperty().bind(history.redoMissing());
        undo.textProperty().bind(Bindings.when(history.undoDescription().isEmpty()).then(text("menu.edit.undo"))
                .otherwise(Bindings.concat(text("menu.edit.undo"), " ", history.undoDescription())));
        redo.textProperty().bind(Bindings.when(history.redoDescription().isEmpty()).then(text("menu.edit.redo"))
                .otherwise(Bindings.concat(text("menu.edit.redo"), " ", history.redoDescription())));
        Menu edit = new Menu(text("menu.edit"), null, undo, redo);

        MenuItem home = item("menu-home", "menu.view.home", "Shortcut+Shift+H", commands::showHome);
        MenuItem project = item("menu-project", "menu.view.project", "Shortcut+Shift+P", commands::showProject);
        MenuItem playground = item("menu-playground", "menu.view.playground", "Shortcut+Shift+G", commands::showPlayground);
        project.disableProperty().bind(noFitProject);
        CheckMenuItem showProperties = new CheckMenuItem(
                text("menu.view.properties"));
        showProperties.setId("menu-properties");
        showProperties.setSelected(true);
        showProperties.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+R"));
        showProperties.selectedProperty().bindBidirectional(propertiesWanted);
        Menu view = new Menu(text("menu.view"), null, home, project, playground, new SeparatorMenuItem(),
                showProperties);

        MenuItem start = item("menu-fit-start", "menu.fit.start", "Shortcut+R", commands::startFit);
        MenuItem stop = item("menu-fit-stop", "menu.fit.stop", "Shortcut+Period", commands::stopFit);
        start.disableProperty().bind(noFitProject);
        stop.disableProperty().bind(noFitProject);
        Menu fit = new Menu(text("menu.fit"), null, start, stop);

        MenuItem guide = item("menu-guide", "menu.help.guide", "F1", commands::showGuide);
        MenuItem shortcuts = item("menu-shortcuts", "menu.help.shortcuts", null, () -> commands.showShortcuts(menus));
        MenuItem samples = item("menu-samples", "menu.help.samples", null, commands::showSamples);
        MenuItem about = item("menu-about", "menu.help.about", null, commands::showAbout);
        Menu help = new Menu(text("menu.help"), null, guide, shortcuts, samples, new SeparatorMenuItem(), about);

        MenuBar bar = new MenuBar(file, edit, view, fit, help);
        menus.setAll(bar.getMenus());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void fillRecent(Menu menu) {
        List<Path> recent = commands.recentProjects();
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem(text("welcome.recent.none"));
            none.setDisable(true);
            menu.getItems().setAll(none);
            return;
        }
        menu.getItems().setAll(recent.stream().map(file -> {
            MenuItem m = new MenuItem(file.getFileName() + "  \u2014  " + file.getParent());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> commands.openProject(file));
            return m;
        }).toList());
    }

    /** The tool bar (built once). */
    ToolBar toolBar() {
        Button open = tool("tool-open", "toolbar.open", "menu.file.open", commands::chooseProject);
        Button save = tool("tool-save", "toolbar.save", "menu.file.save", commands::save);
        save.disableProperty().bind(noProject);
        Button undo = tool("tool-undo", "toolbar.undo", "menu.edit.undo", history::undo);
        undo.disableProperty().bind(history.undoMissing());
        Button redo = tool("tool-redo", "toolbar.redo", "menu.edit.redo", history::redo);
        redo.disableProperty().bind(history.redoMissing());
        Button start = tool("tool-fit-start", "toolbar.fit.start", "menu.fit.start", commands::startFit);
        start.disableProperty().bind(noFitProject);
        Button stop = tool("tool-fit-stop", "toolbar.fit.stop", "menu.fit.stop", commands::stopFit);
        stop.disableProperty().bind(noFitProject);
        ToolBar bar = new ToolBar(open, save, new Separator(), undo, redo,
                new Separator(), start, stop);
        bar.getStyleClass().add("workbench-toolbar");
        return bar;
    }

    private MenuItem item(String id, String key, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text(key));
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private Button tool(String id, String key, String tooltipKey, Runnable action) {
        Button b = new Button(text(key));
        b.setId(id);
        b.setTooltip(new Tooltip(text(tooltipKey).replace("_", "")));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
