package org.brainfx.app.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;

/**
 * The network drawn as boxes and arrows (JavaFX nodes, not a bitmap, so each is a target for the
 * mouse, a tooltip and CSS): populations and inputs as boxes coloured by type, projections as arrows
 * labelled with their rule and synapse. Drag a box to move it, drag from its port (the dot on its top
 * edge) to another box to connect them, drag the background to pan, scroll to zoom. Every change is
 * an edit of the {@link NetworkDocument}; the picture is redrawn from the document after each.
 */
public final class NetworkCanvas {
    /** A box's width and height, px at zoom 1. */
    static final double NODE_WIDTH = 164;
    static final double NODE_HEIGHT = 66;
    private static final double ARROW_SPREAD = 70;
    private static final double MIN_ZOOM = 0.15;
    private static final double MAX_ZOOM = 3;
    private static final Color PROBLEM = Color.web("#e0261b");
    /** Where {@link Tooltip#install} keeps a node's tooltip. */
    private static final String TOOLTIP = "javafx.scene.control.Tooltip";

    private final NetworkDocument document;
    private final ResourceBundle messages;
    private final Pane root = new Pane();
    private final Group world = new Group();
    private final Group arrows = new Group();
    private final Group nodes = new Group();
    private final Line rubberBand = new Line();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection");
    private final ObjectProperty<NetworkCheck.Result> problems = new SimpleObjectProperty<>(this, "problems");
    private final Map<String, VBox> nodeViews = new HashMap<>();
    private final List<ArrowView> arrowViews = new ArrayList<>();

    /** A drawn projection: its group, the parts the check's verdict restyles, its own colour, and the problem shown. */
    private static final class ArrowView {
        private final Group group;
        private final Shape hit;
        private final Label label;
        private final Polygon tip;
        private final Color colour;
        private String shownProblem;

        ArrowView(Group group, Shape hit, Label label, Polygon tip, Color colour) {
            this.group = group;
            this.hit = hit;
            this.label = label;
            this.tip = tip;
            this.colour = colour;
        }

        Group group() {
            return group;
        }
    }

    /** Set while the zoom is too small to read arrow labels: they are hidden (CSS), leaving the arrows. */
    private static final javafx.css.PseudoClass FAR = javafx.css.PseudoClass.getPseudoClass("far");
    /** Below this zoom arrow labels are hidden. */
    static final double LABEL_ZOOM = 0.45;
    // A box being dragged: its name, where the press was (scene) and where the box was (world).
    private String dragging;
    private Point2D pressScene;
    private Point2D dragOrigin;
    private Point2D panStart;
    private boolean fitted;

    /** A canvas showing and editing {@code document}. */
    public NetworkCanvas(NetworkDocument document, ResourceBundle messages) {
        this.document = document;
        this.messages = messages;
        root.getStyleClass().add("network-canvas");
        root.setId("network-canvas");
        root.setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
        rubberBand.getStyleClass().add("network-rubber-band");
        rubberBand.setVisible(false);
        rubberBand.setMouseTransparent(true);
        world.getChildren().addAll(arrows, nodes, rubberBand);
        world.getTransforms().addAll(pan, zoom);
        root.getChildren().add(world);
        root.setMinSize(200, 150);
        root.setPrefSize(800, 600);
        document.specProperty().addListener((o, a, b) -> redraw());
        document.layoutProperty().addListener((o, a, b) -> redraw());
        // Findings and selection only restyle what is drawn: a box under the mouse is never replaced mid-drag.
        problems.addListener((o, a, b) -> decorate());
        selection.addListener((o, a, b) -> decorate());
        installBackgroundGestures();
        // Fit the network into view once the canvas has a size (on open).
        root.widthProperty().addListener((o, a, b) -> fitOnce());
        root.heightProperty().addListener((o, a, b) -> fitOnce());
        redraw();
    }

    /** The canvas's node for a layout. */
    public Pane root() {
        return root;
    }

    /** What is selected (null: nothing, i.e. the network as a whole). */
    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    /** The latest check's findings, drawn as red outlines with the message as tooltip (null: not checked yet). */
    public ObjectProperty<NetworkCheck.Result> problemsProperty() {
        return problems;
    }

    /** The box drawn for the population or source {@code name}, or null. */
    public VBox nodeView(String name) {
        return nodeViews.get(name);
    }

    /** The arrow drawn for the projection at {@code index}, or null. */
    public Group arrowView(int index) {
        return index >= 0 && index < arrowViews.size() && arrowViews.get(index) != null ? arrowViews.get(index).group() : null;
    }

    /** The zoom factor now. */
    public double zoomFactor() {
        return zoom.getX();
    }

    /** The world point in the middle of what the canvas shows (where palette additions go). */
    public NodePosition visibleCentre() {
        double w = root.getWidth() > 0 ? root.getWidth() : root.getPrefWidth();
        double h = root.getHeight() > 0 ? root.getHeight() : root.getPrefHeight();
        return new NodePosition((w / 2 - pan.getX()) / zoom.getX(), (h / 2 - pan.getY()) / zoom.getY());
    }

    /** Zooms by {@code factor} about the canvas's centre. */
    public void zoomBy(double factor) {
        zoomAbout(factor, root.getWidth() / 2, root.getHeight() / 2);
    }

    /** Zooms and pans so that every node shows, at most at zoom 1.2. */
    public void fit() {
        double w = root.getWidth();
        double h = root.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        NetworkLayout layout = document.layout();
        if (layout.positions().isEmpty()) {
            zoom.setX(1);
            zoom.setY(1);
            pan.setX(0);
            pan.setY(0);
            return;
        }
        // What is drawn, loops and labels included (in the world's coordinates: the zoom and pan apply above them).
        javafx.geometry.Bounds b = nodes.getBoundsInParent();
        javafx.geometry.Bounds c = arrows.getChildren().isEmpty() ? b : arrows.getBoundsInParent();
        double minX = Math.min(b.getMinX(), c.getMinX());
        double minY = Math.min(b.getMinY(), c.getMinY());
        double maxX = Math.max(b.getMaxX(), c.getMaxX());
        double maxY = Math.max(b.getMaxY(), c.getMaxY());
        double margin = 24;
        double s = Math.min(1.2, Math.min((w - 2 * margin) / (maxX - minX), (h - 2 * margin) / (maxY - minY)));
        s = Math.max(MIN_ZOOM, s);
        zoom.setX(s);
        zoom.setY(s);
        zoomed();
        pan.setX((w - s * (minX + maxX)) / 2);
        pan.setY((h - s * (minY + maxY)) / 2);
    }

    private void fitOnce() {
        if (!fitted && root.getWidth() > 0 && root.getHeight() > 0) {
            fitted = true;
            fit();
            // Again once the labels have their sizes (they are measured in the layout pass after this one).
            org.brainfx.app.ui.Pulses.afterNextPulse(this::fit);
        }
    }

    private void zoomed() {
        root.pseudoClassStateChanged(FAR, zoom.getX() < LABEL_ZOOM);
    }

    private void zoomAbout(double factor, double x, double y) {
        double s = zoom.getX();
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s * factor));
        pan.setX(x - (x - pan.getX()) * next / s);
        pan.setY(y - (y - pan.getY()) * next / s);
        zoom.setX(next);
        zoom.setY(next);
        zoomed();
    }

    private void installBackgroundGestures() {
        root.addEventHandler(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAbout(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
            }
            e.consume();
        });
        root.setOnMousePressed(e -> {
            root.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                panStart = new Point2D(e.getX() - pan.getX(), e.getY() - pan.getY());
            }
        });
        root.setOnMouseDragged(e -> {
            if (panStart != null) {
                pan.setX(e.getX() - panStart.getX());
                pan.setY(e.getY() - panStart.getY());
            }
        });
        root.setOnMouseReleased(e -> {
            if (panStart != null && e.isStillSincePress()) {
                selection.set(null);
            }
            panStart = null;
        });
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                deleteSelection();
                e.consume();
            }
        });
    }

    /** Deletes what is selected (a node with its projections), as one undoable edit. */
    public void deleteSelection() {
        Selection s = selection.get();
        if (s == null || !s.existsIn(document.spec())) {
            return;
        }
        selection.set(null);
        if (s.isNode()) {
            document.edit(format("network.edit.delete", s.name()), spec -> NetworkEdits.deleteNode(spec, s.name()),
                    l -> l.without(s.name()));
        } else {
            String name = NetworkEdits.projectionName(document.spec().projections().get(s.index()));
            document.editSpec(format("network.edit.delete", name), spec -> NetworkEdits.deleteProjection(spec, s.index()));
        }
    }

    /** Redraws every box and arrow from the document (a network has tens of nodes, not thousands). */
    private void redraw() {
        NetworkSpec spec = document.spec();
        NetworkLayout layout = document.layout();
        Selection selected = selection.get();
        if (selected != null && !selected.existsIn(spec)) {
            selection.set(null);
        }
        nodes.getChildren().clear();
        nodeViews.clear();
        for (SourceSpec s : spec.sources()) {
            addNode(s.name(), NetworkLabels.source(s), NetworkLabels.sourceKind(s), "network-node-source", layout);
        }
        for (PopulationSpec p : spec.populations()) {
            String type = PopulationSpec.TYPES.contains(p.type()) ? p.type() : "other";
            addNode(p.name(), NetworkLabels.population(p), p.type(), "network-node-" + type, layout);
        }
        drawArrows(spec, layout);
    }

    /** Draws the projections between the boxes at {@code layout} (also while a box is dragged, so they follow it). */
    private void drawArrows(NetworkSpec spec, NetworkLayout layout) {
        arrows.getChildren().clear();
        arrowViews.clear();
        for (int k = 0; k < spec.projections().size(); k++) {
            ArrowView arrow = arrow(spec, layout, k);
            arrowViews.add(arrow);
            if (arrow != null) {
                arrows.getChildren().add(arrow.group());
            }
        }
        decorate();
    }

    /** Marks the selection and the check's findings (red outline, the message as tooltip) on what is drawn. */
    private void decorate() {
        NetworkCheck.Result found = problems.get();
        Selection selected = selection.get();
        nodeViews.forEach((name, box) -> {
            String problem = found == null ? null : found.nodes().get(name);
            mark(box, "network-problem", problem != null);
            Tooltip.uninstall(box, (Tooltip) box.getProperties().get(TOOLTIP));
            if (problem != null) {
                Tooltip.install(box, tooltip(problem));
            }
            mark(box, "network-node-selected", selected != null && selected.isNode() && name.equals(selected.name()));
        });
        for (int k = 0; k < arrowViews.size(); k++) {
            ArrowView a = arrowViews.get(k);
            if (a == null) {
                continue;
            }
            String problem = found == null ? null : found.projections().get(k);
            mark(a.group, "network-problem", problem != null);
            a.tip.setFill(problem != null ? PROBLEM : a.colour);
            // Tooltips are replaced only when the finding changes: a big network has a thousand arrows.
            if (!java.util.Objects.equals(problem, a.shownProblem)) {
                Tooltip tip = tooltip(problem != null ? problem : NetworkEdits.projectionName(document.spec().projections().get(k)));
                Tooltip.install(a.hit, tip);
                Tooltip.install(a.label, tip);
                a.shownProblem = problem;
            }
            mark(a.group, "network-arrow-selected", selected != null && !selected.isNode() && selected.index() == k);
        }
    }

    private static void mark(Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }

    private void addNode(String name, String detail, String kind, String styleClass, NetworkLayout layout) {
        NodePosition p = layout.of(name);
        if (p == null) {
            return;
        }
        Label title = new Label(name);
        title.getStyleClass().add("network-node-name");
        Label line = new Label(detail);
        line.getStyleClass().add("network-node-detail");
        Label type = new Label(kind);
        type.getStyleClass().add("network-node-detail");
        VBox box = new VBox(title, line, type);
        box.getStyleClass().addAll("network-node", styleClass);
        box.setId("network-node-" + name);
        box.setPrefSize(NODE_WIDTH, NODE_HEIGHT);
        box.setMinSize(NODE_WIDTH, NODE_HEIGHT);
        box.setMaxSize(NODE_WIDTH, NODE_HEIGHT);
        box.setLayoutX(p.x() - NODE_WIDTH / 2);
        box.setLayoutY(p.y() - NODE_HEIGHT / 2);
        // The port sits inside the box's top-right corner, where no arrow ends (arrows end on the box's edges).
        Circle port = new Circle(NODE_WIDTH - 13, 13, 6.5);
        port.getStyleClass().add("network-port");
        port.setId("network-port-" + name);
        Tooltip.install(port, new Tooltip(text("network.port.tip")));
        port.setManaged(false);
        Group whole = new Group(box, port);
        port.setLayoutX(box.getLayoutX());
        port.setLayoutY(box.getLayoutY());
        nodeViews.put(name, box);
        nodes.getChildren().add(whole);
        box.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            root.requestFocus();
            selection.set(Selection.node(document.spec(), name));
            dragging = name;
            pressScene = new Point2D(e.getSceneX(), e.getSceneY());
            dragOrigin = new Point2D(p.x(), p.y());
            e.consume();
        });
        box.setOnMouseDragged(e -> {
            if (!name.equals(dragging)) {
                return;
            }
            NodePosition now = draggedTo(e);
            whole.setTranslateX(now.x() - p.x());
            whole.setTranslateY(now.y() - p.y());
            drawArrows(document.spec(), document.layout().with(name, now));
            e.consume();
        });
        box.setOnMouseReleased(e -> {
            if (name.equals(dragging) && !e.isStillSincePress()) {
                NodePosition now = draggedTo(e);
                document.editLayout(format("network.edit.move", name), l -> l.with(name, now));
            }
            dragging = null;
            e.consume();
        });
        port.setOnMousePressed(e -> {
            rubberBand.setStartX(p.x() + NODE_WIDTH / 2 - 13);
            rubberBand.setStartY(p.y() - NODE_HEIGHT / 2 + 13);
            Point2D w = world.sceneToLocal(e.getSceneX(), e.getSceneY());
            rubberBand.setEndX(w.getX());
            rubberBand.setEndY(w.getY());
            rubberBand.setVisible(true);
            e.consume();
        });
        port.setOnMouseDragged(e -> {
            Point2D w = world.sceneToLocal(e.getSceneX(), e.getSceneY());
            rubberBand.setEndX(w.getX());
            rubberBand.setEndY(w.getY());
            e.consume();
        });
        port.setOnMouseReleased(e -> {
            rubberBand.setVisible(false);
            Point2D w = world.sceneToLocal(e.getSceneX(), e.getSceneY());
            String target = nodeAt(w.getX(), w.getY());
            if (target != null && document.spec().population(target) != null) {
                connect(name, target);
            }
            e.consume();
        });
    }

    /** Connects {@code pre} to {@code post} with the default projection, as one edit, and selects it. */
    public void connect(String pre, String post) {
        document.editSpec(format("network.edit.connect", pre, post), s -> NetworkEdits.connect(s, pre, post));
        selection.set(Selection.projection(document.spec().projections().size() - 1));
    }

    private NodePosition draggedTo(MouseEvent e) {
        double s = zoom.getX();
        return new NodePosition(dragOrigin.getX() + (e.getSceneX() - pressScene.getX()) / s,
                dragOrigin.getY() + (e.getSceneY() - pressScene.getY()) / s);
    }

    /** The population or source whose box contains the world point, or null. */
    private String nodeAt(double x, double y) {
        for (Map.Entry<String, NodePosition> e : document.layout().positions().entrySet()) {
            NodePosition p = e.getValue();
            if (Math.abs(x - p.x()) <= NODE_WIDTH / 2 && Math.abs(y - p.y()) <= NODE_HEIGHT / 2) {
                return e.getKey();
            }
        }
        return null;
    }

    private ArrowView arrow(NetworkSpec spec, NetworkLayout layout, int k) {
        ProjectionSpec proj = spec.projections().get(k);
        NodePosition a = layout.of(proj.pre());
        NodePosition b = layout.of(proj.post());
        if (a == null || b == null) {
            return null;
        }
        Color colour = colourOf(spec, proj.pre());
        String caption = NetworkLabels.rule(proj.connectivity()) + "\n" + NetworkLabels.synapse(proj);
        // The label's size before layout, from its text: enough to keep fanned-out arrows' labels apart.
        double labelWidth = 6.6 * caption.lines().mapToInt(String::length).max().orElse(10) + 12;
        double labelHeight = 34;
        Shape line;
        Shape hit;
        double[] head;
        double labelX;
        double labelY;
        double alignX = -0.5;
        double alignY = -0.5;
        if (proj.pre().equals(proj.post())) {
            // A self-projection loops out of the box's side that faces away from its other connections.
            int nth = nthBetween(spec, k);
            double[] u = loopSide(spec, layout, proj.pre());
            double ux = u[0];
            double uy = u[1];
            double vx = -uy;
            double vy = ux;
            double out = 95 + 45 * nth;
            double outer = 95 + 45 * (selfCount(spec, proj.pre()) - 1);
            double bx = a.x() + ux * NODE_WIDTH / 2;
            double by = a.y() + uy * NODE_HEIGHT / 2;
            double sx = bx + vx * 18;
            double sy = by + vy * 18;
            double ex = bx - vx * 18;
            double ey = by - vy * 18;
            double c1x = sx + ux * out + vx * out * 0.8;
            double c1y = sy + uy * out + vy * out * 0.8;
            double c2x = ex + ux * out - vx * out * 0.8;
            double c2y = ey + uy * out - vy * out * 0.8;
            line = new CubicCurve(sx, sy, c1x, c1y, c2x, c2y, ex, ey);
            hit = new CubicCurve(sx, sy, c1x, c1y, c2x, c2y, ex, ey);
            head = head(ex, ey, c2x, c2y);
            // Labels of several loops stack beside the outermost loop, across the side.
            int selfs = selfCount(spec, proj.pre());
            double step = Math.abs(vx) * (labelWidth + 6) + Math.abs(vy) * (labelHeight + 4);
            double along = outer * 0.75 + 8;
            labelX = bx + ux * along + vx * (nth - (selfs - 1) / 2.0) * step;
            labelY = by + uy * along + vy * (nth - (selfs - 1) / 2.0) * step;
            alignX = ux > 0 ? 0 : ux < 0 ? -1 : -0.5;
            alignY = uy > 0 ? 0 : uy < 0 ? -1 : -0.5;
        } else {
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double len = Math.max(1e-9, Math.hypot(dx, dy));
            // Projections between the same two nodes fan out to both sides of the straight line.
            List<Integer> between = between(spec, proj.pre(), proj.post());
            boolean canonical = proj.pre().compareTo(proj.post()) < 0;
            double sign = canonical ? 1 : -1;
            double px = -dy / len * sign;
            double py = dx / len * sign;
            // Fanned out at least so far that neighbouring labels (centred on their curves) do not overlap.
            double across = Math.abs(px) * labelWidth + Math.abs(py) * labelHeight + 8;
            double offset = (between.indexOf(k) - (between.size() - 1) / 2.0) * Math.max(ARROW_SPREAD, across);
            double mx = (a.x() + b.x()) / 2 + px * offset;
            double my = (a.y() + b.y()) / 2 + py * offset;
            double cx = (a.x() + b.x()) / 2 + px * offset * 2;
            double cy = (a.y() + b.y()) / 2 + py * offset * 2;
            double[] start = boxExit(a, cx, cy, 4);
            double[] end = boxExit(b, cx, cy, 6);
            line = new QuadCurve(start[0], start[1], cx, cy, end[0], end[1]);
            hit = new QuadCurve(start[0], start[1], cx, cy, end[0], end[1]);
            head = head(end[0], end[1], cx, cy);
            labelX = mx;
            labelY = my;
        }
        line.getStyleClass().add("network-arrow-line");
        line.setStroke(colour);
        hit.getStyleClass().add("network-arrow-hit");
        Polygon tip = new Polygon(head);
        tip.getStyleClass().add("network-arrow-head");
        tip.setFill(colour);
        Label label = new Label(caption);
        label.getStyleClass().add("network-arrow-label");
        label.setId("network-arrow-label-" + k);
        // Centred on its point once its size is known (labels are short; the size is the text's).
        double ax = alignX;
        double ay = alignY;
        label.layoutBoundsProperty().addListener((o, was, bounds) -> {
            label.setLayoutX(labelX + ax * bounds.getWidth());
            label.setLayoutY(labelY + ay * bounds.getHeight());
        });
        label.setLayoutX(labelX + ax * labelWidth);
        label.setLayoutY(labelY + ay * labelHeight);
        Group g = new Group(line, tip, hit, label);
        g.getStyleClass().add("network-arrow");
        g.setId("network-arrow-" + k);
        g.setOnMousePressed(e -> {
            root.requestFocus();
            selection.set(Selection.projection(k));
            e.consume();
        });
        g.setOnMouseReleased(e -> e.consume());
        Tooltip named = tooltip(NetworkEdits.projectionName(proj));
        Tooltip.install(hit, named);
        Tooltip.install(label, named);
        return new ArrowView(g, hit, label, tip, colour);
    }

    private static List<Integer> between(NetworkSpec spec, String x, String y) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < spec.projections().size(); i++) {
            ProjectionSpec p = spec.projections().get(i);
            if (p.pre().equals(x) && p.post().equals(y) || p.pre().equals(y) && p.post().equals(x)) {
                out.add(i);
            }
        }
        return out;
    }

    /** How many self-projections of the same node come before projection {@code k}. */
    private static int nthBetween(NetworkSpec spec, int k) {
        ProjectionSpec p = spec.projections().get(k);
        int n = 0;
        for (int i = 0; i < k; i++) {
            ProjectionSpec q = spec.projections().get(i);
            if (q.pre().equals(p.pre()) && q.post().equals(p.pre())) {
                n++;
            }
        }
        return n;
    }

    /** How many projections of {@code node} onto itself there are. */
    private static int selfCount(NetworkSpec spec, String node) {
        return (int) spec.projections().stream().filter(p -> p.pre().equals(node) && p.post().equals(node)).count();
    }

    /**
     * The unit vector of the box side a self-loop leaves from: of right, left, top and bottom the one
     * pointing most away from the node's other connections (right when it has none).
     */
    private static double[] loopSide(NetworkSpec spec, NetworkLayout layout, String node) {
        NodePosition a = layout.of(node);
        double mx = 0;
        double my = 0;
        for (ProjectionSpec p : spec.projections()) {
            String other = p.pre().equals(node) ? p.post() : p.post().equals(node) ? p.pre() : null;
            NodePosition o = other == null || other.equals(node) ? null : layout.of(other);
            if (o != null) {
                double d = Math.max(1e-9, Math.hypot(o.x() - a.x(), o.y() - a.y()));
                mx += (o.x() - a.x()) / d;
                my += (o.y() - a.y()) / d;
            }
        }
        double[][] sides = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}};
        double[] best = sides[0];
        double bestDot = Double.MAX_VALUE;
        for (double[] side : sides) {
            // Sideways (left, right) reads better for wide labels: top and bottom must win clearly.
            double dot = side[0] * mx + side[1] * my + (side[1] != 0 ? 0.3 : 0);
            if (dot < bestDot - 1e-9) {
                bestDot = dot;
                best = side;
            }
        }
        return best;
    }

    /** Where the line from the box's centre towards (tx, ty) leaves the box, {@code gap} px further. */
    static double[] boxExit(NodePosition c, double tx, double ty, double gap) {
        double dx = tx - c.x();
        double dy = ty - c.y();
        if (dx == 0 && dy == 0) {
            return new double[] {c.x(), c.y()};
        }
        double hw = NODE_WIDTH / 2 + gap;
        double hh = NODE_HEIGHT / 2 + gap;
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : hw / Math.abs(dx), dy == 0 ? Double.MAX_VALUE : hh / Math.abs(dy));
        return new double[] {c.x() + dx * t, c.y() + dy * t};
    }

    /** An arrowhead's three corners, its tip at (x, y), pointing away from (fromX, fromY). */
    private static double[] head(double x, double y, double fromX, double fromY) {
        double dx = x - fromX;
        double dy = y - fromY;
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        double size = 12;
        double half = 5.5;
        return new double[] {x, y, x - ux * size - uy * half, y - uy * size + ux * half,
                x - ux * size + uy * half, y - uy * size - ux * half};
    }

    private static Color colourOf(NetworkSpec spec, String node) {
        PopulationSpec p = spec.population(node);
        if (p == null) {
            return Color.web("#7a8a6a");
        }
        return switch (p.type()) {
            case "excitatory" -> Color.web("#1f5fbf");
            case "inhibitory" -> Color.web("#c83228");
            default -> Color.web("#2a8c4a");
        };
    }

    private static Tooltip tooltip(String message) {
        Tooltip t = new Tooltip(message);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(200));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    private String text(String key) {
        return messages.getString(key);
    }

    private String format(String key, Object... args) {
        return java.text.MessageFormat.format(messages.getString(key), args);
    }
}
