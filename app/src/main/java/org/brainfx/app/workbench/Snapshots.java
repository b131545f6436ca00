package org.brainfx.app.workbench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.brainfx.app.compare.CompareRunner;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.network.connectome.ConnectomeImportDialog;
import org.brainfx.app.network.connectome.ConnectomeImportModel;
import org.brainfx.app.welcome.RecentProjects;
import org.brainfx.engine.project.ProjectException;
import org.brainfx.engine.project.ProjectFiles;

/**
 * Renders a workbench view off-screen to a PNG: the whole window as a new user would see it, on
 * Monocle's headless platform, so it works on a machine without a display (tests, CI, the README's
 * pictures).
 */
public final class Snapshots {

    /** The views a snapshot can show. */
    public static final List<String> VIEWS = List.of("welcome", "recording", "model", "playground", "fit", "compare",
            "training", "network", "raster", "connectome");

    private static final long WAIT_SECONDS = 120;

    /**
     * What to render.
     *
     * @param project       the project to open (ignored for {@code welcome}; may be null there)
     * @param view          one of {@link #VIEWS}
     * @param fitIterations for {@code fit}: run a fit of this many iterations first (0: none)
     * @param raceSeconds   for {@code compare}: race the view's chosen optimizers once each for this long first (0: none)
     * @param trainBatches  for {@code training}: train this many batches first (0: none)
     * @param out           the PNG file to write
     * @param width         window width, px
     * @param height        window height, px
     * @param dark          the dark theme instead of the light one
     */
    public record Request(Path project, String view, int fitIterations, double raceSeconds, int trainBatches, Path out,
                          int width, int height, boolean dark) { }

    /**
     * What was rendered.
     *
     * @param largestPulseGapMillis the longest the FX thread went without a pulse while the fit (training,
     *                              connectome read) ran and in the 0.3 s after, as its results appeared (NaN without one)
     * @param fitSeconds            how long the fit (training, connectome read) ran (0 without one)
     * @param longGaps              how many gaps were over 50 ms and the largest after warm-up ("" for none)
     * @param picturesPerSecond     for {@code raster}: raster pictures painted per second while the network ran (NaN otherwise)
     */
    public record Report(Path out, int width, int height, double largestPulseGapMillis, double fitSeconds,
                         String longGaps, double picturesPerSecond) { }

    /** How long pulses are still watched after a fit ends, while its results appear. */
    static final long AFTER_FIT_MILLIS = 300;

    private Snapshots() {
    }

    /**
     * Renders {@code request}; starts the JavaFX toolkit headless unless it already runs (then it
     * must already be headless or have a display).
     *
     * @throws IllegalArgumentException for an unknown view or a view that needs a project without one
     * @throws ProjectException when the project file cannot be read
     * @throws IllegalStateException    when the view does not settle in time
     */
    public static Report render(Request request) throws IOException {
        if (!VIEWS.contains(request.view())) {
            throw new IllegalArgumentException("unknown view '" + request.view() + "'; choose one of " + VIEWS);
        }
        if (!"welcome".equals(request.view()) && request.project() == null) {
            throw new IllegalArgumentException("the " + request.view() + " view shows a project; name one (PROJECT)");
        }
        if (request.project() != null) {
            // Fails at once, naming the path, instead of waiting for a window that cannot open it.
            if ("training".equals(request.view())) {
                org.brainfx.engine.train.TrainingProjectFiles.read(request.project());
            } else if ("network".equals(request.view()) || "raster".equals(request.view())) {
                org.brainfx.engine.net.NetworkProjectFiles.read(request.project());
            } else if ("connectome".equals(request.view())) {
                if (!Files.isRegularFile(request.project())) {
                    throw new IllegalArgumentException(request.project() + ": no such connectome file");
                }
            } else {
                ProjectFiles.read(request.project());
            }
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", request.width() + "x" + request.height() + "-32");
        System.setProperty("brainfx.theme", request.dark() ? "dark" : "light");
        WorkbenchApp.quietJavaFxConfigurationWarning();
        WorkbenchApp.paintRegionBackgroundsDirectly();
        startToolkit();
        if ("raster".equals(request.view())) {
            return SimulationSnapshot.render(request);
        }
        Preferences recent = Preferences.userRoot().node("org/brainfx/snapshot-" + UUID.randomUUID());
        try {
            return renderStarted(request, recent);
        } finally {
            try {
                recent.removeNode();
            } catch (BackingStoreException e) {
                System.err.println("brainfx: could not remove temporary preferences " + recent + ": " + e.getMessage());
            }
        }
    }

    /**
     * Starts JavaFX unless it already runs (as in the GUI tests). It is never shut down here: the
     * command's process exits when it returns, and a test JVM keeps using the toolkit.
     */
    private static void startToolkit() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            return;
        }
        await(started, "the JavaFX toolkit to start");
    }

    private static Report renderStarted(Request request, Preferences recent) throws IOException {
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        if ("connectome".equals(request.view())) {
            return renderConnectome(request, messages);
        }
        WorkbenchView view = onFx(() -> {
            Stage stage = new Stage();
            WorkbenchView v = new WorkbenchView(messages, stage, new RecentProjects(recent));
            // A picture of a project leaves its folder as it was: no recovery copy is read, offered or written.
            v.model().leaveRecoveryCopiesAlone();
            Scene scene = new Scene(v.root(), request.width(), request.height());
            scene.getStylesheets().add(WorkbenchApp.themeStylesheet());
            stage.setScene(scene);
            stage.titleProperty().bind(v.titleProperty());
            stage.show();
            return v;
        });
        double gap = Double.NaN;
        String longGaps = "";
        double fitSeconds = 0;
        if ("welcome".equals(request.view())) {
            waitUntil(() -> view.welcomeLoaded(), "the sample projects to load");
        } else {
            onFx(() -> {
                view.openProject(request.project());
                return null;
            });
            if ("training".equals(request.view())) {
                waitUntil(() -> view.trainingModel() != null, "the training project to open");
                if (request.trainBatches() > 0) {
                    Watched watched = train(view, request.trainBatches());
                    gap = watched.largestGapMillis();
                    fitSeconds = watched.seconds();
                    longGaps = watched.longGaps();
                }
            } else if ("network".equals(request.view())) {
                // The picture shows the live check's verdict, so it waits for the check of the network as opened.
                waitUntil(() -> view.networkTabs() != null && view.networkTabs().editor().checkCurrent(),
                        "the network project to open and its check to end");
            } else {
                waitUntil(() -> view.model().resolved() != null || view.projectTabs() != null
                        && !view.model().session().errorProperty().get().isEmpty(), "the project to open");
            }
            boolean shown = onFx(() -> view.showView(request.view()));
            if (!shown) {
                throw new IllegalArgumentException("the " + request.view() + " view is not available for this project");
            }
            if ("fit".equals(request.view()) && request.fitIterations() > 0) {
                PulseMonitor pulses = new PulseMonitor();
                onFx(() -> {
                    view.projectTabs().fitModel().form().maxIterations().textProperty().set(Integer.toString(request.fitIterations()));
                    return null;
                });
                waitUntil(() -> view.projectTabs().fitModel().canStartProperty().get(), "the fit settings to apply");
                waitUntil(() -> view.projectTabs().warmedUpProperty().get(), "the background warm-up fit");
                // As a person would: the dashboard is on screen and drawn before Start is pressed.
                settle();
                long t0 = System.nanoTime();
                onFx(() -> {
                    pulses.restart();
                    view.projectTabs().startFit();
                    return null;
                });
                waitUntil(() -> !view.projectTabs().fitRunner().stateProperty().get().active()
                        && view.projectTabs().fitRunner().stateProperty().get() != FitJobRunner.State.IDLE, "the fit to end");
                fitSeconds = (System.nanoTime() - t0) / 1e9;
                // The end belongs to the fit as a person sees it: results appear, the form unlocks.
                sleep(AFTER_FIT_MILLIS);
                gap = onFx(() -> {
                    pulses.stop();
                    return pulses.largestGapMillis();
                });
                longGaps = describe(pulses);
            }
        }
        if ("compare".equals(request.view()) && request.raceSeconds() > 0) {
            onFx(() -> {
                view.projectTabs().compareModel().budgetSecondsProperty().set(Double.toString(request.raceSeconds()));
                view.projectTabs().compareModel().repeatsProperty().set("1");
                return null;
            });
            waitUntil(() -> view.projectTabs().compareModel().canStartProperty().get(), "the race settings");
            onFx(() -> {
                view.projectTabs().compareModel().start();
                return null;
            });
            waitUntil(() -> !view.projectTabs().compareModel().runner().stateProperty().get().active()
                    && view.projectTabs().compareModel().runner().stateProperty().get()
                    != CompareRunner.State.IDLE, "the race to end");
        }
        settle();
        WritableImage image = onFx(() -> {
            WritableImage shot = view.root().getScene().snapshot(null);
            view.model().close();
            view.root().getScene().getWindow().hide();
            return shot;
        });
        return write(image, request.out(), gap, fitSeconds, longGaps);
    }

    private static Report write(WritableImage image, Path file, double gap, double fitSeconds, String longGaps)
            throws IOException {
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Path out = file.toAbsolutePath();
        Files.createDirectories(out.getParent());
        if (!ImageIO.write(png, "png", out.toFile())) {
            throw new IOException(out + ": no PNG writer available");
        }
        return new Report(out, png.getWidth(), png.getHeight(), gap, fitSeconds, longGaps, Double.NaN);
    }

    /** File → Import connectome… with the file read and previewed (its figures, sorted matrix, degree histograms). */
    private static Report renderConnectome(Request request, ResourceBundle messages) throws IOException {
        ConnectomeImportDialog dialog = onFx(() -> {
            ConnectomeImportDialog d = ConnectomeImportDialog.show(null, messages, file -> { }, request.width(),
                    request.height());
            d.stage().getScene().getStylesheets().add(WorkbenchApp.themeStylesheet());
            d.model().file().set(request.project().toString());
            return d;
        });
        // The read runs in the background: the pulses while it runs and its preview appears show the window kept drawing.
        PulseMonitor pulses = new PulseMonitor();
        settle();
        long t0 = System.nanoTime();
        onFx(() -> {
            pulses.restart();
            dialog.model().read();
            return null;
        });
        waitUntil(() -> dialog.model().state().get() != ConnectomeImportModel.State.READING, "the connectome to be read");
        double seconds = (System.nanoTime() - t0) / 1e9;
        sleep(AFTER_FIT_MILLIS);
        double gap = onFx(() -> {
            pulses.stop();
            return pulses.largestGapMillis();
        });
        String longGaps = describe(pulses);
        settle();
        WritableImage image = onFx(() -> {
            WritableImage shot = dialog.stage().getScene().snapshot(null);
            dialog.stage().hide();
            return shot;
        });
        if (dialog.model().state().get() == ConnectomeImportModel.State.FAILED) {
            throw new IllegalArgumentException(dialog.model().error().get());
        }
        return write(image, request.out(), gap, seconds, longGaps);
    }

    /**
     * Trains {@code batches} batches in the training dashboard as a person would (the form, then Start),
     * watching the FX pulses: returns the largest gap (ms), the seconds it ran and the long gaps.
     */
    private static Watched train(WorkbenchView view, int batches) {
        onFx(() -> {
            view.trainingModel().form().row("batches").textProperty().set(Integer.toString(batches));
            return null;
        });
        waitUntil(() -> view.trainingModel().canStartProperty().get(), "the training settings to apply");
        PulseMonitor pulses = new PulseMonitor();
        settle();
        long t0 = System.nanoTime();
        onFx(() -> {
            pulses.restart();
            view.trainingModel().start();
            return null;
        });
        waitUntil(() -> view.trainingModel().resultProperty().get() != null
                || !view.trainingModel().failureProperty().get().isEmpty(), "the training to end");
        if (!view.trainingModel().failureProperty().get().isEmpty()) {
            throw new IllegalStateException(view.trainingModel().failureProperty().get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sleep(AFTER_FIT_MILLIS);
        double gap = onFx(() -> {
            pulses.stop();
            return pulses.largestGapMillis();
        });
        return new Watched(gap, seconds, describe(pulses));
    }

    /** The FX pulses while a job ran: the largest gap, how long it ran, and the long gaps in words. */
    private record Watched(double largestGapMillis, double seconds, String longGaps) { }

    /** The long gaps {@code monitor} saw, stopped, in words (see {@link #describe(List, long)}). */
    static String describe(PulseMonitor monitor) {
        monitor.finishRecording();
        return describe(onFx(monitor::longGaps), onFx(monitor::pulses));
    }

    /** "N of M pulses: X ms at T s (where the time went), …" (the five longest, in time order), or "" for none. */
    static String describe(List<PulseMonitor.Gap> gaps, long pulses) {
        if (gaps.isEmpty()) {
            return "";
        }
        String listed = gaps.stream()
                .sorted(java.util.Comparator.comparingDouble(PulseMonitor.Gap::gapMillis).reversed()).limit(5)
                .sorted(java.util.Comparator.comparingDouble(PulseMonitor.Gap::atMillis))
                .map(g -> String.format(Locale.ROOT, "%.0f ms at %.2f s (FX work %.0f + waiting for a core %.0f,"
                        + " render work %.0f + waiting %.0f, pulse timer waiting %.0f, GC %.0f, safepoints %.0f of which"
                        + " reaching them %.0f ms)", g.gapMillis(), g.atMillis() / 1000, g.fxCpuMillis(), g.fxQueuedMillis(),
                        g.renderCpuMillis(), g.renderQueuedMillis(), g.timerQueuedMillis(), g.gcMillis(),
                        g.safepointMillis(), g.reachingMillis()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d of %d pulses: %s%s", gaps.size(), pulses, listed,
                gaps.size() > 5 ? ", …" : "");
    }

    /** Lets pending background results and layout passes land, so the picture shows the settled view. */
    static void settle() {
        for (int i = 0; i < 10; i++) {
            onFx(() -> null);
            sleep(60);
        }
    }

    static void waitUntil(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!onFx(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + WAIT_SECONDS + " s waiting for " + what);
            }
            sleep(50);
        }
    }

    static <T> T onFx(Supplier<T> action) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return await(f, "the JavaFX thread");
    }

    private static <T> T await(CompletableFuture<T> f, String what) {
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("gave up after " + WAIT_SECONDS + " s waiting for " + what, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
