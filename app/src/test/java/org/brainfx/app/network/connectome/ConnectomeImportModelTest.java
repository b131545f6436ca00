package org.brainfx.app.network.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.workbench.WorkbenchApp;
import org.brainfx.engine.data.connectome.ConnectomeOptions;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.connectome.ConnectomeProjects;
import org.brainfx.engine.net.connectome.NetworkConnectivity;
import org.brainfx.engine.net.connectome.NeuronMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's state without a window: reads and groupings run on the calling thread. */
class ConnectomeImportModelTest {
    private static final Path CELEGANS = Path.of("../sample-projects/celegans-connectome/data/"
            + "celegans_varshney2011_NeuronConnect.csv");

    @TempDir
    Path dir;

    private ConnectomeImportModel model() {
        return new ConnectomeImportModel(ResourceBundle.getBundle(WorkbenchApp.MESSAGES), Runnable::run,
                UiExecutor.direct());
    }

    @Test
    void theProjectGoesBesideTheFileAndNamesItsFilesRelativeToItself() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = Files.copy(CELEGANS, data.resolve("worm.csv"));
        Path labels = Files.writeString(data.resolve("order.txt"), "");
        ConnectomeImportModel m = model();
        m.file().set(file.toString());
        m.read();
        assertEquals(ConnectomeImportModel.State.PREVIEW, m.state().get(), m.error().get());
        assertEquals(data.resolve("worm-network").resolve("worm-network.brainfx.json"), Path.of(m.projectFile().get()));
        m.selfLoops().set(ConnectomeOptions.SelfLoops.DROP);
        m.labels().set(labels.toString());
        m.gapScale().set("0");
        NeuronMapping mapping = m.mapping(dir.resolve("projects").resolve("worm"));
        assertEquals("../../data/worm.csv", mapping.file());
        assertEquals("../../data/order.txt", mapping.labels());
        assertNull(mapping.attributes());
        assertTrue(mapping.dropSelfLoops());
        assertEquals(0.0, mapping.gapScale());
        assertEquals(List.of(PopulationGrouping.GABAERGIC), List.copyOf(mapping.groups().keySet()));
        assertEquals("other", mapping.otherGroup());
        assertTrue(m.createProblem().contains("press Read"), "options changed after the preview: " + m.createProblem());
    }

    @Test
    void aSeparatorAndHeaderTheReaderCannotFindAreGivenAndKeptInTheProject() throws Exception {
        Path file = Files.writeString(dir.resolve("pairs.txt"), "from id|to id|synapses made\nA|B|2\nB|C|1\nC|A|4\n");
        ConnectomeImportModel m = model();
        m.file().set(file.toString());
        m.read();
        assertEquals(ConnectomeImportModel.State.FAILED, m.state().get());
        assertTrue(m.error().get().contains("line 2 has 1 fields"), m.error().get());
        m.separator().set(TableFormat.Separator.PIPE);
        m.header().set(TableFormat.Header.YES);
        m.read();
        assertEquals(ConnectomeImportModel.State.PREVIEW, m.state().get(), m.error().get());
        assertEquals(3, m.preview().get().summary().edges());
        Path[] opened = new Path[1];
        m.create(p -> opened[0] = p);
        assertEquals("", m.error().get());
        NeuronMapping saved = ConnectomeProjects.readMapping(opened[0]).neurons();
        assertEquals("|", saved.delimiter());
        assertEquals(Boolean.TRUE, saved.header());
        NetworkSpec spec = NetworkProjectFiles.read(opened[0]).network();
        assertEquals(3, spec.populations().get(0).size(), "the project reads the file as the preview did");
        assertEquals(3, NetworkConnectivity.of(NetworkFactory.build(spec, opened[0].getParent()), null)
                .layer(NetworkConnectivity.CHEMICAL).edgeCount());
    }

    @Test
    void aBadEdgeTypeMappingOrMissingFileIsRefusedBeforeReading() {
        ConnectomeImportModel m = model();
        m.read();
        assertEquals(ConnectomeImportModel.State.FAILED, m.state().get());
        assertEquals("Connectome file: choose a file.", m.error().get());
        m.file().set(CELEGANS.toString());
        m.edgeTypes().set("chemical");
        m.read();
        assertTrue(m.error().get().startsWith("Edge types: "), m.error().get());
        m.edgeTypes().set("chemical=S+Sp");
        m.read();
        assertEquals("", m.error().get());
        assertEquals(List.of(ConnectomeImportModel.ALL_LAYERS, "chemical"), List.copyOf(m.layers()));
        assertEquals(2194, m.preview().get().summary().edges());
    }
}
