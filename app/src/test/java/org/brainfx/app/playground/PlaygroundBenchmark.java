package org.brainfx.app.playground;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.workbench.WorkbenchApp;

/**
 * How many times a second the playground re-simulates HH (5 000 steps) while its gNa slider moves
 * through 200 values: a benchmark that prints numbers, not a test.
 *
 * <p>Default: the view-model alone, each value waiting for its trace (the worker's capacity),
 * then all 200 values at once (coalescing). With argument {@code gui} (needs a display): the
 * whole view, one slider value per frame, every trace drawn in the three charts.
 * Run from {@code app/} with the test classpath: {@code java -cp … org.brainfx.app.playground.PlaygroundBenchmark [gui]}.
 */
public final class PlaygroundBenchmark {

    private static final int VALUES = 200;
    private static final int WARM_UP = 200;
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("org.brainfx.ui.messages");

    private PlaygroundBenchmark() {
    }

    /** Runs the headless benchmark, or the view benchmark with argument {@code gui}. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("gui")) {
            WorkbenchApp.paintRegionBackgroundsDirectly(); // as the window runs
            Application.launch(ViewBenchmark.class);
        } else {
            headless();
        }
    }

    /** The gNa value of step {@code i}: a sweep back and forth across the slider's range. */
    static double gNa(PlaygroundSlider s, int i) {
        double position = Math.abs((i % 100) / 50.0 - 1);
        return s.scale().value(0.2 + 0.8 * position);
    }

    private static void headless() throws Exception {
        // A daemon, so a failed run still lets the JVM exit.
        ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "benchmark-ui");
            t.setDaemon(true);
            return t;
        });
        UiExecutor ui = uiThread::execute;
        PlaygroundViewModel vm = on(uiThread, () -> new PlaygroundViewModel(null, MESSAGES,
                BackgroundTasks.executor(), ui));
        waitFor(uiThread, () -> vm.traceProperty().get() != null);
        PlaygroundSlider gNa = on(uiThread, () -> vm.parameters().stream()
                .filter(s -> s.name().equals("gNa")).findFirst().orElseThrow());
        System.out.printf(Locale.ROOT, "model hh, %d steps of %s ms, 1 lane, every state recorded%n",
                on(uiThread, () -> vm.traceProperty().get().steps()), PlaygroundSetup.BUILTIN_DT_MS);

        roundTrips(uiThread, vm, gNa, WARM_UP);
        double seconds = roundTrips(uiThread, vm, gNa, VALUES);
        System.out.printf(Locale.ROOT, "one value at a time: %d re-simulations in %.3f s = %.0f updates/s%n",
                VALUES, seconds, VALUES / seconds);

        long runsBefore = on(uiThread, () -> vm.simulationsProperty().get());
        long droppedBefore = vm.droppedRequests();
        long t0 = System.nanoTime();
        on(uiThread, () -> {
            for (int i = 0; i < VALUES; i++) {
                gNa.set(gNa(gNa, i + 1));
            }
            return null;
        });
        waitFor(uiThread, () -> !vm.simulatingProperty().get());
        double flood = (System.nanoTime() - t0) / 1e9;
        long shown = on(uiThread, () -> vm.simulationsProperty().get()) - runsBefore;
        System.out.printf(Locale.ROOT, "all %d values at once: %d requests dropped unrun, %d traces shown,"
                + " the last value's trace after %.1f ms%n", VALUES, vm.droppedRequests() - droppedBefore, shown,
                flood * 1e3);
        uiThread.shutdown();
    }

    private static double roundTrips(ExecutorService uiThread, PlaygroundViewModel vm, PlaygroundSlider gNa,
                                     int values) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < values; i++) {
            long before = on(uiThread, () -> vm.simulationsProperty().get());
            double v = gNa(gNa, i);
            on(uiThread, () -> {
                gNa.set(v);
                return null;
            });
            waitFor(uiThread, () -> vm.simulationsProperty().get() > before);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static <T> T on(ExecutorService thread, Supplier<T> action) throws Exception {
        return thread.submit(action::get).get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(ExecutorService thread, Supplier<Boolean> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!on(thread, done)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark: the playground did not finish within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    /** The whole view on screen, the slider moved once per frame, each trace drawn before the next frame. */
    public static final class ViewBenchmark extends Application {
        @Override
        public void start(Stage stage) {
            PlaygroundViewModel vm = new PlaygroundViewModel(null, MESSAGES, BackgroundTasks.executor(), UiExecutor.fx());
            stage.setScene(new Scene(new PlaygroundView(vm, MESSAGES).root(), 1100, 700));
            stage.show();
            vm.traceProperty().addListener((obs, old, now) -> {
                if (old == null && now != null) {
                    drive(vm);
                }
            });
        }

        private static void drive(PlaygroundViewModel vm) {
            PlaygroundSlider gNa = vm.parameters().stream().filter(s -> s.name().equals("gNa")).findFirst().orElseThrow();
            new AnimationTimer() {
                private int frame = -WARM_UP;
                private long t0;
                private long runs0;

                @Override
                public void handle(long now) {
                    if (frame == 0) {
                        t0 = System.nanoTime();
                        runs0 = vm.simulationsProperty().get();
                    }
                    if (frame == VALUES) {
                        double s = (System.nanoTime() - t0) / 1e9;
                        long runs = vm.simulationsProperty().get() - runs0;
                        System.out.printf(Locale.ROOT, "view, one slider value per frame: %d frames in %.2f s"
                                + " (%.0f frames/s), %d traces drawn = %.0f updates/s%n", VALUES, s, VALUES / s, runs,
                                runs / s);
                        stop();
                        Platform.exit();
                        return;
                    }
                    gNa.set(gNa(gNa, frame + WARM_UP));
                    frame++;
                }
            }.start();
        }
    }
}
