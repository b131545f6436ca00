package org.brainfx.app.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.brainfx.engine.job.StopReason;
import org.junit.jupiter.api.Test;

/** Why a fit stopped, said so a user knows what happened and what to try. */
class StopExplanationTest {

    private final ResourceBundle messages = ResourceBundle.getBundle("org.brainfx.ui.messages");
    private final Map<String, List<Double>> bounds = Map.of("gNa", List.of(0.01, 40.0), "gK", List.of(0.01, 20.0));

    @Test
    void aStallIsNotConvergenceAndSuggestsTheNextStep() {
        String s = StopExplanation.of(StopReason.STALLED, 1, Map.of("gNa", 20.0, "gK", 5.0), bounds, messages);
        assertEquals("stalled after 1 iteration: the best loss stopped improving (not converged). Next: try more starts,"
                + " a wider search (CMA-ES or hybrid), or check that the loss responds to the free parameters", s);
        assertFalse(s.contains("(("));
    }

    @Test
    void aParameterAtABoundIsNamedWithTheBound() {
        String s = StopExplanation.of(StopReason.CONVERGED, 12, Map.of("gNa", 40.0, "gK", 0.01), bounds, messages);
        assertTrue(s.startsWith("converged; at a bound of the search: "), s);
        assertTrue(s.contains("gNa at its upper bound 40") && s.contains("gK at its lower bound 0.01"), s);
        assertTrue(s.endsWith("Next: widen that bound if values beyond it are plausible, then fit again"), s);
        assertEquals("converged", StopExplanation.brief(StopReason.CONVERGED, 12, Map.of("gNa", 20.0), bounds, messages));
    }

    @Test
    void aUsedBudgetSaysWhichAndThatMoreMayHelp() {
        String s = StopExplanation.of(StopReason.TIME_BUDGET, 3, Map.of(), bounds, messages);
        assertEquals("time budget used up. Next: raise the budget, or start from these values"
                + " (Apply) and fit again", s);
        assertEquals("stalled after 2 iterations: the best loss stopped improving (not converged)",
                StopExplanation.brief(StopReason.STALLED, 2, null, null, messages));
    }
}
