package org.brainfx.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectException;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.ResolvedProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewProjectsTest {

    @TempDir
    Path dir;

    @Test
    void aProjectWithoutDataSimulatesTheStepProtocol() {
        Path file = dir.resolve("explore.brainfx.json");
        Project p = NewProjects.create("explore", "hh", null, file);
        ProjectFiles.write(p, file);
        ResolvedProject r = ResolvedProject.load(file);
        assertEquals(1, r.sweeps());
        assertEquals(12_000, r.steps(), "300 ms at 0.025 ms");
        assertNull(r.target());
        assertTrue(r.simulate().spikeCount(0) > 0, "0.5 nA makes the HH model spike");
    }

    @Test
    void aProjectOnARecordingStoresItRelativeAndResolves() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path abf = Files.copy(Path.of("..", "sample-projects", "abf-steps", "File_axon_5.abf"), data.resolve("cell.abf"));
        Path file = dir.resolve("cell.brainfx.json");
        Project p = NewProjects.create("cell", "adex", abf, file);
        assertEquals("data/cell.abf", p.recording().file());
        ProjectFiles.write(p, file);
        ResolvedProject r = ResolvedProject.load(file);
        assertTrue(r.sweeps() > 1);
        assertTrue(r.target() != null);
    }

    @Test
    void badInputIsRefusedWithTheFix() {
        Path file = dir.resolve("x.brainfx.json");
        assertTrue(assertThrows(ProjectException.class, () -> NewProjects.create(" ", "hh", null, file))
                .getMessage().contains("name is empty"));
        assertTrue(assertThrows(ProjectException.class, () -> NewProjects.create("x", "hodgkin", null, file))
                .getMessage().contains("choose one of"));
        assertTrue(assertThrows(ProjectException.class, () -> NewProjects.create("x", "hh", null, dir.resolve("x.json")))
                .getMessage().contains("must end in .brainfx.json"));
    }
}
