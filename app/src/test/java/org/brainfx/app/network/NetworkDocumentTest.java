package org.brainfx.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open network project: every edit one undo step, dirty until saved, saved and reopened exactly (layout too). */
class NetworkDocumentTest {

    @TempDir
    Path dir;

    private static NetworkProject empty() {
        return new NetworkProject(NetworkProjectFiles.SCHEMA_VERSION, "test", "a test network",
                new NetworkSpec("test", null, null, null, null, null, null, null, null, null));
    }

    private NetworkDocument fresh() {
        Path file = dir.resolve("net.brainfx.json");
        NetworkProjectFiles.write(empty(), file);
        return NetworkDocument.open(file);
    }

    @Test
    void eachEditIsOneUndoStepAndRedoRestoresIt() {
        NetworkDocument doc = fresh();
        assertFalse(doc.isDirty());
        doc.edit("Add population E", s -> NetworkEdits.addPopulation(s, "E"), l -> l.with("E", new NodePosition(100, 100)));
        doc.edit("Add population I", s -> NetworkEdits.addPopulation(s, "I"), l -> l.with("I", new NodePosition(100, 300)));
        doc.editSpec("Connect", s -> NetworkEdits.connect(s, "E", "I"));
        NetworkSpec built = doc.spec();
        assertTrue(doc.isDirty());
        assertEquals("Connect", doc.undoDescriptionProperty().get());
        doc.undo();
        assertTrue(doc.spec().projections().isEmpty());
        assertEquals(2, doc.spec().populations().size());
        assertEquals("Connect", doc.redoDescriptionProperty().get());
        doc.redo();
        assertEquals(built, doc.spec());
        doc.undo();
        doc.undo();
        doc.undo();
        assertTrue(doc.spec().populations().isEmpty());
        assertFalse(doc.isDirty(), "all edits undone: as saved");
        assertFalse(doc.canUndoProperty().get());
        doc.redo();
        doc.editSpec("Rename", s -> NetworkEdits.renameNode(s, "E", "Exc"));
        assertFalse(doc.canRedoProperty().get(), "a new edit drops what was undone");
    }

    @Test
    void aMoveIsAnUndoableEditAndAnEditThatChangesNothingIsNone() {
        NetworkDocument doc = fresh();
        doc.edit("Add", s -> NetworkEdits.addPopulation(s, "E"), l -> l.with("E", new NodePosition(1, 2)));
        doc.editLayout("Move E", l -> l.with("E", new NodePosition(40.25, 7.5)));
        assertEquals(new NodePosition(40.25, 7.5), doc.layout().of("E"));
        doc.editLayout("Move E", l -> l.with("E", new NodePosition(40.25, 7.5)));
        assertEquals("Move E", doc.undoDescriptionProperty().get());
        doc.undo();
        assertEquals(new NodePosition(1, 2), doc.layout().of("E"));
        assertEquals("Add", doc.undoDescriptionProperty().get());
    }

    @Test
    void savedAndReopenedExactlyWithTheLayout() {
        NetworkDocument doc = fresh();
        doc.edit("Add", s -> NetworkEdits.addPopulation(s, "E"), l -> l.with("E", new NodePosition(123.456789, -20.125)));
        doc.edit("Add", s -> NetworkEdits.addPoissonInput(s, "in"), l -> l.with("in", new NodePosition(0.1, 0.2)));
        doc.editSpec("Connect", s -> NetworkEdits.connect(NetworkEdits.connect(s, "in", "E"), "E", "E"));
        doc.editSpec("Size", s -> NetworkEdits.population(s, "E", p -> new PopulationSpec(p.name(), 321, "inhibitory",
                p.model(), java.util.Map.of("tau", ValueText.parse("uniform(10, 20)")), p.initial(), p.positions(), p.voltage())));
        doc.save();
        assertFalse(doc.isDirty());
        NetworkDocument again = NetworkDocument.open(doc.file());
        assertEquals(doc.project(), again.project());
        assertEquals(doc.spec(), again.spec());
        assertEquals(doc.layout(), again.layout());
        assertFalse(again.isDirty());
        assertTrue(Files.isRegularFile(dir.resolve("net.layout.json")), "the layout sidecar sits beside the project");
    }

    @Test
    void nodesWithoutASavedPositionAreLaidOutWithoutMakingTheDocumentDirty() {
        Path file = dir.resolve("net.brainfx.json");
        NetworkSpec spec = NetworkEdits.connect(NetworkEdits.addPopulation(NetworkEdits.addPoissonInput(empty().network(), "in"),
                "E"), "in", "E");
        NetworkProjectFiles.write(new NetworkProject(1, "n", null, spec), file);
        NetworkDocument doc = NetworkDocument.open(file);
        assertFalse(doc.isDirty());
        assertEquals(2, doc.layout().positions().size());
        assertTrue(doc.layout().of("in").x() < doc.layout().of("E").x(), "inputs left of what they drive");
    }

    @Test
    void saveAsElsewhereKeepsRelativeFilesPointingAtTheSameFiles() throws Exception {
        Path file = dir.resolve("a").resolve("net.brainfx.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file.resolveSibling("m.model"), "x");
        NetworkSpec spec = NetworkEdits.population(NetworkEdits.addPopulation(empty().network(), "E"), "E",
                p -> new PopulationSpec(p.name(), p.size(), p.type(), new org.brainfx.engine.net.NeuronRef(null, "m.model", null),
                        null, null, null, null));
        NetworkProjectFiles.write(new NetworkProject(1, "n", null, spec), file);
        NetworkDocument doc = NetworkDocument.open(file);
        Path other = dir.resolve("b").resolve("c").resolve("copy.brainfx.json");
        Files.createDirectories(other.getParent());
        doc.saveAs(other);
        assertEquals(other, doc.file());
        assertEquals("../../a/m.model", doc.spec().population("E").model().file());
        assertTrue(Files.isRegularFile(doc.baseDir().resolve(doc.spec().population("E").model().file())));
        assertEquals(doc.spec(), NetworkDocument.open(other).spec());
    }

    @Test
    void aReadOnlySampleRefusesSaveButSavesAs() {
        NetworkDocument doc = fresh();
        doc.markReadOnly();
        doc.edit("Add", s -> NetworkEdits.addPopulation(s, "E"), l -> l.with("E", new NodePosition(1, 2)));
        assertThrows(NetworkException.class, doc::save);
        doc.saveAs(dir.resolve("mine.brainfx.json"));
        assertFalse(doc.isReadOnly());
        assertFalse(doc.isDirty());
        assertNotEquals(NetworkDocument.open(dir.resolve("net.brainfx.json")).spec(), doc.spec(), "the sample is untouched");
    }

    @Test
    void theSupplierGivesTheSpecOfTheMoment() {
        NetworkDocument doc = fresh();
        var supplier = doc.specSupplier();
        doc.edit("Add", s -> NetworkEdits.addPopulation(s, "E"), l -> l.with("E", new NodePosition(1, 2)));
        assertEquals(doc.spec(), supplier.get());
        doc.undo();
        assertTrue(supplier.get().populations().isEmpty());
    }

    @Test
    void theSamplesReopenExactly() {
        for (String sample : java.util.List.of("ei-network", "brunel-balanced", "coba-benchmark", "celegans-connectome")) {
            NetworkDocument doc = NetworkDocument.open(Path.of("..", "sample-projects", sample));
            Path copy = dir.resolve(sample + ".brainfx.json");
            doc.saveAs(copy);
            NetworkDocument again = NetworkDocument.open(copy);
            assertEquals(doc.project(), again.project(), sample);
            assertEquals(doc.layout(), again.layout(), sample);
        }
    }

    @Test
    void aRecoveryCopyComesBackDirtyAndOnlyWhenItDiffers() {
        NetworkDocument doc = fresh();
        assertFalse(doc.writeRecovery(), "nothing unsaved: no copy");
        doc.edit("Add", s -> NetworkEdits.addPopulation(s, "E"), l -> l.with("E", new NodePosition(5, 6)));
        assertTrue(doc.writeRecovery());
        NetworkDocument back = NetworkDocument.recovered(doc.file()).orElseThrow();
        assertEquals(doc.spec(), back.spec());
        assertEquals(doc.layout(), back.layout());
        assertTrue(back.isDirty());
        doc.save();
        assertTrue(NetworkDocument.recovered(doc.file()).isEmpty(), "saving drops the copy");
        assertFalse(Files.exists(NetworkDocument.recoveryFile(doc.file())));
        assertFalse(Files.exists(NetworkLayout.sidecarOf(NetworkDocument.recoveryFile(doc.file()))));
    }
}
