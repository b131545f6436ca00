package org.brainfx.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainfx.engine.net.PositionSpec;
import org.junit.jupiter.api.Test;

/** Positions as one line of text: both ways, and refused with the reason. */
class PositionTextTest {

    @Test
    void sheetsReadBackAsWritten() {
        for (PositionSpec p : new PositionSpec[] {new PositionSpec("grid", 1000, 1000, false),
                new PositionSpec("random", 2000, 500.5, true)}) {
            assertEquals(p, PositionText.parse(PositionText.format(p)), PositionText.format(p));
        }
        assertEquals("random 2000 x 500.5 periodic", PositionText.format(new PositionSpec("random", 2000, 500.5, true)));
        assertEquals(new PositionSpec("grid", 100, 200, false), PositionText.parse(" Grid 100x200 "));
        assertEquals(new PositionSpec("grid", 100, 200, false), PositionText.parse("grid 100 × 200"));
        assertNull(PositionText.parse(" "));
        assertEquals("", PositionText.format(null));
    }

    @Test
    void whatTheEngineWouldRefuseIsRefusedWithTheReason() {
        assertTrue(message("hexagonal 10 x 10").contains("unknown layout 'hexagonal'"));
        assertTrue(message("grid 10 x 0").contains("> 0"));
        assertTrue(message("grid ten x 10").contains("not a number"));
        assertTrue(message("grid 10 x 10 wrapped").contains("only 'periodic'"));
        assertTrue(message("grid 10").contains("grid|random WIDTH x HEIGHT"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> PositionText.parse(text)).getMessage();
    }
}
