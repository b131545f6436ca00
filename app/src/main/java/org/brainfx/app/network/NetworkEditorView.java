package org.brainfx.app.network;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.playground.LatestWinsWorker;
import org.controlsfx.control.PropertySheet;

/**
 * The network editor: a palette and tools above the canvas, the selection's properties beside it,
 * and the live check's verdict. After every edit the network is checked again in the background
 * (newest spec wins; the FX thread only draws the findings).
 */
public final class NetworkEditorView {
    /** Width of the property sheet when the editor opens, px. */
    static final double PROPERTIES_WIDTH = 330;

    private final NetworkDocument document;
    private final ResourceBundle messages;
    private final NetworkCanvas canvas;
    private final PropertySheet sheet = new PropertySheet();
    private final NetworkPropertyEditors editors = new NetworkPropertyEditors();
    private final NetworkProperties properties;
    private final Label verdict = new Label();
    private final BorderPane root = new BorderPane();
    private final LatestWinsWorker<NetworkCheck.Result> checker;
    private final ReadOnlyObjectWrapper<NetworkCheck.Result> checked = new ReadOnlyObjectWrapper<>(this, "checked");
    private List<String> rowsShown = List.of();
    private long checksStarted;
    private long checksDone;

    /** An editor of {@code document}; checks run on {@code background} and report through {@code ui}. */
    public NetworkEditorView(NetworkDocument document, ResourceBundle messages, Executor background, UiExecutor ui) {
        this.document = document;
        this.messages = messages;
        this.canvas = new NetworkCanvas(document, messages);
        this.checker = new LatestWinsWorker<>(background, ui);
        this.properties = new NetworkProperties(document, messages, checked::get, s -> canvas.selectionProperty().set(s));
        root.setId("network-editor");
        root.getProperties().put(NetworkEditorView.class, this);

        sheet.setId("network-property-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPropertyEditorFactory(editors);
        Label heading = new Label(text("network.props.title").toUpperCase(java.util.Locale.ROOT));
        heading.getStyleClass().add("pane-title");
        VBox side = new VBox(6, heading, sheet);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        side.getStyleClass().add("property-pane");
        side.setMinWidth(220);

        SplitPane split = new SplitPane(canvas.root(), side);
        split.setOrientation(Orientation.HORIZONTAL);
        SplitPane.setResizableWithParent(side, false);
        split.widthProperty().addListener((o, was, now) -> {
            if (was.doubleValue() == 0 && now.doubleValue() > 0) {
                split.setDividerPositions(Math.max(0.45, 1 - PROPERTIES_WIDTH / now.doubleValue()));
            }
        });
        root.setTop(toolBar());
        root.setCenter(split);

        canvas.selectionProperty().addListener((o, was, now) -> showProperties(true));
        canvas.problemsProperty().bind(checked);
        document.specProperty().addListener((o, was, now) -> {
            showProperties(false);
            check();
        });
        // A finished check can add rows (a new model's parameters); it changes no value shown.
        checked.addListener((o, was, now) -> showProperties(false, false));
        showProperties(true);
        check();
    }

    /** The editor's node. */
    public Parent root() {
        return root;
    }

    /** The canvas (tests and the snapshot command reach the boxes through it). */
    public NetworkCanvas canvas() {
        return canvas;
    }

    /** The latest finished check of the network (null until the first ends). */
    public ReadOnlyObjectProperty<NetworkCheck.Result> checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    /** True when the check of the network as it is now has finished. */
    public boolean checkCurrent() {
        return checksDone == checksStarted && checked.get() != null;
    }

    /** Adds an excitatory population in the middle of the view, as one edit, and selects it. */
    public void addPopulation() {
        String name = NetworkEdits.freeName(document.spec(), "P");
        NodePosition at = AutoLayout.free(canvas.visibleCentre(), document.layout().positions());
        document.edit(MessageFormat.format(text("network.edit.addPopulation"), name), s -> NetworkEdits.addPopulation(s, name),
                l -> l.with(name, at));
        canvas.selectionProperty().set(Selection.node(document.spec(), name));
    }

    /** Adds a Poisson input in the middle of the view, as one edit, and selects it. */
    public void addInput() {
        String name = NetworkEdits.freeName(document.spec(), "input");
        NodePosition at = AutoLayout.free(canvas.visibleCentre(), document.layout().positions());
        document.edit(MessageFormat.format(text("network.edit.addInput"), name), s -> NetworkEdits.addPoissonInput(s, name),
                l -> l.with(name, at));
        canvas.selectionProperty().set(Selection.node(document.spec(), name));
    }

    /** Places every node afresh, as one edit, and fits the view. */
    public void autoLayout() {
        document.editLayout(text("network.edit.layout"), l -> AutoLayout.of(document.spec()));
        canvas.fit();
    }

    private ToolBar toolBar() {
        Button population = button("network-add-population", "network.palette.population", this::addPopulation);
        Button input = button("network-add-input", "network.palette.input", this::addInput);
        Button delete = button("network-delete", "network.tool.delete", canvas::deleteSelection);
        delete.disableProperty().bind(canvas.selectionProperty().isNull());
        Button layout = button("network-layout", "network.tool.layout", this::autoLayout);
        Button fit = button("network-fit", "network.tool.fit", canvas::fit);
        Button in = button("network-zoom-in", "network.tool.zoomIn", () -> canvas.zoomBy(1.25));
        in.setText("+");
        Button out = button("network-zoom-out", "network.tool.zoomOut", () -> canvas.zoomBy(0.8));
        out.setText("\u2212");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        verdict.setId("network-check");
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(verdict, new Tooltip(text("network.hint")));
        return new ToolBar(population, input, new Separator(), delete, new Separator(), layout, fit, in, out, spacer, verdict);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(text(key));
        b.setId(id);
        if (messages.containsKey(key + ".tip")) {
            b.setTooltip(new Tooltip(text(key + ".tip")));
        } else {
            b.setTooltip(new Tooltip(text(key)));
        }
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** Shows the selection's rows: rebuilt when the rows differ (or the selection changed), else only refreshed. */
    private void showProperties(boolean selectionChanged) {
        showProperties(selectionChanged, true);
    }

    private void showProperties(boolean selectionChanged, boolean valuesChanged) {
        List<NetworkPropertyItem> items = properties.itemsFor(canvas.selectionProperty().get());
        List<String> ids = items.stream().map(i -> i.getCategory() + "/" + i.id()).toList();
        if (selectionChanged || !ids.equals(rowsShown)) {
            editors.clear();
            rowsShown = ids;
            sheet.getItems().setAll(FXCollections.observableArrayList(items));
        } else if (valuesChanged) {
            editors.refreshAll();
        }
    }

    private void check() {
        checksStarted++;
        long started = checksStarted;
        verdict.getStyleClass().removeAll("network-check-ok", "network-check-problems");
        verdict.setText(text("network.check.running"));
        var spec = document.spec();
        var base = document.baseDir();
        checker.submit(() -> NetworkCheck.run(spec, base), result -> {
            checksDone = started;
            if (started != checksStarted) {
                // A newer check is queued; show this one's findings meanwhile, the verdict waits for the newest.
                checked.set(result);
                return;
            }
            checked.set(result);
            showVerdict(result);
        }, e -> {
            checksDone = started;
            verdict.setText(MessageFormat.format(text("network.check.failed"), e.getMessage()));
            verdict.getStyleClass().add("network-check-problems");
        });
    }

    private void showVerdict(NetworkCheck.Result r) {
        verdict.getStyleClass().removeAll("network-check-ok", "network-check-problems");
        if (r.ok()) {
            verdict.setText("\u2713 " + text("network.check.ok"));
            verdict.getStyleClass().add("network-check-ok");
        } else {
            verdict.setText(!r.network().isEmpty() && r.count() == 1
                    ? MessageFormat.format(text("network.check.network"), r.network())
                    : MessageFormat.format(text("network.check.problems"), r.count()));
            verdict.getStyleClass().add("network-check-problems");
            verdict.setTooltip(new Tooltip(r.network().isEmpty() ? text("network.hint") : r.network()));
        }
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
