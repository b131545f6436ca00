package org.brainfx.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainfx.engine.net.ValueSpec;
import org.junit.jupiter.api.Test;

/** Distributions as one line of text: both ways, exactly, and refused with the reason. */
class ValueTextTest {

    @Test
    void everyKindReadsBackAsWritten() {
        for (ValueSpec v : new ValueSpec[] {ValueSpec.constant(0.1), ValueSpec.constant(-65), ValueSpec.uniform(500, 1500),
                ValueSpec.normal(0.3, 1e-5), ValueSpec.lognormal(-1.25, 0.5), ValueSpec.kaiming(0.5),
                ValueSpec.fromFile("data/w.csv")}) {
            assertEquals(v, ValueText.parse(ValueText.format(v)), ValueText.format(v));
        }
        assertEquals("uniform(500, 1500)", ValueText.format(ValueSpec.uniform(500, 1500)));
        assertNull(ValueText.parse("  "));
        assertEquals(ValueSpec.normal(1, 2), ValueText.parse(" Normal( 1 ,2 ) "));
    }

    @Test
    void whatTheEngineWouldRefuseIsRefusedWithTheReason() {
        assertTrue(message("uniform(3, 1)").contains("swap"));
        assertTrue(message("normal(0, -1)").contains("negative"));
        assertTrue(message("gamma(1, 2)").contains("unknown distribution 'gamma'"));
        assertTrue(message("abc").contains("'abc' is not a number"));
        assertTrue(message("uniform(1)").contains("two numbers"));
        assertTrue(message("kaiming(0)").contains("> 0"));
        assertTrue(message("NaN").contains("finite"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ValueText.parse(text)).getMessage();
    }
}
