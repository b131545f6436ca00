package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx connectome-network}: regenerates a project from its mapping, builds and exports its wiring; refuses a project without one. */
class ConnectomeNetworkCommandTest {
    private static final Path SAMPLE = Path.of("..", "sample-projects", "drosophila-mushroom-body");

    @TempDir
    Path dir;

    @Test
    void regeneratesBuildsAndExportsTheMushroomBody() throws IOException {
        for (String f : List.of("drosophila-mushroom-body.brainfx.json", "connectome_lif.model",
                "data/drosophila_larva_mb_left_adjacency.csv", "data/drosophila_larva_mb_left_cell_labels.csv")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.copy(SAMPLE.resolve(f), dir.resolve(f));
        }
        Path out = dir.resolve("export");
        CommandRun run = CommandRun.of("connectome-network", dir.toString(), "--export", out.toString());
        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.out().contains("(4 populations, 209 neurons, 7 projections; 6637 synapses in 7 wiring files)"),
                run.out());
        assertTrue(run.out().contains("built       209 neurons, 6637 synapses"), run.out());
        assertEquals(Files.readString(SAMPLE.resolve("wiring/odor_input_to_p.csv")),
                Files.readString(dir.resolve("wiring/odor_input_to_p.csv")));
        List<String> edges = Files.readAllLines(out.resolve("edges.csv"));
        assertEquals("pre,post,weight,type", edges.get(0));
        assertEquals(6637 - 58, edges.size() - 1, "every synapse between neurons; the 58 Poisson inputs are not nodes");
        assertTrue(edges.stream().anyMatch(l -> l.startsWith("O") && l.contains(",-")), "MBON outputs are negative");
        assertTrue(Files.size(out.resolve("chemical.npy")) > 209 * 209 * 8);
        assertEquals(209, Files.readAllLines(out.resolve("labels.txt")).size());
    }

    @Test
    void aProjectWithoutAMappingIsRefused() throws IOException {
        Path file = dir.resolve("plain.brainfx.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"network\": {}}");
        CommandRun run = CommandRun.of("connectome-network", file.toString());
        assertEquals(1, run.exitCode(), run.both());
        assertTrue(run.err().contains("no \"connectome\" mapping; add one"), run.both());
    }
}
