package org.brainfx.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDocumentTest {

    @TempDir
    Path dir;

    private Path copySample() {
        return SampleCopies.copy("hh-synthetic", dir);
    }

    private static Project withParameter(Project p, String name, double value) {
        Map<String, Double> params = new HashMap<>(p.parameters() == null ? Map.of() : p.parameters());
        params.put(name, value);
        return ProjectEdits.withParameters(p, params);
    }

    @Test
    void editsUndoRedoAndDirtyState() throws Exception {
        ProjectDocument doc = ProjectDocument.open(copySample());
        Project original = doc.project();
        assertFalse(doc.isDirty());
        assertFalse(doc.canUndoProperty().get());

        doc.edit("Change gNa", p -> withParameter(p, "gNa", 100.0));
        assertTrue(doc.isDirty());
        assertTrue(doc.titleProperty().get().startsWith("*"));
        assertEquals("Change gNa", doc.undoDescriptionProperty().get());
        assertEquals(100.0, doc.project().parameters().get("gNa"));

        doc.undo();
        assertEquals(original, doc.project());
        assertFalse(doc.isDirty());
        assertTrue(doc.canRedoProperty().get());
        doc.redo();
        assertEquals(100.0, doc.project().parameters().get("gNa"));

        doc.edit("Nothing", p -> p);
        assertEquals("Change gNa", doc.undoDescriptionProperty().get(), "a no-op edit is not recorded");
    }

    @Test
    void saveRoundTripsAndKeepsBackup() throws Exception {
        Path file = copySample();
        ProjectDocument doc = ProjectDocument.open(file);
        doc.edit("Change gK", p -> withParameter(p, "gK", 25.0));
        doc.save();
        assertFalse(doc.isDirty());
        assertTrue(Files.exists(file.resolveSibling(file.getFileName() + ".bak")));
        assertEquals(doc.project(), ProjectDocument.open(file).project());
    }

    @Test
    void recoveryCopyIsOfferedOnlyWhenItDiffers() throws Exception {
        Path file = copySample();
        ProjectDocument doc = ProjectDocument.open(file);
        assertFalse(doc.writeRecovery(), "a clean document writes no recovery copy");
        doc.edit("Change gK", p -> withParameter(p, "gK", 31.0));
        assertTrue(doc.writeRecovery());
        assertEquals(31.0, ProjectDocument.recovery(file).orElseThrow().parameters().get("gK"));
        doc.save();
        assertFalse(Files.exists(ProjectDocument.recoveryFile(file)));
        assertTrue(ProjectDocument.recovery(file).isEmpty());
    }

    @Test
    void sessionResolvesEveryEditAndReportsErrors() throws Exception {
        ProjectDocument doc = ProjectDocument.open(copySample());
        ProjectSession session = new ProjectSession(doc, Runnable::run, UiExecutor.direct());
        assertEquals("", session.errorProperty().get());
        assertEquals(doc.project(), session.resolved().project());

        doc.edit("Bad parameter", p -> withParameter(p, "noSuchParameter", 1.0));
        assertTrue(session.errorProperty().get().contains("noSuchParameter"), session.errorProperty().get());
        doc.undo();
        assertEquals("", session.errorProperty().get());
        assertEquals(doc.project(), session.resolved().project());
    }

    @Test
    void fitOnlyEditsReuseTheResolvedModelAndData() {
        ProjectDocument doc = ProjectDocument.open(copySample());
        java.util.concurrent.atomic.AtomicInteger resolutions = new java.util.concurrent.atomic.AtomicInteger();
        ProjectSession session = new ProjectSession(doc, task -> {
            resolutions.incrementAndGet();
            task.run();
        }, UiExecutor.direct());
        assertEquals(1, resolutions.get());
        var compiled = session.resolved().model();
        doc.edit("Starts", p -> ProjectEdits.withFit(p, ProjectEdits.withRun(p.fit(), "de", 7, 50, null, 3L)));
        assertEquals(1, resolutions.get(), "a fit setting needs no new compile");
        assertEquals(7, session.resolved().project().fit().starts());
        assertTrue(session.resolved().model() == compiled);
        doc.edit("gK", p -> withParameter(p, "gK", 9.0));
        assertEquals(2, resolutions.get(), "a parameter value does");
        session.refresh();
        assertEquals(3, resolutions.get(), "refresh always resolves again (a .model file may have changed)");
    }

    /** hh-synthetic with its stimulus traces in {@code dir/data} by relative path, saved in {@code dir/project}. */
    private Path projectWithRelativeTraces() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.copy(Path.of("..", "sample-projects", "data", "hh-traces", "input_traces_hh.csv"), data.resolve("in.csv"));
        Project p = org.brainfx.engine.project.ProjectFiles.read(Path.of("..", "sample-projects", "hh-synthetic"));
        p = org.brainfx.engine.project.ProjectPaths.withPath(p, org.brainfx.engine.project.ProjectPaths.STIMULUS_FILE,
                "../data/in.csv");
        Path file = dir.resolve("project").resolve("p.brainfx.json");
        org.brainfx.engine.project.ProjectFiles.write(p, file);
        return file;
    }

    @Test
    void saveAsElsewhereRewritesThePathsAndTheUndoHistoryToo() throws Exception {
        ProjectDocument doc = ProjectDocument.open(projectWithRelativeTraces());
        doc.edit("Change gK", p -> withParameter(p, "gK", 25.0));
        Path target = dir.resolve("a").resolve("b").resolve("moved.brainfx.json");
        doc.saveAs(target);
        assertEquals("../../data/in.csv", doc.project().stimulus().traces().file());
        assertFalse(doc.isDirty());
        doc.undo();
        assertEquals("../../data/in.csv", doc.project().stimulus().traces().file(),
                "an undone edit refers to the same file from the new place");
        assertEquals(8.0, doc.project().parameters().get("gK"));
        ProjectSession session = new ProjectSession(doc, Runnable::run, UiExecutor.direct());
        assertEquals("", session.errorProperty().get());
    }

    @Test
    void aReadOnlyDocumentRefusesSaveAndWritesNoRecoveryUntilSavedElsewhere() throws Exception {
        Path file = copySample();
        byte[] before = Files.readAllBytes(file);
        ProjectDocument doc = ProjectDocument.open(file);
        doc.markReadOnly();
        assertTrue(doc.titleProperty().get().endsWith(ProjectDocument.READ_ONLY_MARK), doc.titleProperty().get());
        doc.edit("Change gK", p -> withParameter(p, "gK", 25.0));
        String m = org.junit.jupiter.api.Assertions.assertThrows(org.brainfx.engine.project.ProjectException.class,
                doc::save).getMessage();
        assertTrue(m.contains("Save As"), m);
        assertFalse(doc.writeRecovery());
        assertFalse(Files.exists(ProjectDocument.recoveryFile(file)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(file));

        Path mine = dir.resolve("mine").resolve("mine.brainfx.json");
        doc.saveAs(mine, ProjectDocument.DataFiles.COPY);
        assertFalse(doc.isReadOnly());
        assertEquals(25.0, ProjectDocument.open(mine).project().parameters().get("gK"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(file));
    }
}
