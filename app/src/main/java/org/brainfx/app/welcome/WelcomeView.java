package org.brainfx.app.welcome;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;

/**
 * The welcome page: an introduction, an Open button, the sample projects as cards and the
 * recent projects; all state lives in its {@link WelcomeViewModel}.
 */
public final class WelcomeView {

    private static final double CARD_WIDTH = 226;
    private static final double PREVIEW_WIDTH = 192;
    private static final double PREVIEW_HEIGHT = 56;

    private final WelcomeViewModel model;
    private final ResourceBundle messages;
    private final TilePane cards = new TilePane();
    private final VBox recent = new VBox();
    private final ScrollPane root;

    /**
     * A view of {@code model}.
     *
     * @param chooseProject what the Open… button does (the workbench asks for a project file)
     * @param newProject    what the New… button does (the workbench asks what the project holds)
     * @param playground    what the Playground button does (the workbench shows one on the built-in models)
     */
    public WelcomeView(WelcomeViewModel model, ResourceBundle messages, Runnable chooseProject, Runnable newProject,
                       Runnable playground) {
        this.model = model;
        this.messages = messages;
        VBox page = new VBox(heading(), intro(), actions(chooseProject, newProject, playground),
                sectionTitle("welcome.recent"), recentList(),
                sectionTitle("welcome.samples"), samples());
        page.getStyleClass().add("welcome-page");
        root = new ScrollPane(page);
        root.setId("welcome-page");
        root.setFitToWidth(true);
        root.getStyleClass().add("welcome-scroll");
    }

    /** The page's root node. */
    public Parent root() {
        return root;
    }

    private VBox heading() {
        Label heading = new Label(text("welcome.heading"));
        heading.setId("welcome-heading");
        heading.getStyleClass().add("welcome-heading");
        Region rule = new Region();
        rule.getStyleClass().add("accent-rule");
        VBox box = new VBox(6, heading, rule);
        box.setFillWidth(true);
        return box;
    }

    private Label intro() {
        Label body = new Label(text("welcome.body"));
        body.setId("welcome-label");
        body.getStyleClass().add("welcome-body");
        body.setWrapText(true);
        body.setMaxWidth(760);
        return body;
    }

    private HBox actions(Runnable chooseProject, Runnable newProject, Runnable playground) {
        Button open = new Button(text("welcome.open"));
        open.setId("welcome-open");
        open.getStyleClass().add("primary-button");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> chooseProject.run());
        Button create = new Button(text("welcome.new"));
        create.setId("welcome-new");
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setOnAction(e -> newProject.run());
        Button play = new Button(text("welcome.playground"));
        play.setId("welcome-playground");
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.setTooltip(new Tooltip(text("welcome.playground.tip")));
        play.setOnAction(e -> playground.run());
        Label or = new Label(text("welcome.command.intro"));
        or.getStyleClass().add("welcome-note");
        or.setMinWidth(Region.USE_PREF_SIZE);
        Label command = new Label(text("welcome.command"));
        command.getStyleClass().add("command-text");
        command.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(12, open, create, play, or, command);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Label sectionTitle(String key) {
        Label title = new Label(text(key).toUpperCase(Locale.ROOT));
        title.getStyleClass().addAll("pane-title", "welcome-section");
        return title;
    }

    private Node samples() {
        cards.setId("welcome-samples");
        cards.getStyleClass().add("sample-cards");
        cards.setPrefTileWidth(CARD_WIDTH);
        cards.setTileAlignment(Pos.TOP_LEFT);
        cards.setPrefColumns(3);
        Label placeholder = new Label();
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.textProperty().bind(Bindings.when(model.samplesLoadedProperty())
                .then(MessageFormat.format(text("welcome.samples.none"), model.samplesFolder().toAbsolutePath().normalize()))
                .otherwise(text("welcome.samples.loading")));
        placeholder.visibleProperty().bind(Bindings.isEmpty(model.samples()));
        placeholder.managedProperty().bind(placeholder.visibleProperty());
        model.samples().addListener((ListChangeListener<SampleCard>) c -> showCards());
        showCards();
        return new VBox(placeholder, cards);
    }

    private void showCards() {
        cards.getChildren().setAll(model.samples().stream().map(this::card).toList());
    }

    private VBox card(SampleCard sample) {
        Label name = new Label(sample.name());
        name.getStyleClass().add("sample-name");
        Label summary = new Label(sample.summary());
        summary.getStyleClass().add("sample-summary");
        summary.setWrapText(true);
        // Long first sentences end in an ellipsis (the style caps the height); the tooltip has them whole.
        summary.setTooltip(new Tooltip(sample.summary()));
        summary.getTooltip().setWrapText(true);
        summary.getTooltip().setMaxWidth(420);
        Label details = new Label(model.details(sample));
        details.getStyleClass().add("sample-details");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button open = new Button(text("welcome.sample.open"));
        open.setId("sample-open-" + sample.name());
        open.setOnAction(e -> model.open(sample.file()));
        VBox card = new VBox(name, preview(sample), summary, details, spacer, open);
        card.setId("sample-" + sample.name());
        card.getStyleClass().add("sample-card");
        card.setPrefWidth(CARD_WIDTH);
        return card;
    }

    /** The card's picture: the sample's voltage trace, drawn when the background work has made it. */
    private Node preview(SampleCard sample) {
        Pane box = new Pane();
        box.getStyleClass().add("sample-preview");
        box.setPrefSize(PREVIEW_WIDTH, PREVIEW_HEIGHT);
        box.setMinHeight(PREVIEW_HEIGHT);
        if (sample.kind() != SampleCard.Kind.NEURON) {
            // No recording to draw: the box says what kind of project it is, so the cards still line up.
            Label kind = new Label(text(sample.kind() == SampleCard.Kind.NETWORK ? "welcome.sample.network"
                    : "welcome.sample.training"));
            kind.getStyleClass().add("placeholder-text");
            kind.relocate(12, PREVIEW_HEIGHT / 2 - 10);
            box.getChildren().add(kind);
            return box;
        }
        Runnable draw = () -> {
            SamplePreview p = model.previews().get(sample.file());
            if (p != null) {
                box.getChildren().setAll(trace(p));
            }
        };
        model.previews().addListener((MapChangeListener<Path, SamplePreview>) c -> {
            if (c.getKey().equals(sample.file())) {
                draw.run();
            }
        });
        draw.run();
        return box;
    }

    private static Polyline trace(SamplePreview p) {
        double x0 = p.x()[0];
        double x1 = p.x()[p.x().length - 1];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : p.y()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi > lo ? hi - lo : 1;
        double[] points = new double[2 * p.x().length];
        for (int i = 0; i < p.x().length; i++) {
            points[2 * i] = (p.x()[i] - x0) / (x1 > x0 ? x1 - x0 : 1) * (PREVIEW_WIDTH - 4) + 2;
            points[2 * i + 1] = PREVIEW_HEIGHT - 3 - (p.y()[i] - lo) / span * (PREVIEW_HEIGHT - 6);
        }
        Polyline line = new Polyline(points);
        line.getStyleClass().add("sample-preview-trace");
        return line;
    }

    private VBox recentList() {
        recent.setId("welcome-recent");
        recent.getStyleClass().add("recent-list");
        model.recentProjects().addListener((ListChangeListener<Path>) c -> showRecent());
        showRecent();
        return recent;
    }

    private void showRecent() {
        if (model.recentProjects().isEmpty()) {
            Label none = new Label(text("welcome.recent.none"));
            none.getStyleClass().add("placeholder-text");
            recent.getChildren().setAll(none);
            return;
        }
        recent.getChildren().setAll(model.recentProjects().stream().map(this::recentItem).toList());
    }

    private HBox recentItem(Path file) {
        Hyperlink link = new Hyperlink(file.getFileName().toString());
        link.getStyleClass().add("recent-link");
        link.setMinWidth(Region.USE_PREF_SIZE);
        link.setOnAction(e -> model.open(file));
        Label folder = new Label(String.valueOf(file.getParent()));
        folder.getStyleClass().add("recent-folder");
        HBox item = new HBox(8, link, folder);
        item.setAlignment(Pos.BASELINE_LEFT);
        return item;
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
