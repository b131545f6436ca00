package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every network sample project reads, builds and runs; network project files round-trip and refuse bad files with the fix. */
class NetworkSamplesTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects");

    static List<Path> networkProjects() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".brainfx.json")).filter(NetworkProjectFiles::isNetworkProject).sorted()
                    .toList();
        }
    }

    @Test
    void everyNetworkSampleBuildsAndFires() throws IOException {
        List<Path> projects = networkProjects();
        assertTrue(projects.size() >= 8, "network samples found: " + projects);
        for (Path file : projects) {
            NetworkProject project = NetworkProjectFiles.read(file);
            Network net = NetworkFactory.build(project.network(), NetworkProjectFiles.baseDir(file));
            NetworkResult r = NetworkSimulator.run(net, RunOptions.defaults().withDuration(Math.min(100.0, project.network().duration())));
            assertTrue(r.spikeCount() > 0, file + " fires in its first 100 ms");
            assertTrue(net.synapseCount() > 0, file + " has synapses");
        }
    }

    @Test
    void aProjectRoundTripsThroughItsFile(@TempDir Path dir) {
        NetworkProject project = new NetworkProject(1, "coba", "a test", BenchmarkNetworks.coba(400, 3));
        Path file = dir.resolve("coba.brainfx.json");
        NetworkProjectFiles.write(project, file);
        assertTrue(NetworkProjectFiles.isNetworkProject(file));
        assertEquals(project, NetworkProjectFiles.read(file));
    }

    @Test
    void badFilesAreRefusedWithTheFix(@TempDir Path dir) throws IOException {
        Path newer = dir.resolve("newer.brainfx.json");
        Files.writeString(newer, "{\"schemaVersion\": 99, \"network\": {}}");
        assertTrue(assertThrows(NetworkException.class, () -> NetworkProjectFiles.read(newer)).getMessage()
                .contains("update BrainFX"));
        Path broken = dir.resolve("broken.brainfx.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"network\": {\"populations\": [ {\"size\": \"many\"} ]}}");
        assertTrue(assertThrows(NetworkException.class, () -> NetworkProjectFiles.read(broken)).getMessage()
                .contains("not a valid network project"));
        Path noVersion = dir.resolve("old.brainfx.json");
        Files.writeString(noVersion, "{\"network\": {}}");
        assertTrue(assertThrows(NetworkException.class, () -> NetworkProjectFiles.read(noVersion)).getMessage()
                .contains("\"schemaVersion\": 1"));
    }
}
