package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.engine.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's state without a screen: open, save, recovery after a crash, and failures reaching the user. */
class WorkbenchModelTest {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);

    @TempDir
    Path dir;

    private final List<String> alerts = new ArrayList<>();

    private WorkbenchModel model() {
        WorkbenchModel m = new WorkbenchModel(MESSAGES, Runnable::run, UiExecutor.direct(),
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
        m.setErrorReporter((header, detail) -> alerts.add(header + " | " + detail));
        return m;
    }

    private static Project renamed(Project p, String name) {
        return ProjectEdits.withNameAndDescription(p, name, p.description());
    }

    @Test
    void opensResolvesAndLogs() {
        Path file = org.brainfx.app.project.SampleCopies.copy("hh-synthetic", dir);
        WorkbenchModel m = model();
        AtomicInteger opened = new AtomicInteger();
        m.open(file, opened::incrementAndGet);
        assertEquals(1, opened.get());
        assertEquals("hh-synthetic", m.session().document().project().name());
        assertEquals("hh-synthetic", m.resolved().project().name());
        assertEquals("12:00", m.log().get(m.log().size() - 1).time().toString());
        assertTrue(m.log().get(m.log().size() - 1).text().startsWith("Opened copy.brainfx.json"));
    }

    @Test
    void aMissingFileIsLoggedAndShownWithItsPath() {
        WorkbenchModel m = model();
        m.open(dir.resolve("gone.brainfx.json"), () -> { throw new AssertionError("must not open"); });
        assertNull(m.session());
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).startsWith("Cannot open " + dir.resolve("gone.brainfx.json")), alerts.get(0));
        assertTrue(m.log().get(m.log().size() - 1).error());
    }

    @Test
    void saveWritesTheEditAndAutosaveKeepsUnsavedWorkForRecovery() throws Exception {
        Path file = org.brainfx.app.project.SampleCopies.copy("hh-synthetic", dir);
        WorkbenchModel m = model();
        m.open(file, () -> { });
        ProjectDocument doc = m.session().document();
        doc.edit("Rename", p -> renamed(p, "renamed"));
        m.autosave();
        assertTrue(Files.exists(ProjectDocument.recoveryFile(file)), "unsaved edits are copied for recovery");

        // A second window (or the next start after a crash) finds the copy and may restore it.
        WorkbenchModel restored = model();
        restored.setRecoveryPrompt(f -> true);
        restored.open(file, () -> { });
        assertEquals("renamed", restored.session().document().project().name());
        assertTrue(restored.session().document().isDirty(), "restored edits are not yet saved");

        assertTrue(restored.save());
        assertFalse(Files.exists(ProjectDocument.recoveryFile(file)), "saving drops the recovery copy");
        WorkbenchModel reopened = model();
        reopened.setRecoveryPrompt(f -> { throw new AssertionError("nothing to recover"); });
        reopened.open(file, () -> { });
        assertEquals("renamed", reopened.session().document().project().name());
    }

    @Test
    void declinedRecoveryOpensTheSavedProjectAndDropsTheCopy() {
        Path file = org.brainfx.app.project.SampleCopies.copy("hh-synthetic", dir);
        WorkbenchModel m = model();
        m.open(file, () -> { });
        m.session().document().edit("Rename", p -> renamed(p, "lost"));
        m.autosave();
        WorkbenchModel next = model();
        next.setRecoveryPrompt(f -> false);
        next.open(file, () -> { });
        assertEquals("hh-synthetic", next.session().document().project().name());
        assertFalse(Files.exists(ProjectDocument.recoveryFile(file)));
    }

    @Test
    void aPictureOfAProjectLeavesItsRecoveryCopyAloneAndWritesNone() throws Exception {
        Path file = org.brainfx.app.project.SampleCopies.copy("hh-synthetic", dir);
        WorkbenchModel m = model();
        m.open(file, () -> { });
        m.session().document().edit("Rename", p -> renamed(p, "unsaved"));
        m.autosave();
        String copy = Files.readString(ProjectDocument.recoveryFile(file));

        WorkbenchModel snapshot = model();
        snapshot.leaveRecoveryCopiesAlone();
        snapshot.setRecoveryPrompt(f -> { throw new AssertionError("no offer while rendering"); });
        snapshot.open(file, () -> { });
        assertEquals("hh-synthetic", snapshot.session().document().project().name(), "the project as saved");
        snapshot.session().document().edit("Rename", p -> renamed(p, "rendered"));
        snapshot.autosave();
        snapshot.close();

        assertEquals(copy, Files.readString(ProjectDocument.recoveryFile(file)), "the person's copy is untouched");
    }

    @Test
    void saveFailureIsReportedAndTheProjectStaysDirty() throws Exception {
        Path file = org.brainfx.app.project.SampleCopies.copy("hh-synthetic", dir);
        WorkbenchModel m = model();
        m.open(file, () -> { });
        m.session().document().edit("Rename", p -> renamed(p, "x"));
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where a folder is needed");
        assertFalse(m.saveAs(blocked.resolve("p.brainfx.json")));
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).startsWith("Cannot save"), alerts.get(0));
        assertTrue(m.session().document().isDirty());
    }
}
