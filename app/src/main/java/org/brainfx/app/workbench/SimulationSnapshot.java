package org.brainfx.app.workbench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.network.sim.SimulationView;
import org.brainfx.app.network.sim.SimulationViewModel;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkProjectFiles;

/**
 * {@code snapshot --view raster}: the simulation view of a network project in a window of its own, after
 * a run pressed as a person would, with the first excitatory neuron's membrane potential shown; reports
 * the raster pictures painted per second and the largest gap between JavaFX pulses while the network ran.
 */
final class SimulationSnapshot {
    private SimulationSnapshot() {
    }

    static Snapshots.Report render(Snapshots.Request request) throws IOException {
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        Path file = request.project();
        NetworkProject project = NetworkProjectFiles.read(file);
        SimulationView view = Snapshots.onFx(() -> {
            SimulationView v = new SimulationView(project::network, () -> NetworkProjectFiles.baseDir(file), messages,
                    BackgroundTasks.computeExecutor(), UiExecutor.fx());
            Stage stage = new Stage();
            Scene scene = new Scene(v.root(), request.width(), request.height());
            scene.getStylesheets().add(WorkbenchApp.themeStylesheet());
            stage.setScene(scene);
            stage.setTitle(project.name());
            stage.show();
            return v;
        });
        SimulationViewModel model = view.model();
        PulseMonitor pulses = new PulseMonitor();
        Snapshots.settle();
        Snapshots.onFx(() -> {
            pulses.restart();
            model.run();
            return null;
        });
        Snapshots.waitUntil(() -> model.stateProperty().get() != SimulationViewModel.State.BUILDING, "the network to build");
        long pictures0 = Snapshots.onFx(view::rasterPictures);
        long t0 = System.nanoTime();
        Snapshots.waitUntil(() -> model.stateProperty().get() == SimulationViewModel.State.IDLE, "the simulation to end");
        double seconds = (System.nanoTime() - t0) / 1e9;
        long pictures = Snapshots.onFx(view::rasterPictures) - pictures0;
        Snapshots.sleep(Snapshots.AFTER_FIT_MILLIS);
        double gap = Snapshots.onFx(() -> {
            pulses.stop();
            return pulses.largestGapMillis();
        });
        String longGaps = Snapshots.describe(pulses);
        if (!model.failureProperty().get().isEmpty()) {
            throw new IllegalStateException(file + ": the simulation failed: " + model.failureProperty().get());
        }
        Snapshots.waitUntil(() -> model.histogramsProperty().get() != null, "the firing histograms");
        Snapshots.onFx(() -> {
            model.showTrace(0, 0);
            return null;
        });
        Snapshots.waitUntil(() -> !model.traceComputingProperty().get(), "the membrane potential");
        Snapshots.settle();
        WritableImage image = Snapshots.onFx(() -> {
            WritableImage shot = view.root().getScene().snapshot(null);
            view.root().getScene().getWindow().hide();
            return shot;
        });
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Path out = request.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        if (!ImageIO.write(png, "png", out.toFile())) {
            throw new IOException(out + ": no PNG writer available");
        }
        return new Snapshots.Report(out, png.getWidth(), png.getHeight(), gap, seconds, longGaps,
                seconds > 0 ? pictures / seconds : Double.NaN);
    }
}
