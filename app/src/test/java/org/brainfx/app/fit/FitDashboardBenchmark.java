package org.brainfx.app.fit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.brainfx.app.charts.LiveVoltageChart;
import org.brainfx.app.charts.PaintedChartView;
import org.brainfx.app.charts.SweepOverlay;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.app.workbench.WorkbenchApp;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitProblem;
import org.brainfx.engine.project.ResolvedProject;

/**
 * Measures the fit dashboard's live path and prints the numbers (a benchmark, not a test):
 * <ol>
 *   <li>the voltage chart fed 200 updates of 5 sweeps × 10 000 samples (gif-synthetic), each a
 *       new candidate simulated and min/max-decimated off the FX thread, then drawn on the chart
 *       painter thread and shown;</li>
 *   <li>the longest the FX thread is kept busy while the dashboard runs the HH and GIF sample
 *       fits, probed by a task posted every 5 ms.</li>
 * </ol>
 * Run with a display, from {@code app/}: {@code java -cp … org.brainfx.app.fit.FitDashboardBenchmark [seconds [sample … | none]]}.
 */
public final class FitDashboardBenchmark {

    private static final int UPDATES = 200;
    private static final int CHART_WIDTH = 1000;
    private static final double HEAVY_MS = 30;

    private FitDashboardBenchmark() {
    }

    /** Runs both measurements; {@code args}: fit budget in seconds (default 15), then samples to fit or {@code none}. */
    public static void main(String[] args) throws Exception {
        double fitSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 15;
        CountDownLatch started = new CountDownLatch(1);
        WorkbenchApp.paintRegionBackgroundsDirectly(); // as the window runs
        Platform.startup(started::countDown);
        started.await();
        voltageUpdates();
        // "none" measures the chart alone.
        List<String> samples = args.length > 1 ? List.of(args).subList(1, args.length).stream()
                .filter(a -> !a.equals("none")).toList() : List.of("hh-synthetic", "gif-synthetic");
        for (String sample : samples) {
            fxStallDuringFit(sample, fitSeconds);
        }
        Platform.exit();
        System.exit(0);
    }

    private static void voltageUpdates() throws Exception {
        ResolvedProject project = ResolvedProject.load(Path.of("..", "sample-projects", "gif-synthetic"));
        FitConfig config = FitConfig.of(project);
        FitProblem problem = new FitProblem(config);
        List<Integer> sweeps = List.of(0, 1, 2, 3, 4);
        AtomicReference<LiveVoltageChart> chart = new AtomicReference<>();
        AtomicReference<PaintedChartView> view = new AtomicReference<>();
        ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
        onFx(() -> {
            LiveVoltageChart c = new LiveVoltageChart("voltage", "Time (ms)", "recorded", "sweep {0}");
            // No redraw interval: the painter draws as fast as it can, which is what is measured.
            PaintedChartView v = new PaintedChartView(c.chart(), 0, messages, () -> "voltage");
            Stage stage = new Stage();
            stage.setScene(new Scene(v, CHART_WIDTH, 700));
            stage.show();
            chart.set(c);
            view.set(v);
        });
        double computeNanos = 0;
        List<SweepOverlay> overlays = new ArrayList<>();
        for (int u = 0; u < UPDATES; u++) {
            double[] point = new double[config.free().size()];
            for (int d = 0; d < point.length; d++) {
                var fp = config.free().get(d);
                point[d] = fp.lower() + (fp.upper() - fp.lower()) * (0.2 + 0.6 * ((u * 7 + d * 3) % 11) / 10.0);
            }
            long c0 = System.nanoTime();
            overlays.add(CandidateTraces.compute(new CandidateTraces.Request(project, problem, point, sweeps,
                    CHART_WIDTH / FitDashboardView.PIXELS_PER_COLUMN, "best candidate")));
            computeNanos += System.nanoTime() - c0;
        }
        Thread.sleep(500); // the first, empty picture
        long[] framesBefore = new long[1];
        onFx(() -> framesBefore[0] = view.get().framesShown());
        // One update per pulse, as the fit's runner delivers them; the painter coalesces what it cannot draw in time.
        CountDownLatch sent = new CountDownLatch(1);
        long[] fxNanos = new long[1];
        long[] worstFx = new long[1];
        long[] span = new long[2];
        AnimationTimer timer = new AnimationTimer() {
            private int next;

            @Override
            public void handle(long now) {
                if (next == 0) {
                    span[0] = System.nanoTime();
                }
                long f0 = System.nanoTime();
                SweepOverlay overlay = overlays.get(next++);
                view.get().update(c -> chart.get().show(overlay));
                long f = System.nanoTime() - f0;
                fxNanos[0] += f;
                worstFx[0] = Math.max(worstFx[0], f);
                if (next == overlays.size()) {
                    stop();
                    sent.countDown();
                }
            }
        };
        long[] fxThread = new long[1];
        onFx(() -> fxThread[0] = Thread.currentThread().getId());
        long renderer = threadId("QuantumRenderer");
        long painter = threadId("brainfx-chart-painter");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long fxCpu0 = cpu.getThreadCpuTime(fxThread[0]);
        long renderCpu0 = cpu.getThreadCpuTime(renderer);
        long paintCpu0 = cpu.getThreadCpuTime(painter);
        onFx(timer::start);
        sent.await();
        // The last update is drawn once the painter has caught up with every change queued.
        view.get().read(c -> null).get();
        Thread.sleep(200);
        span[1] = System.nanoTime();
        long[] frames = new long[1];
        onFx(() -> frames[0] = view.get().framesShown() - framesBefore[0]);
        double fxCpu = (cpu.getThreadCpuTime(fxThread[0]) - fxCpu0) / 1e6 / frames[0];
        double renderCpu = (cpu.getThreadCpuTime(renderer) - renderCpu0) / 1e6 / frames[0];
        double paintCpu = (cpu.getThreadCpuTime(painter) - paintCpu0) / 1e6 / frames[0];
        double seconds = (span[1] - span[0]) / 1e9;
        System.out.printf(Locale.ROOT, "voltage chart %d px wide, %d updates of 5 sweeps x %d samples, decimated to %d"
                + " min/max pairs:%n", CHART_WIDTH, UPDATES, project.steps(), CHART_WIDTH / FitDashboardView.PIXELS_PER_COLUMN);
        System.out.printf(Locale.ROOT, "  off the FX thread (simulate + decimate): %.2f ms per update%n",
                computeNanos / UPDATES / 1e6);
        System.out.printf(Locale.ROOT, "  on the FX thread (hand the update to the painter): %.3f ms per update, worst %.2f ms%n",
                fxNanos[0] / (double) UPDATES / 1e6, worstFx[0] / 1e6);
        System.out.printf(Locale.ROOT, "  pictures shown: %d in %.2f s = %.1f a second (machine load %.1f)%n",
                frames[0], seconds, frames[0] / seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  CPU per picture: painter %.2f ms, FX thread %.2f ms, render thread %.2f ms%n",
                paintCpu, fxCpu, renderCpu);
    }

    private static void fxStallDuringFit(String sample, double seconds) throws Exception {
        ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
        AtomicReference<FitDashboardViewModel> model = new AtomicReference<>();
        onFx(() -> {
            ProjectDocument document = ProjectDocument.open(Path.of("..", "sample-projects", sample));
            ProjectSession session = new ProjectSession(document, BackgroundTasks.executor(), UiExecutor.fx());
            FitDashboardViewModel m = new FitDashboardViewModel(session, new FitJobRunner(UiExecutor.fx()), messages,
                    BackgroundTasks.executor(), UiExecutor.fx());
            Stage stage = new Stage();
            stage.setScene(new Scene(new FitDashboardView(m, messages, stage).root(), 1280, 800));
            stage.show();
            model.set(m);
        });
        waitUntil(() -> model.get().canStartProperty().get());
        onFx(() -> {
            model.get().form().budgetSeconds().textProperty().set(Double.toString(seconds));
            model.get().form().maxIterations().textProperty().set("100000");
            model.get().selectedSweeps().setAll(0, 1, 2, 3, 4);
        });
        waitUntil(() -> model.get().canStartProperty().get());
        List<Double> delays = Collections.synchronizedList(new ArrayList<>());
        List<Double> busy = Collections.synchronizedList(new ArrayList<>());
        List<String> heavy = Collections.synchronizedList(new ArrayList<>());
        long[] begun = new long[1];
        long[] fxThread = new long[1];
        onFx(() -> fxThread[0] = Thread.currentThread().getId());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
        // Each probe notes how late it ran and how much CPU the FX thread spent meanwhile: a late
        // probe with little FX CPU was starved by other processes, not blocked by the dashboard.
        probe.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            long cpuAtPost = cpu.getThreadCpuTime(fxThread[0]);
            Platform.runLater(() -> {
                double work = (cpu.getCurrentThreadCpuTime() - cpuAtPost) / 1e6;
                delays.add((System.nanoTime() - posted) / 1e6);
                busy.add(work);
                if (work > HEAVY_MS) {
                    heavy.add(String.format(Locale.ROOT, "%.0f ms at %.2f s (%s)", work, (posted - begun[0]) / 1e9,
                            model.get().runner().stateProperty().get()));
                }
            });
        }, 0, 5, TimeUnit.MILLISECONDS);
        begun[0] = System.nanoTime();
        onFx(() -> model.get().start());
        waitUntil(() -> !model.get().runner().stateProperty().get().active());
        probe.shutdownNow();
        List<Double> late = sortedCopy(delays);
        List<Double> work = sortedCopy(busy);
        System.out.printf(Locale.ROOT, "%s, %.0f s budget (%s), %d probes, machine load %.1f:%n", sample, seconds,
                model.get().statusProperty().get(), late.size(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  FX thread latency: median %.1f ms, p99 %.1f ms, worst %.1f ms%n",
                late.get(late.size() / 2), late.get((int) (late.size() * 0.99)), late.get(late.size() - 1));
        System.out.printf(Locale.ROOT, "  FX thread CPU while a probe waited: median %.1f ms, p99 %.1f ms, worst %.1f ms%n",
                work.get(work.size() / 2), work.get((int) (work.size() * 0.99)), work.get(work.size() - 1));
        if (!heavy.isEmpty()) {
            System.out.println("  FX CPU above " + HEAVY_MS + " ms within one probe: " + heavy);
        }
    }

    private static List<Double> sortedCopy(List<Double> values) {
        List<Double> out;
        synchronized (values) {
            out = new ArrayList<>(values);
        }
        Collections.sort(out);
        return out;
    }

    private static long threadId(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .mapToLong(Thread::getId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread named " + prefix + "…"));
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        while (true) {
            boolean[] ok = new boolean[1];
            onFx(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
