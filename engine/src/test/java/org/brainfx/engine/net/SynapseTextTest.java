package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainfx.engine.model.ModelException;
import org.junit.jupiter.api.Test;

/** Synapse models as text: the built-in library reads, and bad synapse text names the fix. */
class SynapseTextTest {
    @Test
    void everyBuiltInSynapseReads() {
        for (String name : SynapseLibrary.names()) {
            SynapseSpec s = SynapseLibrary.get(name);
            assertEquals(name, s.name());
        }
        SynapseSpec exp = SynapseLibrary.get("exp");
        assertEquals("g", exp.onPre());
        assertEquals("g", exp.output());
        SynapseSpec delta = SynapseLibrary.get("delta");
        assertEquals("V", delta.onPre());
        assertNull(delta.output());
        assertTrue(SynapseLibrary.get("nmda").output().contains("Mg"));
    }

    @Test
    void unknownBuiltInListsTheNames() {
        NetworkException e = assertThrows(NetworkException.class, () -> SynapseLibrary.get("ampa"));
        assertTrue(e.getMessage().contains("built-in synapses: delta, exp"), e.getMessage());
    }

    @Test
    void badSynapseTextIsRefusedWithTheFix() {
        String good = "synapse s\nstate g = 0\nparam tau = 5 ms\ndg/dt = -g/tau\non_pre g += w\noutput g\n";
        assertEquals("s", SynapseText.parse(good).name());
        assertMessage(good.replace("synapse s", "model s"), "starts with 'synapse NAME");
        assertMessage(good.replace("on_pre g += w\n", ""), "no 'on_pre X += w' line");
        assertMessage(good.replace("on_pre g += w", "on_pre g += 2*w"), "adds its weight as it is");
        assertMessage(good.replace("on_pre g += w", "on_pre h += w"), "names no state of the synapse");
        assertMessage(good.replace("output g\n", ""), "has states but no 'output' line");
        assertMessage(good + "spike g > 1\n", "synapses have neither");
        assertMessage(good + "on_pre g += w\n", "a second 'on_pre' line");
    }

    private static void assertMessage(String text, String expected) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> SynapseText.parse(text));
        assertTrue(e instanceof ModelException || e instanceof NetworkException, e.toString());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
