package org.brainfx.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafepointLogTest {

    @Test
    void placesTheSafepointsOfThisProcessOnItsOwnClock() {
        SafepointLog log = new SafepointLog();
        long before = System.nanoTime();
        long from = System.nanoTime();
        for (int k = 0; k < 20; k++) {
            Thread.getAllStackTraces(); // a thread dump holds every thread at a safepoint
        }
        long to = System.nanoTime();
        log.close();
        double held = log.heldMillis(from, to);
        assertTrue(held > 0, "the thread dumps' safepoints fall between the times taken around them");
        assertTrue(log.reachingMillis(from, to) <= held + 1e-9, "reaching a safepoint is part of being held there");
        assertEquals(0, log.heldMillis(before - 2_000_000_000L, before - 1_000_000_000L), 1e-9,
                "nothing is placed before the log began");
    }
}
