package org.brainfx.engine.optim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Adam's convergence test trusts only complete gradients. */
class AdamPartialGradientTest {

    private static AdamSearch start() {
        return new AdamSearch(new double[] {0.3}, 0.01, AdamBoundHandling.PROJECTION, 1e-12, 1e-9);
    }

    @Test
    void aVanishingCompleteGradientEndsTheStartAndAPartialOneDoesNot() {
        AdamSearch complete = start();
        complete.report(1.0, new double[] {0}, false);
        assertTrue(complete.finished(), "a complete zero gradient is a stationary point");

        AdamSearch partial = start();
        partial.report(1.0, new double[] {0}, true);
        assertFalse(partial.finished(), "a partial zero gradient (part of the loss passed none) proves nothing");
    }
}
