package org.brainfx.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project files: schema versions older or newer than this build's are refused with the fix, saves keep a backup. */
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
}
