package org.brainfx.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.project.ResolvedProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner without a screen: property updates run directly on the engine's threads. */
class FitJobRunnerTest {

    private static ResolvedProject project;

    @BeforeAll
    static void loadProject() {
        project = ResolvedProject.load(Path.of("..", "sample-projects", "hh-synthetic", "hh-synthetic.brainfx.json"));
    }

    @Test
    void smallFitRunsToFinishedWithGrowingHistory() throws InterruptedException {
        FitJobRunner runner = new FitJobRunner(UiExecutor.direct());
        List<FitJobRunner.State> states = new ArrayList<>();
        List<Integer> historySizes = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        runner.history().addListener((ListChangeListener<Object>) c -> historySizes.add(c.getList().size()));
        runner.stateProperty().addListener((obs, old, now) -> {
            states.add(now);
            if (!now.active()) {
                done.countDown();
            }
        });

        runner.start(FitConfig.of(project).with(null, 2, 5, null, null, 1L, null));

        assertTrue(done.await(60, TimeUnit.SECONDS), "fit ended");
        assertEquals(List.of(FitJobRunner.State.RUNNING, FitJobRunner.State.FINISHED), states);
        assertNull(runner.errorProperty().get());
        assertNotNull(runner.resultProperty().get());
        assertEquals(runner.resultProperty().get().history().size(), runner.history().size());
        assertFalse(historySizes.isEmpty(), "history grew");
        for (int i = 1; i < historySizes.size(); i++) {
            assertTrue(historySizes.get(i) > historySizes.get(i - 1), "history only grows: " + historySizes);
        }
        assertTrue(runner.iterationProperty().get() >= 1 && runner.iterationProperty().get() <= 5);
        assertEquals(5, runner.maxIterationsProperty().get());
        assertTrue(runner.evaluationsProperty().get() > 0);
        assertTrue(Double.isFinite(runner.bestLossProperty().get()));
        assertEquals(runner.resultProperty().get().params().keySet(), Set.of("gL", "gNa", "gK", "Vth"));
    }

    @Test
    void cancelStopsAFitWithTheBestPointSoFar() throws InterruptedException {
        FitJobRunner runner = new FitJobRunner(UiExecutor.direct());
        CountDownLatch firstRound = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        runner.iterationProperty().addListener((obs, old, now) -> firstRound.countDown());
        runner.stateProperty().addListener((obs, old, now) -> {
            if (!now.active()) {
                done.countDown();
            }
        });

        runner.start(FitConfig.of(project).with(null, 2, 10_000, null, null, 1L, null));
        assertTrue(firstRound.await(60, TimeUnit.SECONDS), "first round reported");
        assertThrows(IllegalStateException.class,
                () -> runner.start(FitConfig.of(project).with(null, 2, 5, null, null, 1L, null)));
        runner.cancel();

        assertTrue(done.await(60, TimeUnit.SECONDS), "cancelled fit ended");
        assertEquals(FitJobRunner.State.CANCELLED, runner.stateProperty().get());
        assertEquals("cancelled", runner.resultProperty().get().stopReason());
        assertTrue(runner.resultProperty().get().iterations() < 10_000);
    }

    @Test
    void pauseHoldsTheFitUntilResume() throws InterruptedException {
        FitJobRunner runner = new FitJobRunner(UiExecutor.direct());
        CountDownLatch firstRound = new CountDownLatch(1);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        runner.iterationProperty().addListener((obs, old, now) -> firstRound.countDown());
        runner.stateProperty().addListener((obs, old, now) -> {
            if (now == FitJobRunner.State.PAUSED) {
                paused.countDown();
            } else if (!now.active()) {
                done.countDown();
            }
        });

        runner.start(FitConfig.of(project).with(null, 2, 10_000, null, null, 1L, null));
        assertTrue(firstRound.await(60, TimeUnit.SECONDS), "first round reported");
        runner.pause();
        assertTrue(paused.await(60, TimeUnit.SECONDS), "fit paused");
        Thread worker = threadWaitingIn("awaitIfPaused");
        int atPause = runner.job().latest().iteration();
        assertEquals(Thread.State.WAITING, worker.getState(), "the fit's thread waits while paused");
        assertEquals(atPause, runner.job().latest().iteration(), "no rounds while paused");

        runner.resume();
        assertEquals(FitJobRunner.State.RUNNING, runner.stateProperty().get());
        runner.cancel();
        assertTrue(done.await(60, TimeUnit.SECONDS), "fit ended");
        assertEquals(FitJobRunner.State.CANCELLED, runner.stateProperty().get());
    }

    /** The thread parked in {@code Object.wait} inside {@code method}, polled for up to 60 s. */
    private static Thread threadWaitingIn(String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                boolean inside = Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals(method));
                if (inside && e.getKey().getState() == Thread.State.WAITING) {
                    return e.getKey();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no thread waits in " + method + " after 60 s");
    }
}
