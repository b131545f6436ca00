package org.brainfx.app.network.sim;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkProjectFiles;

/**
 * How fast the live raster streams a network: runs a project's network in the simulation view (Monocle,
 * headless, 1280×800) several times and prints per run the raster pictures per second, the largest gap
 * between JavaFX pulses while it ran, and the UI thread's processor time painting each picture. A benchmark that
 * prints numbers, not a test. Run from {@code app/} with the test classpath:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp … org.brainfx.app.network.sim.SimulationBenchmark [PROJECT] [RUNS]}
 * (default: the coba-benchmark sample, 3 runs).
 */
public final class SimulationBenchmark {
    private SimulationBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../sample-projects/coba-benchmark");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        NetworkProject project = NetworkProjectFiles.read(file);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
        SimulationView view = fx(() -> {
            SimulationView v = new SimulationView(project::network, () -> NetworkProjectFiles.baseDir(file), messages,
                    BackgroundTasks.computeExecutor(), UiExecutor.fx());
            Stage stage = new Stage();
            stage.setScene(new Scene(v.root(), 1280, 800));
            stage.show();
            return v;
        });
        SimulationViewModel model = view.model();
        long[] gap = new long[2];
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (gap[1] != 0) {
                    gap[0] = Math.max(gap[0], now - gap[1]);
                }
                gap[1] = now;
            }
        };
        for (int r = 0; r < runs; r++) {
            fx(() -> {
                gap[0] = 0;
                gap[1] = 0;
                pulses.start();
                model.run();
                return null;
            });
            waitFor(() -> model.stateProperty().get() == SimulationViewModel.State.RUNNING
                    || !model.failureProperty().get().isEmpty());
            long pictures0 = fx(view::rasterPictures);
            double[] paint0 = fx(view::paintMillis);
            long t0 = System.nanoTime();
            waitFor(() -> model.stateProperty().get() == SimulationViewModel.State.IDLE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long pictures = fx(view::rasterPictures) - pictures0;
            double[] paint = fx(view::paintMillis);
            double largest = fx(() -> {
                pulses.stop();
                return gap[0] / 1e6;
            });
            System.out.printf(Locale.ROOT, "run %d: %.2f s, %d pictures (%.1f/s), largest pulse gap %.1f ms,"
                    + " painting %.2f ms of UI-thread CPU a picture (largest %.1f ms)%s%n", r + 1, seconds, pictures, pictures / seconds, largest,
                    (paint[0] - paint0[0]) / Math.max(1, pictures), paint[1], model.failureProperty().get().isEmpty() ? ""
                            : " FAILED: " + model.failureProperty().get());
        }
        Platform.exit();
        System.exit(0);
    }

    private static void waitFor(Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!fx(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after 300 s");
            }
            Thread.sleep(20);
        }
    }

    private static <T> T fx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
