package org.brainfx.app.network.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.workbench.WorkbenchApp;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeOptions;
import org.brainfx.engine.data.connectome.Connectomes;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.connectome.ConnectomeProjects;
import org.brainfx.engine.net.connectome.NeuronMapping;
import org.brainfx.engine.net.connectome.NetworkConnectivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Import connectome… as a user meets it, headless: a real connectome read in the background
 * shows its counts, sorted matrix and histograms, and Create writes a network project with the
 * file's counts (read back through the engine); a malformed file shows its line and fix and writes
 * nothing; a slow read is cancelled at once and its late result dropped.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectomeImportFlowTest {
    // Copies of the samples' data (MIT licence; provenance in each sample's data/PROVENANCE.md).
    private static final Path CELEGANS = Path.of("../sample-projects/celegans-connectome/data/"
            + "celegans_varshney2011_NeuronConnect.csv");
    private static final Path MB = Path.of("../sample-projects/drosophila-mushroom-body/data/");

    @TempDir
    Path dir;
    private ConnectomeImportModel model;
    private final AtomicReference<Path> opened = new AtomicReference<>();
    // What the next read does before it reads; tests that need a slow file set it.
    private volatile CountDownLatch slowRead;

    @Start
    void start(Stage stage) {
        ResourceBundle messages = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
        model = new ConnectomeImportModel(messages, BackgroundTasks.executor(), UiExecutor.fx(), (file, options) -> {
            CountDownLatch gate = slowRead;
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Connectomes.read(file, options);
        });
        ConnectomeImportView view = new ConnectomeImportView(model, messages, stage);
        view.setOpener(opened::set);
        Scene scene = new Scene(view.root(), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    private void read(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> robot.lookup("#connectome-file").queryAs(TextField.class).setText(file.toString()));
        robot.clickOn("#connectome-read");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.state().get() != ConnectomeImportModel.State.READING);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void celegansTableShowsItsCountsAndCreatesANetworkWithThem(FxRobot robot) throws Exception {
        Path file = Files.copy(CELEGANS, dir.resolve(CELEGANS.getFileName()));
        read(robot, file);

        assertEquals(ConnectomeImportModel.State.PREVIEW, model.state().get(), model.error().get());
        assertEquals("279", text(robot, "#connectome-stat-nodes"));
        assertEquals("3225", text(robot, "#connectome-stat-edges"));
        assertEquals("8171", text(robot, "#connectome-stat-weight"));
        assertEquals("chemical 2194, electrical 1031", text(robot, "#connectome-stat-layers"));
        assertTrue(text(robot, "#connectome-status").contains("279 nodes, 3225 edges"), text(robot, "#connectome-status"));
        ImageView heatmap = robot.lookup("#connectome-heatmap").queryAs(ImageView.class);
        assertNotNull(heatmap.getImage());
        assertEquals(279, heatmap.getImage().getWidth(), "a pixel per neuron");
        assertEquals(279, robot.lookup("#connectome-out-degree").queryAs(DegreeHistogramCanvas.class).histogram().total());
        assertEquals("GABAergic \u2192 other", text(robot, "#connectome-heatmap-populations"));
        TableView<?> table = robot.lookup("#connectome-populations").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        assertEquals(List.of("GABAergic 26 INHIBITORY", "other 253 EXCITATORY"), model.populations().stream()
                .map(r -> r.name() + " " + r.size() + " " + r.sign().get()).toList());

        @SuppressWarnings("unchecked")
        ComboBox<String> layer = robot.lookup("#connectome-heatmap-layer").queryAs(ComboBox.class);
        assertTrue(layer.isVisible());
        assertEquals(List.of("", "chemical", "electrical"), layer.getItems());
        AdjacencyHeatmap all = model.heatmap().get();
        robot.interact(() -> layer.setValue("electrical"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.heatmap().get() != all);
        AdjacencyHeatmap gaps = model.heatmap().get();
        for (int i = 0; i < gaps.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(gaps.argb()[i * gaps.size() + j], gaps.argb()[j * gaps.size() + i],
                        "gap junctions are undirected: the picture is symmetric at " + i + ", " + j);
            }
        }
        assertEquals(heatmap.getImage().getWidth(), gaps.size());

        Path project = dir.resolve("worm").resolve("worm.brainfx.json");
        robot.interact(() -> robot.lookup("#connectome-project").queryAs(TextField.class).setText(project.toString()));
        robot.interact(() -> robot.lookup("#connectome-weight-scale").queryAs(TextField.class).setText("0.4"));
        robot.clickOn("#connectome-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null || !model.error().get().isEmpty());
        assertEquals("", model.error().get());
        assertEquals(project, opened.get(), "the written project is handed to the workbench to open");

        // Read back through the engine: the network has the file's neurons and connections.
        Connectome c = Connectomes.read(file);
        NetworkSpec spec = NetworkProjectFiles.read(project).network();
        assertEquals(279, spec.populations().stream().mapToInt(PopulationSpec::size).sum());
        assertEquals("inhibitory", spec.population("GABAergic").type());
        Network built = NetworkFactory.build(spec, project.getParent());
        Connectome wiring = NetworkConnectivity.of(built, null);
        assertEquals(c.layer("chemical").edgeCount(), wiring.layer(NetworkConnectivity.CHEMICAL).edgeCount());
        EdgeLayer gap = c.layer("electrical");
        int gapLoops = 0;
        for (int i = 0; i < c.nodeCount(); i++) {
            gapLoops += gap.weight(i, i) != 0 ? 1 : 0;
        }
        assertEquals(gap.edgeCount() - gapLoops, wiring.layer(NetworkConnectivity.ELECTRICAL).edgeCount(),
                "every gap junction but a neuron's with itself");
        NeuronMapping saved = ConnectomeProjects.readMapping(project).neurons();
        assertEquals("../" + file.getFileName(), saved.file(), "the data is found relative to the project");
        assertEquals(0.4, saved.weightScale());
        assertEquals("lif", saved.model().builtin());
    }

    @Test
    void mushroomBodyTypesBecomePopulationsWhoseSignsTheUserSets(FxRobot robot) throws Exception {
        Path file = Files.copy(MB.resolve("drosophila_larva_mb_left_adjacency.csv"),
                dir.resolve("drosophila_larva_mb_left_adjacency.csv"));
        Path labels = Files.copy(MB.resolve("drosophila_larva_mb_left_cell_labels.csv"),
                dir.resolve("drosophila_larva_mb_left_cell_labels.csv"));
        robot.interact(() -> robot.lookup("#connectome-labels").queryAs(TextField.class).setText(labels.toString()));
        read(robot, file);

        assertEquals("209", text(robot, "#connectome-stat-nodes"), model.error().get());
        assertEquals("7425", text(robot, "#connectome-stat-edges"));
        assertEquals("I 21, K 101, O 29, P 58", text(robot, "#connectome-stat-node-types"));
        assertEquals(List.of("K 1.0", "I 0.0", "O -1.0", "P 1.0"), model.populations().stream()
                .map(r -> r.name() + " " + r.sign().get().value()).toList(), "the literature's signs, populations in the labels' order");
        @SuppressWarnings("unchecked")
        ComboBox<Sign> output = robot.lookup("#connectome-sign-O").queryAs(ComboBox.class);
        robot.interact(() -> output.setValue(Sign.EXCITATORY));
        assertEquals("O", model.populations().get(2).name());
        assertEquals(Sign.EXCITATORY, model.populations().get(2).sign().get(), "the row's choice is the mapping's");

        Path project = dir.resolve("mb.brainfx.json");
        robot.interact(() -> model.projectFile().set(project.toString()));
        robot.clickOn("#connectome-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null || !model.error().get().isEmpty());
        assertEquals(project, opened.get(), model.error().get());
        NeuronMapping saved = ConnectomeProjects.readMapping(project).neurons();
        assertEquals("type", saved.groupBy());
        assertEquals(1.0, saved.signs().get("O"));
        assertEquals(0.0, saved.signs().get("I"));
        assertEquals(labels.getFileName().toString(), saved.labels());
        NetworkSpec spec = NetworkProjectFiles.read(project).network();
        assertEquals(List.of("K 101", "I 21", "O 29", "P 58"), spec.populations().stream()
                .map(p -> p.name() + " " + p.size()).toList());

        @SuppressWarnings("unchecked")
        ComboBox<PopulationGrouping> grouping = robot.lookup("#connectome-grouping").queryAs(ComboBox.class);
        robot.interact(() -> grouping.setValue(grouping.getItems().get(grouping.getItems().size() - 1)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.populations().size() == 1);
        assertEquals("neurons 209", model.populations().get(0).name() + " " + model.populations().get(0).size());
    }

    @Test
    void malformedFileShowsTheLineAndFixAndWritesNothing(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "pre,post,weight\nAVAL,AVBL,3\nAVBL,RIML,three\nRIML,AVAL,1\n");
        read(robot, bad);

        assertEquals(ConnectomeImportModel.State.FAILED, model.state().get());
        Label error = robot.lookup("#connectome-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals(bad + ": line 3: weight 'three' (field 3) is not a number; write the synapse count or weight as a"
                + " number", error.getText());
        assertNull(model.preview().get());
        assertTrue(robot.lookup("#connectome-create").queryAs(Button.class).isDisabled());
        robot.interact(() -> model.create(opened::set));
        assertNull(opened.get());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(bad), files.toList(), "nothing written");
        }

        Files.writeString(bad, "pre,post,weight\nAVAL,AVBL,3\nAVBL,RIML,2\n");
        read(robot, bad);
        assertFalse(error.isVisible(), "fixed and read again: the error goes");
        assertEquals("3", text(robot, "#connectome-stat-nodes"));
    }

    @Test
    void cancellingASlowReadReturnsAtOnceAndDropsItsLateResult(FxRobot robot) throws Exception {
        Path file = Files.copy(CELEGANS, dir.resolve(CELEGANS.getFileName()));
        CountDownLatch gate = new CountDownLatch(1);
        slowRead = gate;
        robot.interact(() -> robot.lookup("#connectome-file").queryAs(TextField.class).setText(file.toString()));
        robot.clickOn("#connectome-read");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ConnectomeImportModel.State.READING, model.state().get());
        assertTrue(robot.lookup("#connectome-progress").query().isVisible(), "the read shows it is under way");
        Button cancel = robot.lookup("#connectome-cancel").queryAs(Button.class);
        assertFalse(cancel.isDisabled());
        robot.clickOn("#connectome-cancel");

        assertEquals(ConnectomeImportModel.State.EMPTY, model.state().get());
        assertEquals("Reading cancelled.", text(robot, "#connectome-status"));
        assertFalse(robot.lookup("#connectome-read").queryAs(Button.class).isDisabled(), "Read works again");
        slowRead = null;
        gate.countDown();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.preview().get(), "the cancelled read's result is dropped");
        assertEquals(ConnectomeImportModel.State.EMPTY, model.state().get());

        read(robot, file);
        assertEquals("279", text(robot, "#connectome-stat-nodes"), "a new read after the cancel");
    }

    @Test
    void settingsTheProjectCannotKeepAreRefusedBeforeWriting(FxRobot robot) throws Exception {
        Path file = dir.resolve("m.txt");
        Files.writeString(file, "0 1 2\n3 0 0\n0 4 0\n");
        robot.interact(() -> model.rows().set(ConnectomeOptions.Rows.POST));
        read(robot, file);
        assertEquals("3", text(robot, "#connectome-stat-nodes"), model.error().get());
        Label problem = robot.lookup("#connectome-create-problem").queryAs(Label.class);
        assertTrue(problem.getText().contains("Matrix rows to auto"), problem.getText());
        assertTrue(robot.lookup("#connectome-create").queryAs(Button.class).isDisabled());
        robot.interact(() -> model.rows().set(ConnectomeOptions.Rows.AUTO));
        assertTrue(problem.getText().contains("press Read"), "the preview no longer shows what would be written: "
                + problem.getText());
        read(robot, file);
        assertEquals("", problem.getText());
        robot.interact(() -> model.weightScale().set("-1"));
        assertTrue(problem.getText().contains("Weight per synapse: -1 must be a number above 0"), problem.getText());
        robot.interact(() -> model.weightScale().set("1"));
        assertEquals("", problem.getText());
        assertFalse(robot.lookup("#connectome-create").queryAs(Button.class).isDisabled());
    }
}
