package org.brainfx.app.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.brainfx.app.charts.SweepOverlay;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitProblem;
import org.brainfx.engine.project.ResolvedProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live chart's traces: decimated to the chart's width, in mV, and only the newest request computed. */
class CandidateTracesTest {

    private static ResolvedProject project;
    private static FitProblem problem;

    @BeforeAll
    static void load() {
        project = ResolvedProject.load(Path.of("..", "sample-projects", "gif-synthetic"));
        problem = new FitProblem(FitConfig.of(project));
    }

    @Test
    void tracesAreDecimatedAndInDeclaredUnits() {
        SweepOverlay overlay = CandidateTraces.compute(new CandidateTraces.Request(project, problem,
                new double[] {0.005, 0.01, 0.2, 0.02}, List.of(4, 1), 300, "best candidate"));
        assertEquals("V (mV)", overlay.axisLabel());
        assertEquals(List.of(4, 1), overlay.indices());
        for (SweepOverlay.Sweep s : overlay.sweeps()) {
            assertTrue(s.model()[0].length <= 600 && s.model()[0].length > 300, "min and max per column");
            assertTrue(s.target()[1][0] < -60 && s.target()[1][0] > -80, "millivolts, near rest: " + s.target()[1][0]);
        }
    }

    @Test
    void requestsWaitingTogetherAreComputedOnceNewestFirst() {
        Deque<Runnable> background = new ArrayDeque<>();
        Deque<Runnable> ui = new ArrayDeque<>();
        CandidateTraces traces = new CandidateTraces(background::add, ui::add);
        traces.request(new CandidateTraces.Request(project, null, null, List.of(0), 100, "first"));
        traces.request(new CandidateTraces.Request(project, null, null, List.of(0), 100, "second"));
        traces.request(new CandidateTraces.Request(project, null, null, List.of(0), 100, "newest"));
        assertEquals(1, background.size(), "one computation queued for all three");
        background.poll().run();
        assertEquals(1, ui.size());
        assertNull(traces.overlayProperty().get());
        ui.poll().run();
        assertEquals("newest", traces.overlayProperty().get().modelLabel());
        assertTrue(background.isEmpty());
    }
}
