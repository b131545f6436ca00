package org.brainfx.app.network.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.RunningJob;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.ValueSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulation view-model without a screen: latest-wins re-runs, failures, and the jobs panel's commands. */
class SimulationViewModelTest {
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("org.brainfx.ui.messages");
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<NetworkSpec> spec = new AtomicReference<>(SimulationViewTest.network(400));
    private final SimulationViewModel model = new SimulationViewModel(spec::get, () -> null, MESSAGES,
            BackgroundTasks.computeExecutor(), uiThread::execute);

    @AfterEach
    void stopUi() {
        uiThread.shutdownNow();
    }

    private <T> T onUi(Callable<T> c) throws Exception {
        return uiThread.submit(c).get(10, TimeUnit.SECONDS);
    }

    private void waitFor(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onUi(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; status: " + onUi(() -> model.statusProperty().get()));
            }
            Thread.sleep(20);
        }
    }

    @Test
    void knobChangesDuringARunLeaveOnlyTheNewestToRunNext() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        onUi(() -> {
            model.liveProperty().addListener((o, a, b) -> runs.incrementAndGet());
            model.teachingProperty().set(true);
            return null;
        });
        waitFor(() -> model.stateProperty().get() == SimulationViewModel.State.RUNNING, "the first run");
        onUi(() -> {
            for (double g = 3.5; g > 1.9; g -= 0.5) {
                model.gProperty().set(g);
            }
            return null;
        });
        waitFor(() -> model.stateProperty().get() == SimulationViewModel.State.IDLE && model.resultProperty().get() != null,
                "the re-run to end");
        assertEquals(2, runs.get(), "one run, then only the newest of four settings");
        assertEquals(2.0, onUi(() -> model.gProperty().get()), 1e-12);
        NetworkSpec scaled = SpecScaling.apply(spec.get(), new TeachingKnobs(1, 2, 1), 4).spec();
        var engine = org.brainfx.engine.net.NetworkSimulator.run(org.brainfx.engine.net.NetworkFactory.build(scaled, null),
                org.brainfx.engine.net.RunOptions.defaults().withDuration(SimulationViewModel.TEACHING_MS));
        assertEquals(engine.spikeCount(), onUi(() -> model.resultProperty().get().spikeCount()));
    }

    @Test
    void aNetworkThatCannotBeBuiltIsReportedByNameAndLeavesTheViewIdle() throws Exception {
        NetworkSpec good = spec.get();
        ProjectionSpec wrong = new ProjectionSpec("X->E", "X", "E", "delta", Map.of(), null, null, null, null,
                ConnectivitySpec.oneToOne(), ValueSpec.constant(1), null, null, null, null);
        List<ProjectionSpec> projections = new java.util.ArrayList<>(good.projections());
        projections.add(wrong);
        spec.set(new NetworkSpec(good.name(), null, good.dt(), good.duration(), good.seed(), good.populations(), good.sources(),
                projections, good.currents(), good.monitors()));
        onUi(() -> {
            model.run();
            return null;
        });
        waitFor(() -> !model.failureProperty().get().isEmpty(), "the failure");
        String failure = onUi(() -> model.failureProperty().get());
        assertTrue(failure.contains("X"), failure);
        assertEquals(SimulationViewModel.State.IDLE, onUi(() -> model.stateProperty().get()));
        assertEquals(failure, onUi(() -> model.statusProperty().get()));
        spec.set(null);
        onUi(() -> {
            model.run();
            return null;
        });
        assertEquals(MESSAGES.getString("sim.noNetwork"), onUi(() -> model.failureProperty().get()));
    }

    @Test
    void theJobsPanelPausesResumesAndStopsTheRun() throws Exception {
        spec.set(SimulationViewTest.network(5000));
        RunningJob job = model.runningJob("Simulate small-ei");
        assertTrue(job.pausable());
        onUi(() -> {
            model.run();
            return null;
        });
        waitFor(() -> model.stateProperty().get() == SimulationViewModel.State.RUNNING && model.fraction() > 0.02, "the run");
        assertTrue(onUi(() -> job.active().get()));
        onUi(() -> {
            job.pause();
            return null;
        });
        assertTrue(onUi(() -> job.paused().get()));
        double at = onUi(model::fraction);
        Thread.sleep(300);
        double still = onUi(model::fraction);
        Thread.sleep(300);
        assertEquals(still, onUi(model::fraction), 0.0, "paused");
        assertTrue(still - at < 0.01, "at most one checkpoint after the pause");
        onUi(() -> {
            job.resume();
            return null;
        });
        waitFor(() -> model.fraction() > still + 0.02, "the run to go on");
        onUi(() -> {
            job.cancel();
            return null;
        });
        waitFor(() -> !job.active().get(), "the run to stop");
        assertNotNull(onUi(() -> model.resultProperty().get()));
        assertFalse(onUi(() -> model.resultProperty().get().completedSteps() == 50_000), "stopped before its end");
        assertTrue(onUi(() -> job.message().get()).startsWith("Simulated"));
    }

    @Test
    void closingStopsTheRunAndForgetsAWaitingRerun() throws Exception {
        spec.set(SimulationViewTest.network(5000));
        AtomicInteger runs = new AtomicInteger();
        onUi(() -> {
            model.liveProperty().addListener((o, a, b) -> runs.incrementAndGet());
            model.run();
            return null;
        });
        waitFor(() -> model.stateProperty().get() == SimulationViewModel.State.RUNNING, "the run");
        onUi(() -> {
            model.teachingProperty().set(true);
            model.close();
            return null;
        });
        waitFor(() -> model.stateProperty().get() == SimulationViewModel.State.IDLE, "the run to stop");
        Thread.sleep(300);
        assertEquals(1, runs.get(), "no re-run after closing");
        assertTrue(onUi(() -> model.resultProperty().get().completedSteps()) < 50_000);
    }
}
