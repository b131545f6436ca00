package org.brainfx.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File references survive a move of the project file; a missing file names the path tried and can be located. */
class ProjectPathsTest {

    @TempDir
    Path dir;
    private Path projectFolder;
    private Project project;

    @BeforeEach
    void aProjectWithTracesInASiblingFolder() throws Exception {
        projectFolder = dir.resolve("work").resolve("fit");
        Files.createDirectories(dir.resolve("work").resolve("data"));
        Files.writeString(dir.resolve("work/data/in.csv"), "0,1,2\n");
        Files.writeString(dir.resolve("work/data/out.csv"), "0,-65,-64\n");
        project = new Project(ProjectFiles.SCHEMA_VERSION, "p", null, new Project.ModelRef("hh", null, null), null,
                new Project.Stimulus(0.1, null, new Project.TraceFile("../data/in.csv", "rows", true, "A"), null, null),
                List.of("V"), new Project.Target("V", new Project.TraceFile("../data/out.csv", "rows", true, "mV"), null),
                null);
    }

    @Test
    void rebaseRewritesRelativePathsSoTheyNameTheSameFilesFromTheNewFolder() {
        Path elsewhere = dir.resolve("home").resolve("copies");
        Project moved = ProjectPaths.rebase(project, projectFolder, elsewhere);
        assertEquals("../../work/data/in.csv", moved.stimulus().traces().file());
        assertEquals("../../work/data/out.csv", moved.target().traces().file());
        assertTrue(ProjectPaths.firstMissing(moved, elsewhere).isEmpty());
        assertTrue(ProjectPaths.firstMissing(project, elsewhere).isPresent(), "unchanged, the paths would break");
        assertEquals(project, ProjectPaths.rebase(project, projectFolder, projectFolder), "same folder: same project");
    }

    @Test
    void absolutePathsStayAsTheyAre() {
        String abs = dir.resolve("work/data/in.csv").toString();
        Project p = ProjectPaths.withPath(project, ProjectPaths.STIMULUS_FILE, abs);
        assertEquals(abs, ProjectPaths.rebase(p, projectFolder, dir.resolve("x")).stimulus().traces().file());
    }

    @Test
    void copyDataPutsTheFilesBesideTheProjectAndNeverOverwritesADifferentFile() throws Exception {
        Path elsewhere = dir.resolve("copies");
        Project copied = ProjectPaths.copyData(project, projectFolder, elsewhere);
        assertEquals("in.csv", copied.stimulus().traces().file());
        assertEquals("0,-65,-64\n", Files.readString(elsewhere.resolve("out.csv")));
        assertEquals(copied, ProjectPaths.copyData(project, projectFolder, elsewhere), "the same files again: kept");

        Files.writeString(elsewhere.resolve("in.csv"), "something else\n");
        String m = assertThrows(ProjectException.class,
                () -> ProjectPaths.copyData(project, projectFolder, elsewhere)).getMessage();
        assertTrue(m.contains("a different file of this name") && m.contains("in.csv"), m);
        assertEquals("something else\n", Files.readString(elsewhere.resolve("in.csv")));
    }

    @Test
    void aMissingFileNamesTheFieldAndThePathTried() throws Exception {
        Path file = dir.resolve("moved").resolve("p.brainfx.json");
        ProjectFiles.write(project, file);
        MissingDataFileException e = assertThrows(MissingDataFileException.class,
                () -> ResolvedProject.load(file));
        Path tried = dir.resolve("data/in.csv").toAbsolutePath().normalize();
        assertEquals(tried, e.tried());
        assertEquals(ProjectPaths.STIMULUS_FILE, e.reference().field());
        assertTrue(e.getMessage().contains("looked for " + tried) && e.getMessage().contains("\"../data/in.csv\"")
                && e.getMessage().contains("Locate"), e.getMessage());
    }

    @Test
    void locatingOneFileAlsoFindsTheOthersMovedWithIt() throws Exception {
        Path moved = dir.resolve("moved");
        Project relocated = ProjectPaths.relocate(project, moved, ProjectPaths.STIMULUS_FILE,
                dir.resolve("work/data/in.csv"));
        assertEquals("../work/data/in.csv", relocated.stimulus().traces().file());
        assertEquals("../work/data/out.csv", relocated.target().traces().file(), "found beside the located file");
        assertTrue(ProjectPaths.firstMissing(relocated, moved).isEmpty());
    }
}
