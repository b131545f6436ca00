package org.brainfx.app.workbench;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.brainfx.app.BrainfxVersion;
import org.brainfx.app.help.HelpWindows;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.RunningJob;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.network.NetworkDocument;
import org.brainfx.app.network.NetworkTabs;
import org.brainfx.app.network.connectome.ConnectomeImportDialog;
import org.brainfx.app.network.sim.SimulationView;
import org.brainfx.app.playground.PlaygroundView;
import org.brainfx.app.playground.PlaygroundViewModel;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.app.ui.Pulses;
import org.brainfx.app.welcome.RecentProjects;
import org.brainfx.app.welcome.SampleCatalog;
import org.brainfx.app.welcome.WelcomeView;
import org.brainfx.app.welcome.WelcomeViewModel;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.training.TrainingView;
import org.brainfx.app.training.TrainingViewModel;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.train.TrainingProject;
import org.brainfx.engine.train.TrainingProjectFiles;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectException;
import org.brainfx.engine.project.ProjectFiles;
import org.controlsfx.control.PropertySheet;

/**
 * The workbench's main window content: menu and tool bars, the project explorer on the left, the
 * views as tabs in the center, the selected item's properties on the right, and the jobs and the
 * message log at the bottom above a status line.
 */
final class WorkbenchView {

    /** Width of the project explorer when the window opens, px. */
    static final double EXPLORER_WIDTH = 190;
    /** Width of the property pane when the window opens, px: names and values whole. */
    static final double PROPERTIES_WIDTH = 300;
    /** Height of the jobs and messages pane when the window opens, px. */
    static final double BOTTOM_HEIGHT = 100;
    /** How often unsaved edits are copied to the recovery file. */
    static final Duration AUTOSAVE_PERIOD = Duration.seconds(30);

    private final ResourceBundle messages;
    private final Window owner;
    private final WorkbenchModel model;
    private final Label status = new Label();
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab homeTab;
    private final WelcomeViewModel welcome;
    private final ProjectExplorer explorer;
    private final PropertySheet properties = new PropertySheet();
    private final WorkbenchDialogs dialogs;
    // View → Properties Pane; the pane shows while this holds and a project is open (without one it has nothing to show).
    private final BooleanProperty propertiesWanted = new SimpleBooleanProperty(true);
    private final HelpWindows helpWindows;
    private final Path samplesFolder;
    private final MissingFileBar missingBar;
    private Tab freePlayground;
    private Tab trainingTab;
    private TrainingViewModel trainingModel;
    private RunningJob trainingJob;
    // An open network project: its document and workspace in the Network tab (never open beside a neuron project).
    private final ObjectProperty<NetworkTabs> network = new SimpleObjectProperty<>(this, "network");
    private Tab networkTab;
    private final EditHistory history = new EditHistory();
    private SimulationView simulation;
    // Held here: the jobs panel's bindings listen weakly to the simulation's job.
    private RunningJob simulationJob;
    private SplitPane sides;
    private VBox propertyPane;
    private final ObjectProperty<ProjectTabs> projectTabs = new SimpleObjectProperty<>(this, "projectTabs");
    private final StringBinding title;

    /** The workbench with the user's recent projects. */
    WorkbenchView(ResourceBundle messages, Window owner) {
        this(messages, owner, RecentProjects.forUser());
    }

    /** The workbench remembering opened projects in {@code recent} (tests pass their own). */
    WorkbenchView(ResourceBundle messages, Window owner, RecentProjects recent) {
        this(messages, owner, recent, new WorkbenchDialogs(messages, owner), SampleCatalog.defaultFolder());
    }

    /** The workbench asking its questions through {@code dialogs}, with the bundled samples in {@code samples}. */
    WorkbenchView(ResourceBundle messages, Window owner, RecentProjects recent, WorkbenchDialogs dialogs, Path samples) {
        this.messages = messages;
        this.owner = owner;
        this.dialogs = dialogs;
        this.samplesFolder = samples;
        helpWindows = new HelpWindows(messages, owner);
        model = new WorkbenchModel(messages, BackgroundTasks.executor(), UiExecutor.fx(), Clock.systemDefaultZone());
        model.setRecoveryPrompt(dialogs::restore);
        model.setErrorReporter(dialogs::error);
        model.setSamplesFolder(samples);
        missingBar = new MissingFileBar(messages, model, dialogs);
        explorer = new ProjectExplorer(messages, this::select);
        welcome = new WelcomeViewModel(samples, recent, UiExecutor.fx(), messages);
        welcome.setOpener(this::openProject);
        homeTab = new Tab(text("tab.home"), new WelcomeView(welcome, messages, this::chooseProject, this::newProject, this::showPlayground).root());
        homeTab.setId("tab-home");
        homeTab.setClosable(false);
        welcome.loadSamplesInBackground();
        tabs.getTabs().add(homeTab);
        tabs.setId("view-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        WorkbenchMenus menus = new WorkbenchMenus(messages, commands(), history, noProject(), projectTabs.isNull(),
                propertiesWanted);
        root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        propertyPane = propertyPane();
        sides = new SplitPane(explorer.root(), tabs);
        // Side panes in pixels, not shares of the window: wide enough to read names and values.
        sides.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                if (now.doubleValue() > 0) {
                    sides.widthProperty().removeListener(this);
                    placeDividers(now.doubleValue());
                }
            }
        });
        SplitPane.setResizableWithParent(sides.getItems().get(0), false);
        SplitPane.setResizableWithParent(propertyPane, false);
        SplitPane main = new SplitPane(sides, bottomPane());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.84);
        // The jobs and messages get a fixed band (a tab row and two job rows), the views the rest:
        // at 1280x720 a share of the height left the sweeps of the fit view ~20 px tall.
        SplitPane.setResizableWithParent(main.getItems().get(1), false);
        main.heightProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                if (now.doubleValue() > 0) {
                    main.heightProperty().removeListener(this);
                    main.setDividerPositions(Math.max(0.6, 1 - BOTTOM_HEIGHT / now.doubleValue()));
                }
            }
        });
        root.setCenter(new BorderPane(main, missingBar.root(), null, null, null));
        root.setBottom(statusBar());
        status.setText(text("status.ready"));
        model.log().addListener((ListChangeListener<LogEntry>) c -> {
            if (!model.log().isEmpty()) {
                status.setText(model.log().get(model.log().size() - 1).text());
            }
        });
        title = Bindings.createStringBinding(this::titleText, model.sessionProperty(), network);
        network.addListener((obs, old, now) -> {
            title.invalidate();
            bindHistory();
            if (now != null) {
                now.document().titleProperty().addListener((o, a, b) -> title.invalidate());
            }
        });
        model.sessionProperty().addListener((obs, old, now) -> {
            title.invalidate();
            bindHistory();
            if (now != null) {
                now.document().titleProperty().addListener((o, a, b) -> title.invalidate());
                now.document().projectProperty().addListener((o, a, b) -> projectEdited(a, b));
            }
            missingBar.show(now);
            showPropertyPane(now != null && propertiesWanted.get());
        });
        propertiesWanted.addListener((obs, was, now) -> showPropertyPane(now && model.session() != null));
        Timeline autosave = new Timeline(new KeyFrame(AUTOSAVE_PERIOD, e -> {
            model.autosave();
            autosaveNetwork();
        }));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    Parent root() {
        return root;
    }

    /** The window title: the application name and, with a project open, its name with an asterisk when unsaved. */
    StringBinding titleProperty() {
        return title;
    }

    /** The workbench's state (tests and the snapshot command read it). */
    WorkbenchModel model() {
        return model;
    }

    /** The open project's views, or null. */
    ProjectTabs projectTabs() {
        return projectTabs.get();
    }

    /** Undo and Redo follow the open network project, else the open neuron project. */
    /** Edit → Undo / Redo follow the open network, else the open neuron project, else the training dashboard. */
    private void bindHistory() {
        NetworkTabs n = network.get();
        ProjectSession s = model.session();
        if (n != null) {
            NetworkDocument d = n.document();
            history.follow(d.canUndoProperty(), d.canRedoProperty(), d.undoDescriptionProperty(), d.redoDescriptionProperty(),
                    d::undo, d::redo);
        } else if (s != null) {
            ProjectDocument d = s.document();
            history.follow(d.canUndoProperty(), d.canRedoProperty(), d.undoDescriptionProperty(), d.redoDescriptionProperty(),
                    d::undo, d::redo);
        } else if (trainingModel != null) {
            TrainingViewModel t = trainingModel;
            history.follow(t.history().canUndoProperty(), t.history().canRedoProperty(), t.history().undoDescriptionProperty(),
                    t.history().redoDescriptionProperty(), t::undo, t::redo);
        } else {
            history.clear();
        }
    }

    private String titleText() {
        NetworkTabs n = network.get();
        if (n != null) {
            return n.document().titleProperty().get() + " \u2014 " + text("app.title");
        }
        ProjectSession s = model.session();
        return s == null ? text("app.title") : s.document().titleProperty().get() + " \u2014 " + text("app.title");
    }

    /** What the menus and tools do in this window. */
    private WorkbenchMenus.Commands commands() {
        return new WorkbenchMenus.Commands() {
            @Override
            public void newProject() {
                WorkbenchView.this.newProject();
            }

            @Override
            public void chooseProject() {
                WorkbenchView.this.chooseProject();
            }

            @Override
            public void openProject(Path file) {
                WorkbenchView.this.openProject(file);
            }

            @Override
            public List<Path> recentProjects() {
                welcome.refreshRecent();
                return welcome.recentProjects();
            }

            @Override
            public void importConnectome() {
                ConnectomeImportDialog.show(owner, messages, WorkbenchView.this::openProject);
            }

            @Override
            public void save() {
                WorkbenchView.this.save();
            }

            @Override
            public void saveAs() {
                WorkbenchView.this.saveAs();
            }

            @Override
            public void closeProject() {
                WorkbenchView.this.closeProject();
            }

            @Override
            public void quit() {
                WorkbenchView.this.quit();
            }

            @Override
            public void showHome() {
                WorkbenchView.this.showHome();
            }

            @Override
            public void showProject() {
                WorkbenchView.this.showProject();
            }

            @Override
            public void showPlayground() {
                WorkbenchView.this.showPlayground();
            }

            @Override
            public void startFit() {
                withTabs(ProjectTabs::startFit);
            }

            @Override
            public void stopFit() {
                withTabs(ProjectTabs::stopFit);
            }

            @Override
            public void showGuide() {
                helpWindows.showGuide();
            }

            @Override
            public void showShortcuts(List<Menu> menus) {
                helpWindows.showShortcuts(menus);
            }

            @Override
            public void showSamples() {
                helpWindows.showSamples(samplesFolder);
            }

            @Override
            public void showAbout() {
                WorkbenchView.this.showAbout();
            }
        };
    }

    private void placeDividers(double width) {
        if (width <= 0) {
            return;
        }
        double explorerShare = Math.min(0.25, EXPLORER_WIDTH / width);
        if (sides.getItems().contains(propertyPane)) {
            sides.setDividerPositions(explorerShare, 1 - Math.min(0.3, PROPERTIES_WIDTH / width));
        } else {
            sides.setDividerPositions(explorerShare);
        }
    }

    /** Shows or hides the property sheet, giving its width to the views (wide dashboards on small screens). */
    private void showPropertyPane(boolean show) {
        if (show && !sides.getItems().contains(propertyPane)) {
            sides.getItems().add(propertyPane);
            placeDividers(sides.getWidth());
        } else if (!show && sides.getItems().remove(propertyPane)) {
            placeDividers(sides.getWidth());
        }
    }

    private VBox propertyPane() {
        Label heading = new Label(text("props.title").toUpperCase(Locale.ROOT));
        heading.getStyleClass().add("pane-title");
        properties.setId("property-sheet");
        properties.setModeSwitcherVisible(false);
        // The sheet's rows follow the pane's width (values whole up to it) instead of scrolling sideways.
        properties.skinProperty().addListener((obs, old, skin) -> Platform.runLater(() -> {
            for (Node n : properties.lookupAll(".scroll-pane")) {
                if (n instanceof javafx.scene.control.ScrollPane sp) {
                    sp.setFitToWidth(true);
                    sp.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
                }
            }
        }));
        properties.setSearchBoxVisible(false);
        Node empty = placeholder(text("props.none"));
        empty.visibleProperty().bind(Bindings.isEmpty(properties.getItems()));
        properties.visibleProperty().bind(empty.visibleProperty().not());
        StackPane sheet = new StackPane(properties, empty);
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        VBox pane = new VBox(heading, sheet);
        pane.getStyleClass().add("property-pane");
        pane.setMinWidth(170);
        return pane;
    }

    private TabPane bottomPane() {
        Tab jobs = new Tab(text("jobs.title"), new JobsPanel(model.jobs(), messages).root());
        jobs.setId("tab-jobs");
        Tab log = new Tab(text("log.title"), new MessageLog(model.log(), messages).root());
        log.setId("tab-log");
        TabPane bottom = new TabPane(jobs, log);
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bottom.getStyleClass().add("bottom-pane");
        return bottom;
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
        dialogs.projectToOpen().ifPresent(this::openProject);
    }

    /** Asks what the new project holds, writes it, and opens it. */
    private void newProject() {
        if (!confirmDiscard()) {
            return;
        }
        Path folder = model.session() != null ? model.session().document().folder()
                : Path.of(System.getProperty("user.home"));
        new NewProjectDialog(messages, owner, folder).showAndWait().ifPresent(choice -> {
            try {
                ProjectFiles.write(choice.project(), choice.file());
            } catch (ProjectException e) {
                dialogs.error(MessageFormat.format(text("log.save.failed.header"), choice.file()), e.getMessage());
                return;
            }
            openProject(choice.file());
        });
    }

    /**
     * Opens the project at {@code file} in the background and then shows its views; failures are
     * logged and shown in an alert. Call on the FX thread.
     */
    void openProject(Path file) {
        if (!confirmDiscard()) {
            return;
        }
        status.setText(MessageFormat.format(text("open.loading"), file.getFileName()));
        // A training project is not a neuron project: it opens in the training dashboard (a small read to tell).
        if (TrainingProjectFiles.isTrainingProject(file)) {
            openTraining(file);
            return;
        }
        if (NetworkProjectFiles.isNetworkProject(file)) {
            openNetwork(file);
            return;
        }
        model.open(file, () -> showProjectOf(file));
    }

    /** Reads the network project in the background, then shows it in the Network tab (replacing an open project). */
    private void openNetwork(Path file) {
        boolean sample = model.isSample(file);
        BackgroundTasks.executor().execute(() -> {
            NetworkDocument document;
            try {
                document = NetworkDocument.open(file);
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    model.error(MessageFormat.format(text("log.open.failed"), file, e.getMessage()));
                    dialogs.error(MessageFormat.format(text("log.open.failed.header"), file.toAbsolutePath().normalize()),
                            e.getMessage());
                });
                return;
            }
            if (sample) {
                document.markReadOnly();
                Platform.runLater(() -> showNetwork(document));
                return;
            }
            NetworkDocument recovered = model.keepsRecoveryCopies() ? NetworkDocument.recovered(file).orElse(null) : null;
            Platform.runLater(() -> {
                if (recovered != null && dialogs.restore(file)) {
                    showNetwork(recovered);
                    return;
                }
                if (recovered != null) {
                    document.discardRecovery();
                }
                showNetwork(document);
            });
        });
    }

    /** Copies the open network project's unsaved edits to its recovery file, as {@link WorkbenchModel#autosave} does. */
    private void autosaveNetwork() {
        NetworkTabs n = network.get();
        if (n == null || !model.keepsRecoveryCopies()) {
            return;
        }
        try {
            if (n.document().writeRecovery()) {
                model.info("log.autosaved", NetworkDocument.recoveryFile(n.document().file()).getFileName());
            }
        } catch (RuntimeException e) {
            model.error(e.getMessage());
        }
    }

    private void showNetwork(NetworkDocument document) {
        // One project is edited at a time: File > Save and Edit > Undo must not have to guess which.
        if (model.session() != null) {
            model.closeProject();
            dropProjectTabs();
            explorer.show(null);
        }
        closeNetwork();
        NetworkTabs created = new NetworkTabs(document, messages, BackgroundTasks.computeExecutor(), UiExecutor.fx());
        simulation = new SimulationView(document.specSupplier(), document::baseDir, messages,
                BackgroundTasks.computeExecutor(), UiExecutor.fx());
        Tab simulate = new Tab(text("network.tab.simulation"), simulation.root());
        simulate.setId("tab-network-simulation");
        created.add(simulate);
        simulationJob = simulation.runningJob();
        model.track(simulationJob);
        networkTab = new Tab(text("tab.network"), created.root());
        networkTab.setId("tab-network");
        network.set(created);
        // The explorer lists a neuron project's parts; a network's parts are on the canvas, which gets its width.
        sides.getItems().remove(explorer.root());
        tabs.getTabs().add(networkTab);
        tabs.getSelectionModel().select(networkTab);
        welcome.projectOpened(document.file());
        model.info(document.isReadOnly() ? "log.opened.sample" : "log.opened.network", document.file().getFileName());
    }

    private void closeNetwork() {
        if (networkTab != null) {
            simulation.close();
            simulation = null;
            simulationJob = null;
            tabs.getTabs().remove(networkTab);
            networkTab = null;
            network.set(null);
            sides.getItems().add(0, explorer.root());
            placeDividers(sides.getWidth());
        }
    }

    /** The open network project's simulation view, or null (tests). */
    SimulationView simulation() {
        return simulation;
    }

    /** The open network project's simulation job, or null (tests). */
    RunningJob simulationJob() {
        return simulationJob;
    }

    /** The open network project's workspace, or null (tests and the snapshot command). */
    NetworkTabs networkTabs() {
        return network.get();
    }

    /** Reads the training project in the background, then shows it in a Training tab (replacing an earlier one). */
    private void openTraining(Path file) {
        BackgroundTasks.executor().execute(() -> {
            TrainingProject project;
            try {
                project = TrainingProjectFiles.read(file);
            } catch (IllegalArgumentException e) {
                Platform.runLater(() -> {
                    model.error(MessageFormat.format(text("log.open.failed"), file, e.getMessage()));
                    dialogs.error(MessageFormat.format(text("log.open.failed.header"), file.toAbsolutePath().normalize()),
                            e.getMessage());
                });
                return;
            }
            Platform.runLater(() -> showTraining(file, project));
        });
    }

    private void showTraining(Path file, TrainingProject project) {
        closeTraining();
        trainingModel = new TrainingViewModel(file, project, messages, BackgroundTasks.executor(), UiExecutor.fx());
        trainingTab = new Tab(text("tab.training"), new TrainingView(trainingModel, messages).root());
        // Held here: the job's bindings listen weakly to the dashboard and would be collected with their listeners.
        trainingJob = trainingModel.runningJob(MessageFormat.format(text("training.job"), trainingModel.name()));
        model.track(trainingJob);
        trainingTab.setId("tab-training");
        tabs.getTabs().add(trainingTab);
        tabs.getSelectionModel().select(trainingTab);
        welcome.projectOpened(file);
        explorer.showNamed(MessageFormat.format(text("explorer.training"), trainingModel.name()));
        bindHistory();
        model.info("log.opened.training", file.getFileName());
    }

    private void closeTraining() {
        if (trainingTab != null) {
            trainingModel.close();
            tabs.getTabs().remove(trainingTab);
            trainingTab = null;
            trainingModel = null;
            trainingJob = null;
            bindHistory();
            if (model.session() == null) {
                explorer.show(null);
            }
        }
    }

    /** The open training dashboard's state, or null (tests and the snapshot command). */
    TrainingViewModel trainingModel() {
        return trainingModel;
    }

    private void showProjectOf(Path file) {
        ProjectSession session = model.session();
        welcome.projectOpened(session.document().file());
        dropProjectTabs();
        if (freePlayground != null) {
            tabs.getTabs().remove(freePlayground);
            freePlayground = null;
        }
        closeNetwork();
        ProjectTabs created = new ProjectTabs(session, messages, owner, model);
        projectTabs.set(created);
        tabs.getTabs().addAll(created.tabs());
        explorer.show(session);
        showProject();
    }

    private void dropProjectTabs() {
        ProjectTabs old = projectTabs.get();
        if (old != null) {
            tabs.getTabs().removeAll(old.tabs());
            projectTabs.set(null);
        }
    }

    /** File → Close: asks about unsaved changes, then closes the project and shows the welcome page. */
    void closeProject() {
        boolean training = trainingTab != null;
        closeTraining();
        if (network.get() != null) {
            if (confirmDiscard()) {
                closeNetwork();
                showHome();
            }
            return;
        }
        if (model.session() == null) {
            if (training) {
                showHome();
            }
            return;
        }
        if (!confirmDiscard()) {
            return;
        }
        model.closeProject();
        dropProjectTabs();
        explorer.show(null);
        showHome();
    }

    /** Shows the welcome page; an open project's views stay one tab away. */
    void showHome() {
        welcome.refreshRecent();
        tabs.getSelectionModel().select(homeTab);
    }

    /** True once the welcome page has found the sample projects and drawn their pictures. */
    boolean welcomeLoaded() {
        return welcome.samplesLoadedProperty().get() && welcome.previewsLoadedProperty().get();
    }

    /**
     * Selects a view by its name ({@code welcome}, {@code fit}, …); returns false when the open
     * project has no such view.
     */
    boolean showView(String name) {
        if ("welcome".equals(name)) {
            showHome();
            return true;
        }
        for (Tab t : tabs.getTabs()) {
            if (("tab-" + name).equals(t.getId())) {
                tabs.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    private void showProject() {
        ProjectTabs t = projectTabs.get();
        if (t != null) {
            tabs.getSelectionModel().select(t.first());
        }
    }

    /**
     * Shows a playground: the open project's, or without a project one on the built-in models
     * (for teaching, nothing to open first).
     */
    void showPlayground() {
        if (projectTabs.get() != null) {
            showView("playground");
            return;
        }
        if (freePlayground == null) {
            freePlayground = new Tab(text("tab.playground"), new PlaygroundView(
                    new PlaygroundViewModel(null, messages, BackgroundTasks.executor(),
                            UiExecutor.fx()), messages).root());
            freePlayground.setId("tab-playground");
            tabs.getTabs().add(freePlayground);
        }
        tabs.getSelectionModel().select(freePlayground);
    }

    /** Saves the open project (a read-only sample: asks where to Save As); returns whether it saved. */
    boolean save() {
        NetworkTabs n = network.get();
        if (n != null) {
            if (n.document().isReadOnly()) {
                return saveAs();
            }
            return writeNetwork(() -> n.document().save(), n.document().file());
        }
        ProjectSession s = model.session();
        if (s != null && s.document().isReadOnly()) {
            return saveAs();
        }
        return model.save();
    }

    /**
     * Asks where to save the project and, when it moves to another folder and refers to files by
     * relative path, whether to copy them beside it; the new file joins the recent projects.
     */
    boolean saveAs() {
        NetworkTabs n = network.get();
        if (n != null) {
            NetworkDocument d = n.document();
            Path target = dialogs.saveAsTarget(d.file(), d.isReadOnly()).orElse(null);
            if (target == null || !writeNetwork(() -> d.saveAs(target), target)) {
                return false;
            }
            welcome.projectOpened(d.file());
            return true;
        }
        ProjectSession s = model.session();
        if (s == null) {
            return false;
        }
        boolean sample = s.document().isReadOnly();
        Path target = dialogs.saveAsTarget(s.document().file(), sample).orElse(null);
        if (target == null) {
            return false;
        }
        ProjectDocument.DataFiles data = ProjectDocument.DataFiles.REFER;
        if (!target.toAbsolutePath().normalize().getParent().equals(s.document().folder())
                && s.document().refersToRelativeFiles()) {
            data = dialogs.dataFiles(target, sample).orElse(null);
            if (data == null) {
                return false;
            }
        }
        if (!model.saveAs(target, data)) {
            return false;
        }
        welcome.projectOpened(s.document().file());
        return true;
    }

    /** Saves the network project by {@code write}; a failure is logged and shown, and the document stays unsaved. */
    private boolean writeNetwork(Runnable write, Path file) {
        try {
            write.run();
        } catch (RuntimeException e) {
            model.error(MessageFormat.format(text("log.save.failed.header"), file) + ": " + e.getMessage());
            dialogs.error(MessageFormat.format(text("log.save.failed.header"), file), e.getMessage());
            return false;
        }
        model.info("log.saved.network", file.getFileName());
        return true;
    }

    /** Called when the window is asked to close: returns false when the user chose to stay. */
    boolean closeRequested() {
        if (!confirmDiscard()) {
            return false;
        }
        model.close();
        closeTraining();
        closeNetwork();
        return true;
    }

    private void quit() {
        if (closeRequested()) {
            Platform.exit();
        }
    }

    /** Asks what to do with unsaved changes; returns true when it is fine to replace or close the project. */
    private boolean confirmDiscard() {
        NetworkTabs n = network.get();
        if (n != null && n.document().isDirty()) {
            WorkbenchDialogs.Unsaved choice = dialogs.unsaved(n.document().displayName());
            if (choice == WorkbenchDialogs.Unsaved.DISCARD && !n.document().isReadOnly() && model.keepsRecoveryCopies()) {
                n.document().discardRecovery();
            }
            return choice == WorkbenchDialogs.Unsaved.SAVE ? save() : choice == WorkbenchDialogs.Unsaved.DISCARD;
        }
        ProjectSession s = model.session();
        if (s == null || !s.document().isDirty()) {
            return true;
        }
        WorkbenchDialogs.Unsaved choice = dialogs.unsaved(displayName(s.document().project()));
        if (choice == WorkbenchDialogs.Unsaved.SAVE) {
            return save();
        }
        if (choice == WorkbenchDialogs.Unsaved.DISCARD) {
            if (!s.document().isReadOnly()) {
                s.document().discardRecovery();
            }
            return true;
        }
        return false;
    }

    /** A kept result added or removed changes the explorer's Results a pulse later, after the dashboard has drawn. */
    private void projectEdited(Project before, Project now) {
        if (before != null && before.savedFits().size() != now.savedFits().size()) {
            Pulses.afterNextPulse(explorer::refresh);
        } else {
            explorer.refresh();
        }
    }

    /** The explorer's selection: its rows in the property sheet, its view in front, a kept result in the fit view. */
    private void select(ExplorerItem item) {
        ProjectSession s = model.session();
        if (item == null || s == null) {
            properties.getItems().clear();
            return;
        }
        ProjectProperties props = new ProjectProperties(s.document(), messages, model::error);
        properties.getItems().setAll(props.itemsFor(item));
        ProjectTabs t = projectTabs.get();
        if (t != null) {
            t.tabFor(item.kind()).ifPresent(tab -> tabs.getSelectionModel().select(tab));
            if (item.kind() == ExplorerItem.Kind.RESULT) {
                t.fitModel().results().showSaved(item.result());
            }
        }
    }

    private BooleanBinding noProject() {
        return model.sessionProperty().isNull().and(network.isNull());
    }

    private void withTabs(Consumer<ProjectTabs> action) {
        ProjectTabs t = projectTabs.get();
        if (t != null) {
            action.accept(t);
        }
    }

    private Node placeholder(String message) {
        Label l = new Label(message);
        l.setWrapText(true);
        l.getStyleClass().add("placeholder-text");
        return l;
    }

    private String displayName(Project p) {
        return p.name() == null || p.name().isBlank() ? model.session().document().file().getFileName().toString()
                : p.name();
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
