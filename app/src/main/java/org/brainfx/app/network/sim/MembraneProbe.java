package org.brainfx.app.network.sim;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.net.MonitorSpec;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkResult;
import org.brainfx.engine.net.NetworkSimulator;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.RunOptions;

/**
 * The membrane potential of a neuron clicked on the raster. A run is deterministic from its seed, so
 * the same spec is run again in the background up to the step the live run had reached, with a state
 * monitor on that one neuron: any neuron can be picked afterwards, and the live run keeps no potentials
 * (all of them would be 4 000 neurons × 10 000 steps × 8 bytes = 320 MB for the COBA benchmark). The
 * newest click wins: an earlier computation is cancelled and its outcome dropped.
 */
final class MembraneProbe {
    private final Supplier<Path> baseDir;
    private final ResourceBundle messages;
    private final Executor background;
    private final UiExecutor ui;
    private final ObjectProperty<MembraneTrace> trace = new SimpleObjectProperty<>(this, "trace");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private long requests;
    private AtomicBoolean cancel = new AtomicBoolean();

    MembraneProbe(Supplier<Path> baseDir, ResourceBundle messages, Executor background, UiExecutor ui) {
        this.baseDir = baseDir;
        this.messages = messages;
        this.background = background;
        this.ui = ui;
    }

    ReadOnlyObjectProperty<MembraneTrace> traceProperty() {
        return trace;
    }

    ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Cancels the computation in progress, if any. */
    void cancel() {
        cancel.set(true);
    }

    /** Computes neuron {@code neuron} of population {@code p} of the run of {@code ran} whose spikes so far are {@code spikes}. */
    void request(NetworkSpec ran, LiveSpikes spikes, int p, int neuron) {
        RasterLayout layout = spikes.layout();
        String pop = layout.names().get(p);
        String vName = layout.voltageStates().get(p);
        int steps = spikes.step();
        int[] spikeSteps = spikes.spikesOf(p, neuron);
        long request = ++requests;
        cancel.set(true);
        AtomicBoolean cancelThis = new AtomicBoolean();
        cancel = cancelThis;
        status.set(MessageFormat.format(messages.getString("sim.trace.computing"), pop, neuron));
        computing.set(true);
        NetworkSpec probe = new NetworkSpec(ran.name(), ran.description(), ran.dt(), ran.duration(), ran.seed(),
                ran.populations(), ran.sources(), ran.projections(), ran.currents(),
                List.of(MonitorSpec.states(pop, List.of(vName), List.of(neuron))));
        background.execute(() -> {
            try {
                Network net = NetworkFactory.build(probe, baseDir.get());
                NetworkResult r = NetworkSimulator.run(net, RunOptions.defaults().withDuration(steps * ran.dt())
                        .withCancel(cancelThis::get));
                if (cancelThis.get()) {
                    return;
                }
                double[] v = r.traces().get(pop).values()[0][0];
                MembraneTrace t = new MembraneTrace(pop, neuron, vName, ran.dt(), v, spikeSteps);
                ui.execute(() -> {
                    if (request == requests) {
                        trace.set(t);
                        status.set("");
                        computing.set(false);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (request == requests) {
                        status.set(MessageFormat.format(messages.getString("sim.trace.failed"), e.getMessage()));
                        computing.set(false);
                    }
                });
            }
        });
    }
}
