package org.brainfx.app.workbench;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.brainfx.app.BrainfxVersion;
import org.brainfx.app.fit.FitDashboardView;
import org.brainfx.app.fit.FitDashboardViewModel;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.welcome.RecentProjects;
import org.brainfx.app.welcome.SampleCatalog;
import org.brainfx.app.welcome.WelcomeView;
import org.brainfx.app.welcome.WelcomeViewModel;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.project.ResolvedProject;

/**
 * The workbench's main layout: menu bar, project pane on the left, the welcome page or an open
 * project's fit dashboard in the center, and a status bar.
 */
final class WorkbenchView {

    private final ResourceBundle messages;
    private final Window owner;
    private final Label status = new Label();
    private final Label projectName = new Label();
    private final BorderPane root = new BorderPane();
    private final WelcomeViewModel welcome;
    private final Parent welcomePage;
    private final ObjectProperty<Parent> dashboard = new SimpleObjectProperty<>(this, "dashboard");

    /** The workbench with the user's recent projects. */
    WorkbenchView(ResourceBundle messages, Window owner) {
        this(messages, owner, RecentProjects.forUser());
    }

    /** The workbench remembering opened projects in {@code recent} (tests pass their own). */
    WorkbenchView(ResourceBundle messages, Window owner, RecentProjects recent) {
        this.messages = messages;
        this.owner = owner;
        welcome = new WelcomeViewModel(SampleCatalog.defaultFolder(), recent, UiExecutor.fx(), messages);
        welcome.setOpener(this::openProject);
        welcomePage = new WelcomeView(welcome, messages, this::chooseProject).root();
        welcome.loadSamplesInBackground();
        root.setTop(menuBar());
        root.setLeft(projectPane());
        root.setCenter(welcomePage);
        root.setBottom(statusBar());
        status.setText(text("status.ready"));
    }

    Parent root() {
        return root;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem(text("menu.file.open"));
        open.setId("menu-open");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseProject());
        MenuItem quit = new MenuItem(text("menu.file.quit"));
        quit.setId("menu-quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu(text("menu.file"), null, open, new SeparatorMenuItem(), quit);

        MenuItem home = new MenuItem(text("menu.view.home"));
        home.setId("menu-home");
        home.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+H"));
        home.setOnAction(e -> showHome());
        MenuItem project = new MenuItem(text("menu.view.project"));
        project.setId("menu-project");
        project.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+P"));
        project.disableProperty().bind(dashboard.isNull());
        project.setOnAction(e -> root.setCenter(dashboard.get()));
        Menu view = new Menu(text("menu.view"), null, home, project);

        MenuItem about = new MenuItem(text("menu.help.about"));
        about.setId("menu-about");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu(text("menu.help"), null, about);

        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private VBox projectPane() {
        Label title = new Label(text("project.title").toUpperCase(Locale.ROOT));
        title.getStyleClass().add("pane-title");
        projectName.setId("project-name");
        projectName.setText(text("project.empty"));
        projectName.getStyleClass().add("placeholder-text");
        VBox pane = new VBox(title, projectName);
        pane.setId("project-pane");
        pane.getStyleClass().add("project-pane");
        pane.setPrefWidth(230);
        pane.setMinWidth(180);
        return pane;
    }

    private HBox statusBar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label version = new Label(MessageFormat.format(text("app.version"), BrainfxVersion.version()));
        status.setId("status");
        HBox bar = new HBox(status, spacer, version);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void chooseProject() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text("open.title"));
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(text("open.filter"), "*.brainfx.json"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            openProject(file.toPath());
        }
    }

    /**
     * Loads the project at {@code file} in the background (it compiles the model and reads the
     * data, which can take seconds) and then shows its fit dashboard; failures open an alert.
     * Call on the FX thread.
     */
    void openProject(Path file) {
        String name = file.getFileName().toString();
        status.setText(MessageFormat.format(text("open.loading"), name));
        Task<FitConfig> load = new Task<>() {
            @Override
            protected FitConfig call() {
                return FitConfig.of(ResolvedProject.load(file));
            }
        };
        load.setOnSucceeded(e -> showDashboard(load.getValue(), file));
        load.setOnFailed(e -> showOpenError(file, load.getException()));
        BackgroundTasks.submit(load);
    }

    /** Shows the welcome page; an open project's dashboard stays a menu item away (View → Project). */
    void showHome() {
        welcome.refreshRecent();
        root.setCenter(welcomePage);
    }

    private void showDashboard(FitConfig config, Path file) {
        welcome.projectOpened(file);
        FitDashboardViewModel model = new FitDashboardViewModel(config, new FitJobRunner(UiExecutor.fx()), messages);
        projectName.setText(model.projectName());
        projectName.getStyleClass().remove("placeholder-text");
        status.setText(MessageFormat.format(text("open.done"), file.getFileName()));
        dashboard.set(new FitDashboardView(model, messages, owner).root());
        root.setCenter(dashboard.get());
    }

    private void showOpenError(Path file, Throwable error) {
        status.setText(text("status.ready"));
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(text("open.failed.title"));
        alert.setHeaderText(MessageFormat.format(text("open.failed.header"), file.toAbsolutePath().normalize()));
        alert.setContentText(error == null ? "" : String.valueOf(error.getMessage()));
        alert.show();
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(text("about.title"));
        alert.setHeaderText(MessageFormat.format(text("about.header"), BrainfxVersion.version()));
        alert.setContentText(MessageFormat.format(text("about.body"),
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version")));
        alert.showAndWait();
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
