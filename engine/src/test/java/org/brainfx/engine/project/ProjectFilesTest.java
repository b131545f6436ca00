package org.brainfx.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.brainfx.engine.job.FitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project files: older versions open, newer or missing ones are refused with the fix, results are kept, saves keep a backup. */
class ProjectFilesTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path f = dir.resolve("p.brainfx.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void aNetworkProjectIsRefusedWithTheCommandThatRunsIt() {
        ProjectException e = org.junit.jupiter.api.Assertions.assertThrows(ProjectException.class,
                () -> ProjectFiles.read(java.nio.file.Path.of("..", "sample-projects", "coba-benchmark")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("a network project")
                && e.getMessage().contains("brainfx simulate"), e.getMessage());
    }

    @Test
    void aTrainingProjectIsRefusedWithTheCommandThatTrainsIt() {
        String m = assertThrows(ProjectException.class,
                () -> ProjectFiles.read(Path.of("..", "sample-projects", "ea-training"))).getMessage();
        assertTrue(m.contains("a training project") && m.contains("brainfx train"), m);
    }

    @Test
    void aProjectFromANewerBrainfxIsRefusedNamingBothVersions() throws Exception {
        Path f = write("{\"schemaVersion\": 7, \"name\": \"x\", \"model\": {\"builtin\": \"lif\"}}");
        String m = assertThrows(ProjectException.class, () -> ProjectFiles.read(f)).getMessage();
        assertTrue(m.contains("schemaVersion 7") && m.contains("reads up to " + ProjectFiles.SCHEMA_VERSION)
                && m.contains("update BrainFX"), m);
    }

    @Test
    void aProjectWithoutASchemaVersionIsRefusedWithTheLineToAdd() throws Exception {
        Path f = write("{\"name\": \"x\", \"model\": {\"builtin\": \"lif\"}}");
        String m = assertThrows(ProjectException.class, () -> ProjectFiles.read(f)).getMessage();
        assertTrue(m.contains("\"schemaVersion\": " + ProjectFiles.SCHEMA_VERSION), m);
    }

    @Test
    void brokenJsonNamesThePlace() throws Exception {
        Path f = write("{\"schemaVersion\": 1, \"name\": }");
        String m = assertThrows(ProjectException.class, () -> ProjectFiles.read(f)).getMessage();
        assertTrue(m.startsWith(f.toString()) && m.contains("line 1"), m);
    }

    @Test
    void saveKeepsThePreviousVersionAsBackup() throws Exception {
        Path f = write("{\"schemaVersion\": 1, \"name\": \"old\", \"model\": {\"builtin\": \"lif\"}}");
        Project p = ProjectFiles.read(f);
        ProjectFiles.write(new Project(1, "new", null, p.model(), null, null, null, null, null), f);
        assertEquals("new", ProjectFiles.read(f).name());
        assertEquals("old", ProjectFiles.read(dir.resolve("p.brainfx.json.bak")).name());
    }

    @Test
    void aVersion1ProjectStillOpensResolvesAndIsWrittenAsTheCurrentVersion() throws Exception {
        // A project file as BrainFX wrote it before results were kept (schema version 1), with its data beside it.
        Path folder = dir.resolve("hh");
        Files.createDirectories(folder);
        Path f = folder.resolve("old.brainfx.json");
        try (InputStream in = getClass().getResourceAsStream("/projects/hh-synthetic-v1.brainfx.json")) {
            Files.copy(in, f);
        }
        assertTrue(Files.readString(f).contains("\"schemaVersion\": 1"));
        copyTree(Path.of("..", "sample-projects", "data", "hh-traces"), dir.resolve("data").resolve("hh-traces"));

        Project p = ProjectFiles.read(f);
        assertEquals(ProjectFiles.SCHEMA_VERSION, p.schemaVersion(), "read as the current version");
        assertEquals("hh-synthetic", p.name());
        assertEquals(List.of(), p.savedFits());
        ResolvedProject r = ResolvedProject.resolve(p, f);
        assertEquals(5, r.sweeps());
        assertEquals(4, r.project().fit().free().size());

        ProjectFiles.write(p, f);
        assertTrue(Files.readString(f).contains("\"schemaVersion\": " + ProjectFiles.SCHEMA_VERSION));
        assertEquals(p, ProjectFiles.read(f));
    }

    @Test
    void keptResultsAreWrittenAndReadBackEqual() throws Exception {
        Path f = write("{\"schemaVersion\": 2, \"name\": \"x\", \"model\": {\"builtin\": \"lif\"}}");
        Project p = ProjectFiles.read(f);
        FitResult r = new FitResult("x", "lbfgsb", 3, "0.1", 0.25, Map.of("tau", 12.5), new double[] {0.2, Double.NaN},
                List.of(new FitResult.HistoryPoint(1, 20, 0.5, 0.3)), 40, 1, 2, 1.5, new double[] {0.25, 0.4},
                "stalled", Map.of("mse", new double[] {0.2, 0.3}));
        SavedFit kept = SavedFit.of(r, p.fit(), Instant.parse("2026-12-07T16:00:00Z"), new double[] {1.5, 2.5},
                new int[] {3, 0}, null);
        Project withResult = p.withResults(List.of(kept));
        ProjectFiles.write(withResult, f);
        Project back = ProjectFiles.read(f);
        assertEquals(withResult, back);
        SavedFit s = back.savedFits().get(0);
        assertEquals("2026-12-07T16:00:00Z", s.date());
        assertEquals(12.5, s.params().get("tau"));
        assertTrue(Double.isNaN(s.perSweepLoss().get(1)), "a diverged sweep's loss survives as NaN");
        assertEquals(List.of(3, 0), s.targetSpikes());
        assertEquals(null, s.fittedSpikes());
        assertEquals(List.of(), back.withResults(List.of()).savedFits());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(p.getFileName().toString()));
            }
        }
    }
}
