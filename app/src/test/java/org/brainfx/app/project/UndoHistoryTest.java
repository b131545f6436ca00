package org.brainfx.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UndoHistoryTest {

    @Test
    void undoAndRedoWalkTheEditsAndSayWhatTheyWouldDo() {
        UndoHistory<String> h = new UndoHistory<>();
        assertNull(h.undo(), "nothing to undo");
        assertFalse(h.canUndoProperty().get());
        h.push("first", "a", "b");
        h.push("second", "b", "c");
        assertEquals("second", h.undoDescriptionProperty().get());
        assertEquals("b", h.peekUndo());
        assertEquals("b", h.undo());
        assertEquals("first", h.undoDescriptionProperty().get());
        assertEquals("second", h.redoDescriptionProperty().get());
        assertTrue(h.canRedoProperty().get());
        assertEquals("c", h.peekRedo());
        assertEquals("c", h.redo());
        assertFalse(h.canRedoProperty().get());
        h.undo();
        h.push("third", "b", "d");
        assertFalse(h.canRedoProperty().get(), "a new edit drops what was undone");
        assertEquals("", h.redoDescriptionProperty().get());
    }

    @Test
    void mapRewritesEveryRememberedState() {
        UndoHistory<String> h = new UndoHistory<>();
        h.push("first", "a", "b");
        h.push("second", "b", "c");
        h.undo();
        h.map(s -> "moved/" + s);
        assertEquals("moved/c", h.peekRedo());
        assertEquals("moved/a", h.peekUndo(), "undoing the first edit goes back to a");
        assertEquals("second", h.redoDescriptionProperty().get(), "descriptions kept");
        assertEquals("moved/a", h.undo());
        assertEquals("moved/b", h.redo());
    }
}
