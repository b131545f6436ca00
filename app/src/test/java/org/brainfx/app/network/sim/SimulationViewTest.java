package org.brainfx.app.network.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.MonitorSpec;
import org.brainfx.engine.net.NetworkBuilder;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkResult;
import org.brainfx.engine.net.NetworkSimulator;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.RunOptions;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.ValueSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The simulation view on a small E/I network: run, raster, pause/resume/stop, a clicked neuron, histograms, teaching sliders. */
@ExtendWith(ApplicationExtension.class)
class SimulationViewTest {
    private static final ModelSpec LIF = ModelText.parse(String.join("\n",
            "model lif", "state V = 0 mV", "param tau = 20 ms fixed", "input I : mV",
            "dV/dt = (-V + I)/tau", "spike V > 20 mV", "reset V = 10 mV", "refractory 2 ms", "integrator exp_euler"));
    private final AtomicReference<NetworkSpec> spec = new AtomicReference<>(network(400));
    private SimulationView view;

    /** A driven E/I network with delta synapses that fires throughout (g = 4 of Brunel's kind). */
    static NetworkSpec network(double durationMs) {
        return NetworkBuilder.network("small-ei").dt(0.1).duration(durationMs).seed(7)
                .population("E", 160, "excitatory", LIF).initial("V", ValueSpec.uniform(0, 20)).add()
                .population("I", 40, "inhibitory", LIF).initial("V", ValueSpec.uniform(0, 20)).add()
                .source(SourceSpec.poisson("ext", 200, 8000))
                .projection("ext", "E").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedInDegree(1))
                .weights(ValueSpec.constant(0.3)).add()
                .projection("ext", "I").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedInDegree(1))
                .weights(ValueSpec.constant(0.3)).add()
                .projection("E", "E").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedProbability(0.1))
                .weights(ValueSpec.constant(0.2)).delays(ValueSpec.constant(1.5)).add()
                .projection("E", "I").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedProbability(0.1))
                .weights(ValueSpec.constant(0.2)).delays(ValueSpec.constant(1.5)).add()
                .projection("I", "E").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedProbability(0.1))
                .weights(ValueSpec.constant(0.8)).delays(ValueSpec.constant(1.5)).add()
                .projection("I", "I").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedProbability(0.1))
                .weights(ValueSpec.constant(0.8)).delays(ValueSpec.constant(1.5)).add()
                .build();
    }

    @Start
    void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
        view = new SimulationView(spec::get, () -> null, messages, BackgroundTasks.computeExecutor(), UiExecutor.fx());
        stage.setScene(new Scene(view.root(), 1200, 780));
        stage.show();
    }

    private SimulationViewModel model() {
        return view.model();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model().stateProperty().get() == SimulationViewModel.State.IDLE
                && (model().resultProperty().get() != null || !model().failureProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", model().failureProperty().get());
    }

    @Test
    void aRunPaintsEveryEngineSpikeInItsColourAndEndsWithHistograms(FxRobot robot) throws Exception {
        robot.clickOn("#sim-run");
        waitIdle();
        NetworkResult engine = NetworkSimulator.run(NetworkFactory.build(spec.get(), null), RunOptions.defaults());
        LiveSpikes live = model().liveProperty().get();
        assertEquals(engine.completedSteps(), live.step());
        for (int p = 0; p < 2; p++) {
            assertTrue(engine.spikeSteps().get(p).length > 100, "population " + p + " fires");
            assertEquals(engine.spikeSteps().get(p).length, live.count(p), "spikes of population " + p + " as the engine has them");
            assertArrayEquals(engine.spikeNeurons().get(p), java.util.Arrays.copyOf(live.neurons(p), live.count(p)));
        }
        int e = fx(() -> view.rasterPixelsOf(0));
        int i = fx(() -> view.rasterPixelsOf(1));
        assertTrue(e > 100 && i > 20, "E and I pixels on the raster: " + e + ", " + i);
        assertTrue(view.rasterPictures() >= 3, "the raster was painted while the run streamed: " + view.rasterPictures());
        FiringHistograms h = model().histogramsProperty().get();
        assertNotNull(h);
        assertEquals(engine.meanRateHz("E"), h.populations().get(0).meanRateHz(), 1e-9);
        assertEquals(engine.meanCvIsi("I"), h.populations().get(1).meanCv(), 1e-12);
        assertEquals(160, java.util.Arrays.stream(h.populations().get(0).rates()).sum(), "every E neuron in the rate histogram");
        String summary = robot.lookup("#sim-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("E: mean rate") && summary.contains("mean CV"), summary);
        assertTrue(model().statusProperty().get().startsWith("Simulated 400 ms"), model().statusProperty().get());
    }

    @Test
    void pauseHoldsTheRunResumeContinuesItAndStopEndsIt(FxRobot robot) throws Exception {
        spec.set(network(4000));
        robot.clickOn("#sim-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model().liveProperty().get() != null
                && model().liveProperty().get().step() > 500);
        robot.clickOn("#sim-pause");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model().stateProperty().get() == SimulationViewModel.State.PAUSED);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        int held = fx(() -> model().liveProperty().get().step());
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(held, (int) fx(() -> model().liveProperty().get().step()), "no steps while paused");
        assertTrue(model().statusProperty().get().startsWith("Paused at"), model().statusProperty().get());

        robot.clickOn("#sim-resume");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model().liveProperty().get().step() > held + 1000);
        robot.clickOn("#sim-stop");
        waitIdle();
        NetworkResult r = model().resultProperty().get();
        assertTrue(r.completedSteps() > held + 1000 && r.completedSteps() < r.steps(), "stopped part-way: " + r.completedSteps());
        NetworkResult engine = NetworkSimulator.run(NetworkFactory.build(spec.get(), null),
                RunOptions.defaults().withDuration(r.completedSteps() * 0.1));
        assertEquals(engine.spikeSteps().get(0).length, model().liveProperty().get().count(0),
                "a paused and resumed run fires as an uninterrupted one");
    }

    @Test
    void clickingANeuronShowsItsMembranePotentialWithItsSpikes(FxRobot robot) throws Exception {
        robot.clickOn("#sim-run");
        waitIdle();
        robot.clickOn("#sim-raster-image");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model().traceProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        MembraneTrace t = model().traceProperty().get();
        // The click lands in the middle of the picture: overall row 100 of 200 is E neuron 100.
        assertEquals("E", t.population());
        assertEquals(100, t.neuron(), 2);
        assertEquals("V", t.state());
        assertEquals(4000, t.values().length);
        assertTrue(t.spikeSteps().length >= 3, "the clicked neuron fired: " + t.spikeSteps().length);
        // The repeated run is the live one: V sits at the reset (10 mV) right after each of the live run's spikes.
        int resets = 0;
        for (int k = 1; k < t.values().length; k++) {
            if (t.values()[k] == 10.0 && t.values()[k - 1] != 10.0) {
                resets++;
            }
        }
        assertEquals(t.spikeSteps().length, resets, 1, "resets in V against spikes on the raster");
        for (int s : t.spikeSteps()) {
            if (s + 1 < t.values().length) {
                assertEquals(10.0, t.values()[s + 1], 1e-9, "V reset after the spike at step " + s);
            }
        }
        assertTrue(fx(() -> robot.lookup("#sim-trace-status").queryAs(Label.class).getText()).isEmpty());
    }

    @Test
    void teachingSlidersRerunTheNetworkWithTheKnobsApplied(FxRobot robot) throws Exception {
        robot.clickOn("#sim-teaching");
        assertTrue(robot.lookup("#sim-teaching").queryAs(CheckBox.class).isSelected());
        waitIdle();
        NetworkResult first = model().resultProperty().get();
        assertEquals((int) Math.round(SimulationViewModel.TEACHING_MS / 0.1), first.completedSteps(), "a short run");
        assertEquals(4.0, model().gProperty().get(), 1e-12, "the project's g = 0.8 / 0.2");

        Slider g = robot.lookup("#sim-knob-g").queryAs(Slider.class);
        robot.drag(g.lookup(".thumb")).moveBy(-40, 0).moveBy(-40, 0).drop();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model().resultProperty().get() != null
                && model().resultProperty().get() != first && model().stateProperty().get() == SimulationViewModel.State.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        double gNow = model().gProperty().get();
        assertTrue(gNow < 3, "the slider moved g down: " + gNow);
        NetworkResult last = model().resultProperty().get();
        // The newest setting won: the last run is the network with the slider's final g.
        NetworkSpec scaled = SpecScaling.apply(spec.get(), new TeachingKnobs(1, gNow, 1), 4.0).spec();
        NetworkResult engine = NetworkSimulator.run(NetworkFactory.build(new NetworkSpec(scaled.name(), null, scaled.dt(),
                scaled.duration(), scaled.seed(), scaled.populations(), scaled.sources(), scaled.projections(), scaled.currents(),
                List.of(MonitorSpec.spikes())), null), RunOptions.defaults().withDuration(SimulationViewModel.TEACHING_MS));
        assertEquals(engine.spikeCount(), last.spikeCount());
        assertTrue(last.meanRateHz("E") > first.meanRateHz("E"), "weaker inhibition, higher rates: "
                + first.meanRateHz("E") + " → " + last.meanRateHz("E"));
    }
}
