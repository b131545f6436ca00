package org.brainfx.engine.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectException;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.ResolvedProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fit jobs: batching, gradients in model units, budgets, pause/resume, cancel, divergence, refusal. */
class FitJobTest {
    static final Path HH_SYNTHETIC = Path.of("..", "sample-projects", "hh-synthetic");

    static FitConfig hh(String optimizer, int starts, int iterations) {
        return FitConfig.of(ResolvedProject.load(HH_SYNTHETIC)).with(optimizer, starts, iterations, null, null, 7L, null);
    }

    @Test
    void batchedCandidatesGiveTheSameLossesAndGradientsAsSingleOnes() {
        FitProblem p = new FitProblem(hh("lbfgsb", 3, 1));
        double[][] x = {{0.01, 20, 6, -58}, {0.005, 30, 4, -55}, {0.02, 10, 8, -62}};
        double[][] g = new double[3][4];
        double[] all = p.evaluate(x, g);
        for (int k = 0; k < 3; k++) {
            double[][] g1 = new double[1][4];
            double[] one = p.evaluate(new double[][] {x[k]}, g1);
            assertEquals(one[0], all[k], 0.0);
            assertArrayEquals(g1[0], g[k], 0.0);
        }
    }

    @Test
    void gradientInModelUnitsMatchesFiniteDifferences() {
        FitProblem p = new FitProblem(hh("lbfgsb", 1, 1));
        double[] x = {0.01, 20, 6, -58};
        double[][] g = new double[1][4];
        p.evaluate(new double[][] {x}, g);
        for (int d = 0; d < 4; d++) {
            double h = 1e-6 * Math.abs(x[d]);
            double[] up = x.clone();
            double[] down = x.clone();
            up[d] += h;
            down[d] -= h;
            double fd = (p.evaluate(new double[][] {up}, null)[0] - p.evaluate(new double[][] {down}, null)[0]) / (2 * h);
            assertEquals(fd, g[0][d], 1e-5 * Math.abs(fd) + 1e-9, "d loss / d " + p.dimension() + "[" + d + "]");
        }
    }

    @Test
    void sameSeedGivesTheSameFit() {
        FitResult a = new FitJob(hh("lbfgsb", 4, 15)).run(null);
        FitResult b = new FitJob(hh("lbfgsb", 4, 15)).run(null);
        assertEquals(a.loss(), b.loss(), 0.0);
        assertEquals(a.params(), b.params());
        assertTrue(a.history().get(a.history().size() - 1).bestLoss() < a.history().get(0).bestLoss());
    }

    @Test
    void pauseAndResumeContinueExactlyAsAnUninterruptedFit() throws Exception {
        FitResult plain = new FitJob(hh("lbfgsb", 4, 25)).run(null);
        FitJob job = new FitJob(hh("lbfgsb", 4, 25));
        List<String> states = new ArrayList<>();
        AtomicInteger seen = new AtomicInteger();
        CompletableFuture<FitResult> f = job.start(p -> {
            states.add(p.state());
            if (seen.incrementAndGet() == 2) {
                job.pause();
            }
        });
        awaitCondition(() -> job.latest() != null && "paused".equals(job.latest().state()));
        Thread worker = awaitThreadWaitingIn("awaitIfPaused");
        assertEquals("paused", job.latest().state(), "the job reports that it is paused");
        int pausedAt = job.latest().iteration();
        assertEquals(Thread.State.WAITING, worker.getState(), "the worker waits instead of working while paused");
        assertEquals(pausedAt, job.latest().iteration(), "no work while paused");
        job.resume();
        FitResult resumed = f.get(60, TimeUnit.SECONDS);
        assertEquals(plain.loss(), resumed.loss(), 0.0);
        assertEquals(plain.params(), resumed.params());
        assertEquals(plain.evaluations(), resumed.evaluations());
    }

    @Test
    void aSlowListenerGetsCoalescedSnapshotsAndEndsWithTheFinalOne() throws Exception {
        List<FitProgress> seen = Collections.synchronizedList(new ArrayList<>());
        FitJob job = new FitJob(hh("lbfgsb", 4, 40));
        CountDownLatch fitDone = new CountDownLatch(1);
        // The listener is as slow as can be: it holds its first delivery until the whole fit has run.
        CompletableFuture<FitResult> f = job.start(p -> {
            seen.add(p);
            try {
                assertTrue(fitDone.await(60, TimeUnit.SECONDS), "the fit ends while the listener is busy");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaitCondition(() -> job.latest() != null && "finished".equals(job.latest().state()));
        fitDone.countDown();
        FitResult r = f.get(60, TimeUnit.SECONDS);
        assertTrue(r.history().size() > seen.size(), "fewer deliveries (" + seen.size() + ") than rounds ("
                + r.history().size() + ")");
        assertEquals("finished", seen.get(seen.size() - 1).state(), "the last delivery is the final snapshot");
        assertEquals(r.loss(), seen.get(seen.size() - 1).bestLoss(), 0.0);
    }

    @Test
    void cancelReturnsTheBestPointSoFar() throws Exception {
        FitJob job = new FitJob(hh("lbfgsb", 8, 100000));
        CompletableFuture<FitResult> f = job.start(p -> {
            if (p.iteration() >= 3) {
                job.cancel();
            }
        });
        FitResult r = f.get(60, TimeUnit.SECONDS);
        assertEquals("cancelled", r.stopReason());
        assertTrue(Double.isFinite(r.loss()));
        assertEquals(4, r.params().size());
        assertEquals(5, r.perSweepLoss().length);
    }

    @Test
    void divergingCandidatesAreRejectedAndCounted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runaway.model"), String.join("\n",
                "model runaway",
                "state x = 1 mV",
                "param k = -0.1 /ms in [-1, 40]",
                "input I : nA",
                "const R = 1 MOhm",
                "dx/dt = k*x + I*R/(1 ms)",
                "integrator euler"));
        Project p = new Project(1, "runaway", "", new Project.ModelRef(null, "runaway.model", null), null,
                new Project.Stimulus(0.1, null, null, List.of(List.of(0.5, 100.0)), "nA"), List.of("x"),
                new Project.Target("x", null, Map.of("k", -0.2)),
                new FitSettings(null, null, "de", 16, 15, null, null, 3L, null));
        Path file = dir.resolve("runaway" + ProjectFiles.SUFFIX);
        ProjectFiles.write(p, file);
        FitResult r = new FitJob(FitConfig.of(ResolvedProject.load(file))).run(null);
        assertTrue(r.divergedEvaluations() > 0, "some candidates diverge");
        assertTrue(Double.isFinite(r.loss()), "the fit survives them");
        assertTrue(r.params().get("k") < 1, "and ends in the stable region: " + r.params());
    }

    @Test
    void fitWithEveryParameterFixedIsRefused(@TempDir Path dir) {
        Project p = new Project(1, "fixed", "", new Project.ModelRef("gif", null, null), null,
                new Project.Stimulus(0.1, null, null, List.of(List.of(1.0, 50.0)), "nA"), null,
                new Project.Target("V", null, Map.of("a", 0.005)),
                new FitSettings(Map.of(), null, null, null, null, null, null, null, null));
        Path file = dir.resolve("fixed" + ProjectFiles.SUFFIX);
        ProjectFiles.write(p, file);
        ProjectException e = assertThrows(ProjectException.class, () -> FitConfig.of(ResolvedProject.load(file)));
        assertTrue(e.getMessage().contains("nothing to fit"), e.getMessage());
        assertNotNull(e.getMessage());
    }

    /** Polls (up to 60 s) until {@code condition} holds. */
    static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached within 60 s");
            Thread.sleep(5);
        }
    }

    /** A live thread parked in {@code Object.wait} inside a method named {@code method} (polled, up to 60 s). */
    static Thread awaitThreadWaitingIn(String method) throws InterruptedException {
        Thread[] found = new Thread[1];
        awaitCondition(() -> {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                boolean inside = Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals(method));
                if (inside && e.getKey().getState() == Thread.State.WAITING) {
                    found[0] = e.getKey();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
