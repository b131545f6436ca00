package org.brainfx.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainfx.engine.net.PlasticitySpec;
import org.junit.jupiter.api.Test;

/** Short-term plasticity as one line of text: both ways, and refused with the reason. */
class PlasticityTextTest {

    @Test
    void rulesReadBackAsWritten() {
        PlasticitySpec p = PlasticitySpec.tsodyksMarkram(0.5, 50, 200.5);
        assertEquals("tsodyks_markram(0.5, 50, 200.5)", PlasticityText.format(p));
        assertEquals(p, PlasticityText.parse(PlasticityText.format(p)));
        assertEquals(p, PlasticityText.parse(" Tsodyks_Markram( 0.5 ,50, 200.5 ) "));
        assertNull(PlasticityText.parse(""));
        assertEquals("", PlasticityText.format(null));
    }

    @Test
    void whatTheEngineWouldRefuseIsRefusedWithTheReason() {
        assertTrue(message("stdp(1, 2, 3)").contains("unknown plasticity 'stdp'"));
        assertTrue(message("tsodyks_markram(0, 50, 200)").contains("(0, 1]"));
        assertTrue(message("tsodyks_markram(1.5, 50, 200)").contains("(0, 1]"));
        assertTrue(message("tsodyks_markram(0.5, -1, 200)").contains("> 0 ms"));
        assertTrue(message("tsodyks_markram(0.5, 50)").contains("three numbers"));
        assertTrue(message("tsodyks_markram").contains("not a plasticity rule"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> PlasticityText.parse(text)).getMessage();
    }
}
