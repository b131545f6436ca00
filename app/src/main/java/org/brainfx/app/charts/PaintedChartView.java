package org.brainfx.app.charts;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/**
 * A chart drawn off the JavaFX threads: its changes and redraws run on the {@link ChartPainter}
 * thread into a picture that this region only shows. Drawing live charts through a JavaFX canvas
 * put their whole drawing on the application thread and their software rasterizing on the render
 * thread, 15–60 ms a frame beside a fit on two cores, and the window's pulses waited for it.
 *
 * <p>Once given here, the chart belongs to the painter thread: change it only through
 * {@link #update} and read it through {@link #read}. The view zooms like JFreeChart's viewer
 * (drag a rectangle, mouse wheel; double-click shows all data) and exports PNG and SVG from its
 * context menu.
 */
public final class PaintedChartView extends Region {
    /** Smallest drag, in pixels each way, taken as a zoom rectangle rather than a click. */
    private static final double MIN_DRAG = 6;
    private static final double WHEEL_STEP = 0.8;

    private final JFreeChart chart;
    private final SmallChartLayout layout;
    private final long intervalNanos;
    private final ResourceBundle messages;
    private final ImageView picture = new ImageView();
    private final Rectangle zoomBox = new Rectangle();
    private final Rectangle clip = new Rectangle();
    private final Label failure = new Label();
    private final ContextMenu menu = new ContextMenu();
    private final AtomicReference<Frame> newest = new AtomicReference<>();
    private final AtomicBoolean showQueued = new AtomicBoolean();
    // A frame's pixels the window has copied out, for the painter to reuse.
    private final AtomicReference<int[]> spare = new AtomicReference<>();
    private volatile Size size = new Size(0, 0, 1);
    private WritableImage image;
    /** The shown image's pixels, in the format Prism keeps (no conversion on either JavaFX thread). */
    private PixelBuffer<IntBuffer> shown;
    private Point2D dragStart; // where a zoom drag began, null when none
    private long framesShown;
    /** Waits for the view to be visible again while a picture is held back; null when none is. */
    private InvalidationListener visibilityWatch;
    // Painter-thread state.
    private BufferedImage canvas;
    private ChartRenderingInfo drawn = new ChartRenderingInfo();
    private boolean drawQueued;
    // A failure is shown until a later change has been applied and drawn.
    private boolean failed;
    private boolean changedSinceFailure;
    private long lastDrawn = Long.MIN_VALUE / 2;

    /** The chart's size in layout pixels and the window's render scale (2 on a doubled screen). */
    private record Size(double width, double height, double scale) { }

    /** A finished picture, in device pixels. */
    private record Frame(int width, int height, double scale, int[] pixels) { }

    /**
     * A view of {@code chart}, redrawn at most once every {@code intervalMillis}; the chart must
     * not be touched on any other thread from now on.
     *
     * @param fileStem the suggested export file name without extension, asked for at each export
     */
    public PaintedChartView(JFreeChart chart, double intervalMillis, ResourceBundle messages,
                            Supplier<String> fileStem) {
        this.chart = chart;
        this.intervalNanos = (long) (intervalMillis * 1e6);
        this.messages = messages;
        if (DarkChartTheme.active()) {
            DarkChartTheme.follow(chart);
        }
        layout = new SmallChartLayout(chart);
        getStyleClass().add("painted-chart");
        if (chart.getBackgroundPaint() instanceof java.awt.Color c && c.getAlpha() == 255) {
            // Opaque like the picture: the render thread then starts painting at this view and
            // skips every background behind it, instead of filling them all before the picture.
            setBackground(new Background(new BackgroundFill(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()),
                    null, null)));
        }
        zoomBox.getStyleClass().add("chart-zoom-box");
        zoomBox.setVisible(false);
        zoomBox.setManaged(false);
        zoomBox.setMouseTransparent(true);
        failure.getStyleClass().add("chart-failure");
        failure.setWrapText(true);
        failure.setVisible(false);
        picture.setManaged(false);
        // Shown at its own size: smoothing would only cost the render thread a filtered copy.
        picture.setSmooth(false);
        getChildren().addAll(picture, zoomBox, failure);
        setClip(clip);
        setMinSize(0, 0);
        setPrefSize(480, 320);
        menu.getItems().addAll(ChartViewers.exportItemsFor(this, messages, fileStem, this::export));
        MenuItem reset = new MenuItem(messages.getString("chart.zoom.reset"));
        reset.setId("chart-zoom-reset");
        reset.setOnAction(e -> resetZoom());
        menu.getItems().addAll(new SeparatorMenuItem(), reset);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnScroll(this::scrolled);
        ChartPainter.execute(this::requestDraw);
    }

    /**
     * Applies {@code change} to the chart on the painter thread, after every change queued
     * before it, and redraws the chart at its next turn. Call on the JavaFX thread; whatever the
     * change reads must not be changed afterwards.
     */
    public void update(Consumer<JFreeChart> change) {
        ChartPainter.execute(() -> {
            try {
                change.accept(chart);
                changedSinceFailure = true;
            } catch (RuntimeException e) {
                fail(e);
            }
            requestDraw();
        });
    }

    /** Answers {@code query} about the chart on the painter thread, after every change queued before it. */
    public <T> CompletableFuture<T> read(Function<JFreeChart, T> query) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        ChartPainter.execute(() -> {
            try {
                answer.complete(query.apply(chart));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /**
     * Which panel of a combined plot the last picture drew at ({@code x}, {@code y}) in the view's
     * layout pixels, from 0; -1 outside every panel. Answered on the painter thread.
     */
    public CompletableFuture<Integer> subplotAt(double x, double y) {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        ChartPainter.execute(() -> answer.complete(drawn == null || drawn.getPlotInfo() == null ? -1
                : drawn.getPlotInfo().getSubplotIndex(new java.awt.geom.Point2D.Double(x, y))));
        return answer;
    }

    /** Pictures shown since the view was made (for tests and measurements). Call on the JavaFX thread. */
    public long framesShown() {
        return framesShown;
    }

    /** Gives every axis its automatic range again. */
    public void resetZoom() {
        ChartPainter.execute(() -> {
            ChartZoom.reset(chart, drawn);
            requestDraw();
        });
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        clip.setWidth(width);
        clip.setHeight(height);
        failure.resizeRelocate(8, 8, Math.max(0, width - 16), Math.max(0, height - 16));
        Window window = getScene() == null ? null : getScene().getWindow();
        Size now = new Size(width, height, window == null ? 1 : window.getRenderScaleX());
        if (!now.equals(size)) {
            size = now;
            ChartPainter.execute(this::requestDraw);
        }
    }

    // ---- painter thread ----

    private void requestDraw() {
        if (drawQueued) {
            return;
        }
        drawQueued = true;
        ChartPainter.schedule(this::draw, Math.max(0, lastDrawn + intervalNanos - System.nanoTime()));
    }

    private void draw() {
        drawQueued = false;
        Size s = size;
        int width = (int) Math.ceil(s.width() * s.scale());
        int height = (int) Math.ceil(s.height() * s.scale());
        if (width < 1 || height < 1) {
            return; // drawn once laid out
        }
        lastDrawn = System.nanoTime();
        if (canvas == null || canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        }
        Graphics2D g = canvas.createGraphics();
        try {
            g.setComposite(AlphaComposite.Clear);
            g.fillRect(0, 0, width, height);
            g.setComposite(AlphaComposite.SrcOver);
            g.scale(s.scale(), s.scale());
            // Combined plots need the entity collection; the busy charts' renderers create no entities.
            ChartRenderingInfo info = new ChartRenderingInfo();
            layout.fit(s.width());
            chart.draw(g, new Rectangle2D.Double(0, 0, s.width(), s.height()), info);
            drawn = info;
            if (failed && changedSinceFailure) {
                failed = false;
                Platform.runLater(() -> failure.setVisible(false));
            }
        } catch (RuntimeException e) {
            fail(e);
            return;
        } finally {
            g.dispose();
        }
        int[] drawnPixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        // Pixel arrays are recycled: at 25 pictures a second, half-megabyte copies made the garbage
        // collector stop every thread, the window's included, for 20-50 ms at a time.
        int[] pixels = spare.getAndSet(null);
        if (pixels == null || pixels.length != drawnPixels.length) {
            pixels = new int[drawnPixels.length];
        }
        System.arraycopy(drawnPixels, 0, pixels, 0, drawnPixels.length);
        Frame replaced = newest.getAndSet(new Frame(width, height, s.scale(), pixels));
        if (replaced != null) {
            spare.set(replaced.pixels()); // never shown, so free to draw into again
        }
        if (showQueued.compareAndSet(false, true)) {
            Platform.runLater(this::showNewest);
        }
    }

    /**
     * Saves the chart to {@code file} on the painter thread, at the view's size or, for a view
     * narrower than {@link SmallChartLayout#COMPACT_WIDTH}, scaled up to that width, so that an
     * exported picture keeps its subtitle and axis labels. A failure is shown in an alert.
     */
    CompletableFuture<Void> export(Path file) {
        Size s = size;
        double w = s.width() >= 1 ? s.width() : ChartViewers.FALLBACK_WIDTH;
        double h = s.height() >= 1 ? s.height() : ChartViewers.FALLBACK_HEIGHT;
        double enlarge = Math.max(1, SmallChartLayout.COMPACT_WIDTH / w);
        int width = (int) Math.round(w * enlarge);
        int height = (int) Math.round(h * enlarge);
        CompletableFuture<Void> saved = this.<Void>read(c -> {
            try {
                layout.fit(width);
                ChartExport.save(c, file, width, height);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                layout.fit(size.width());
            }
        }).whenComplete((done, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                Exception shown = cause instanceof UncheckedIOException io ? io.getCause()
                        : cause instanceof Exception ex ? ex : new RuntimeException(cause);
                Platform.runLater(() -> ChartViewers.failureAlert(this, messages, file, shown).show());
            }
        });
        return saved;
    }

    /** Painter thread: shows why the chart could not be changed or drawn, until it draws again. */
    private void fail(RuntimeException e) {
        failed = true;
        changedSinceFailure = false;
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Platform.runLater(() -> {
            failure.setText(MessageFormat.format(messages.getString("chart.failed"), reason));
            failure.setVisible(true);
        });
    }

    // ---- JavaFX thread ----

    private void showNewest() {
        showQueued.set(false);
        Frame f = newest.getAndSet(null);
        if (f == null) {
            return;
        }
        if (!showing()) {
            // Changing a hidden picture made JavaFX repaint the whole window (50 ms in software):
            // the newest picture waits until the view is visible again.
            if (!newest.compareAndSet(null, f)) {
                spare.set(f.pixels());
            }
            showWhenVisible();
            return;
        }
        if (image == null || image.getWidth() != f.width() || image.getHeight() != f.height()) {
            // A plain WritableImage keeps BGRA bytes: setPixels converted every picture on the FX thread
            // and the software pipeline converted it back on the render thread, 15-20 ms a picture.
            shown = new PixelBuffer<>(f.width(), f.height(), IntBuffer.allocate(f.width() * f.height()),
                    PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(shown);
            picture.setImage(image);
            picture.setFitWidth(f.width() / f.scale());
            picture.setFitHeight(f.height() / f.scale());
        }
        int[] pixels = f.pixels();
        shown.updateBuffer(b -> {
            b.getBuffer().clear().put(pixels);
            return null; // the whole picture changed
        });
        spare.set(f.pixels());
        framesShown++;
    }

    /** True when this view and every node above it are visible. */
    private boolean showing() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Shows the newest picture as soon as this view and the nodes above it (say, its tab) are visible. */
    private void showWhenVisible() {
        if (visibilityWatch != null) {
            return;
        }
        List<Node> chain = new ArrayList<>();
        for (Node n = this; n != null; n = n.getParent()) {
            chain.add(n);
        }
        visibilityWatch = new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (showing()) {
                    chain.forEach(n -> n.visibleProperty().removeListener(this));
                    visibilityWatch = null;
                    showNewest();
                }
            }
        };
        chain.forEach(n -> n.visibleProperty().addListener(visibilityWatch));
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            resetZoom();
        } else if (e.getButton() == MouseButton.PRIMARY && !e.isPopupTrigger()) {
            dragStart = new Point2D.Double(e.getX(), e.getY());
        }
    }

    private void dragged(MouseEvent e) {
        if (dragStart == null) {
            return;
        }
        zoomBox.setX(Math.min(dragStart.getX(), e.getX()));
        zoomBox.setY(Math.min(dragStart.getY(), e.getY()));
        zoomBox.setWidth(Math.abs(e.getX() - dragStart.getX()));
        zoomBox.setHeight(Math.abs(e.getY() - dragStart.getY()));
        zoomBox.setVisible(true);
    }

    private void released(MouseEvent e) {
        if (dragStart == null) {
            return;
        }
        zoomBox.setVisible(false);
        Rectangle2D selection = new Rectangle2D.Double(zoomBox.getX(), zoomBox.getY(),
                zoomBox.getWidth(), zoomBox.getHeight());
        dragStart = null;
        if (selection.getWidth() >= MIN_DRAG && selection.getHeight() >= MIN_DRAG) {
            ChartPainter.execute(() -> {
                if (ChartZoom.toRectangle(chart, drawn, selection)) {
                    requestDraw();
                }
            });
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double factor = e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP;
        Point2D at = new Point2D.Double(e.getX(), e.getY());
        ChartPainter.execute(() -> {
            if (ChartZoom.byFactor(chart, drawn, at, factor)) {
                requestDraw();
            }
        });
        e.consume();
    }

    /** The menu's items (for tests). */
    List<MenuItem> menuItems() {
        return new ArrayList<>(menu.getItems());
    }

    /** The picture shown now, null before the first (for tests). */
    WritableImage picture() {
        return image;
    }
}
