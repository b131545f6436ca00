package org.brainfx.engine.net.connectome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.SharedData;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connectome sample projects hold the network their saved mapping generates (so an edited mapping is
 * regenerated, not hand-patched), with its synapse files; a written project reads back as both a
 * mapping and an ordinary network project.
 */
class ConnectomeProjectsTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects");
    private static final List<String> PROJECTS = List.of("celegans-connectome/celegans-connectome.brainfx.json",
            "drosophila-mushroom-body/drosophila-mushroom-body.brainfx.json",
            "macaque-multiarea/macaque-weak-gba.brainfx.json", "macaque-multiarea/macaque-strong-gba.brainfx.json");

    @Test
    void everyConnectomeSampleHoldsTheNetworkItsMappingGenerates() throws IOException {
        SharedData.require("connectomes/macaque_markov2014_29areas_fln.csv");
        for (String name : PROJECTS) {
            Path file = SAMPLES.resolve(name);
            NetworkProject project = NetworkProjectFiles.read(file);
            ConnectomeNetwork generated = ConnectomeProjects.build(project.name(), ConnectomeProjects.readMapping(file),
                    file.getParent());
            assertEquals(generated.spec(), project.network(), name + " is up to date with its mapping; run"
                    + " ./brainfx connectome-network " + file);
            for (Map.Entry<String, PairList> e : generated.files().entrySet()) {
                Path pairs = file.getParent().resolve(e.getKey());
                assertTrue(Files.isRegularFile(pairs), pairs + " is committed");
                Path fresh = Files.createTempFile("pairs", ".csv");
                e.getValue().write(fresh);
                assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(pairs), pairs + " is up to date");
                Files.delete(fresh);
            }
        }
    }

    @Test
    void aWrittenProjectReadsBackAsMappingAndNetwork(@TempDir Path dir) throws IOException {
        Path sample = SAMPLES.resolve("drosophila-mushroom-body");
        for (String f : List.of("data/drosophila_larva_mb_left_adjacency.csv", "data/drosophila_larva_mb_left_cell_labels.csv",
                "connectome_lif.model")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.copy(sample.resolve(f), dir.resolve(f));
        }
        ConnectomeMapping mapping = ConnectomeProjects.readMapping(sample.resolve("drosophila-mushroom-body.brainfx.json"));
        Path file = dir.resolve("mb.brainfx.json");
        ConnectomeNetwork net = ConnectomeProjects.write(file, "mb", "a test", mapping);
        assertEquals(mapping, ConnectomeProjects.readMapping(file));
        assertEquals(net.spec(), NetworkProjectFiles.read(file).network());
        assertTrue(Files.readString(dir.resolve(ConnectomeNetwork.NEURONS_FILE)).contains("\nK1,K,0\n"));
        ConnectomeNetwork again = ConnectomeProjects.regenerate(file);
        assertEquals(net.spec(), again.spec());
    }

    @Test
    void aProjectWithoutAMappingIsRefusedWithTheFix(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.brainfx.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"network\": {}}");
        String message = assertThrows(NetworkException.class, () -> ConnectomeProjects.readMapping(file)).getMessage();
        assertTrue(message.contains("no \"connectome\" mapping; add one"), message);
        Files.writeString(file, "{\"schemaVersion\": 1, \"connectome\": {\"mode\": \"cells\"}}");
        message = assertThrows(NetworkException.class, () -> ConnectomeProjects.regenerate(file)).getMessage();
        assertTrue(message.contains("mode 'cells' needs its settings"), message);
    }
}
