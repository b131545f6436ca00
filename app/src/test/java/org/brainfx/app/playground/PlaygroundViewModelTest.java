package org.brainfx.app.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.playground.LatestWinsWorkerTest.ManualExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaygroundViewModelTest {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("org.brainfx.ui.messages");
    private static final Path HH_SYNTHETIC = Path.of("..", "sample-projects", "hh-synthetic");

    private static PlaygroundViewModel builtinHh() {
        return new PlaygroundViewModel(null, MESSAGES, Runnable::run, UiExecutor.direct());
    }

    private static PlaygroundSlider slider(PlaygroundViewModel vm, String name) {
        return vm.parameters().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static PlaygroundViewModel onProject(ProjectDocument document) {
        return new PlaygroundViewModel(new ProjectSession(document, Runnable::run, UiExecutor.direct()), MESSAGES,
                Runnable::run, UiExecutor.direct());
    }

    @Test
    void movingAParameterSimulatesAgainAndChangesTheTrace() {
        PlaygroundViewModel vm = builtinHh();
        PlaygroundTrace before = vm.traceProperty().get();
        assertNotNull(before, vm.problemProperty().get());
        assertEquals(5000, before.steps(), "100 ms at 0.02 ms");
        assertEquals(StimulusKind.STEP, vm.stimulusKindProperty().get());
        assertTrue(before.spikes() > 0, "the default step makes HH fire");
        assertEquals(List.of("V", "m", "h", "n"), vm.states());
        assertEquals("n", vm.plottedStateProperty().get(), "the slow gate: the classic V\u2013n phase plane");
        assertEquals(List.of("gL", "gNa", "gK", "Vth", "C"), vm.parameters().stream().map(PlaygroundSlider::name).toList());
        long runs = vm.simulationsProperty().get();

        slider(vm, "gNa").set(8);

        PlaygroundTrace after = vm.traceProperty().get();
        assertEquals(runs + 1, vm.simulationsProperty().get());
        assertFalse(Arrays.equals(before.state("V"), after.state("V")), "the trace follows the slider");
        assertTrue(vm.statusProperty().get().contains("5,000 steps"), vm.statusProperty().get());
    }

    @Test
    void theStimulusSlidersShapeTheInput() {
        PlaygroundViewModel vm = builtinHh();
        vm.stimulusSliders().get(0).set(1.5);
        double[] step = vm.traceProperty().get().input();
        assertEquals(0, step[(int) (5 / 0.02)]);
        assertEquals(1.5, step[(int) (50 / 0.02)], 1e-12);
        vm.stimulusKindProperty().set(StimulusKind.RAMP);
        double[] ramp = vm.traceProperty().get().input();
        assertTrue(ramp[(int) (30 / 0.02)] < ramp[(int) (60 / 0.02)], "a ramp rises");
        vm.reset();
        assertEquals(PlaygroundViewModel.STEP_START_MS, vm.stimulusSliders().get(1).value());
    }

    @Test
    void slidersMovedWhileASimulationWaitsRunOnlyTheLastValue() {
        ManualExecutor background = new ManualExecutor();
        PlaygroundViewModel vm = new PlaygroundViewModel(null, MESSAGES, background, UiExecutor.direct());
        assertTrue(vm.loadingProperty().get(), "the built-in model compiles in the background");
        background.runAll();
        assertNotNull(vm.traceProperty().get());
        long runs = vm.simulationsProperty().get();
        long dropped = vm.droppedRequests();

        PlaygroundSlider gK = slider(vm, "gK");
        for (int i = 1; i <= 50; i++) {
            gK.set(i * 0.2);
        }
        assertEquals(1, background.waiting(), "one worker task for 50 slider values");
        assertTrue(vm.simulatingProperty().get());
        background.runAll();
        assertFalse(vm.simulatingProperty().get());

        assertEquals(runs + 1, vm.simulationsProperty().get(), "intermediate values never simulated");
        assertEquals(dropped + 49, vm.droppedRequests());
        PlaygroundViewModel reference = builtinHh();
        slider(reference, "gK").set(10);
        assertArrayEquals(reference.traceProperty().get().state("V"), vm.traceProperty().get().state("V"));
    }

    @Test
    void aDivergingSimulationIsReportedInsteadOfPlotted(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("blowup.model"), """
                model blowup "Grows without bound"
                state V = 1 mV
                param k = 1 /ms in [0.1, 10]
                input I : nA
                dV/dt = k*V*V/(1 mV)
                integrator euler
                """);
        Project p = new Project(1, "blowup", "", new Project.ModelRef(null, "blowup.model", null), null,
                new Project.Stimulus(0.1, null, null, List.of(List.of(0.0, 10.0)), "nA"), null, null, null);
        PlaygroundViewModel vm = onProject(new ProjectDocument(p, p, dir.resolve("blowup.brainfx.json")));

        assertNull(vm.traceProperty().get());
        String problem = vm.problemProperty().get();
        assertTrue(problem.startsWith("The simulation diverged: V became infinite at t = "), problem);

        slider(vm, "k").set(0.1);
        vm.stimulusKindProperty().set(StimulusKind.STEP);
        assertTrue(vm.problemProperty().get().startsWith("The simulation diverged"), "still diverges, still said");
    }

    @Test
    void theProjectsModelStartsFromTheProjectsValuesAndSweeps() {
        ProjectDocument document = ProjectDocument.open(HH_SYNTHETIC);
        PlaygroundViewModel vm = onProject(document);

        assertTrue(vm.modelChoiceProperty().get().isProject());
        assertEquals("Project: hh-synthetic (hh)", vm.modelChoiceProperty().get().label());
        assertEquals(15.0, slider(vm, "gNa").value());
        assertEquals(StimulusKind.PROJECT, vm.stimulusKindProperty().get());
        assertEquals(5, vm.sweepCountProperty().get());
        PlaygroundTrace sweep0 = vm.traceProperty().get();
        assertNotNull(sweep0.target(), "the synthetic target is drawn for comparison");
        vm.sweepProperty().set(3);
        assertFalse(Arrays.equals(sweep0.input(), vm.traceProperty().get().input()));
        assertFalse(vm.canApplyProperty().get());
        assertEquals("Move a parameter slider to change the project\u2019s values.", vm.applyHintProperty().get());
    }

    @Test
    void applyWritesTheSlidersIntoTheProjectAndUndoRestoresThem() {
        ProjectDocument document = ProjectDocument.open(HH_SYNTHETIC);
        PlaygroundViewModel vm = onProject(document);
        vm.sweepProperty().set(2);

        slider(vm, "gNa").set(20.123456789);
        assertTrue(vm.canApplyProperty().get());
        vm.applyToProject();

        assertEquals(20.1235, document.project().parameters().get("gNa"));
        assertEquals(-60.0, document.project().parameters().get("Vth"));
        assertFalse(document.project().parameters().containsKey("C"), "unmoved parameters stay unlisted");
        assertEquals("Apply playground parameters", document.undoDescriptionProperty().get());
        assertEquals(20.1235, slider(vm, "gNa").value(), "the playground follows the project");
        assertEquals(2, vm.sweepProperty().get(), "applying keeps the stimulus");
        assertFalse(vm.canApplyProperty().get());

        document.undo();
        assertEquals(15.0, document.project().parameters().get("gNa"));
        assertEquals(15.0, slider(vm, "gNa").value());
    }

    @Test
    void applyNeedsTheProjectsModel() {
        PlaygroundViewModel vm = onProject(ProjectDocument.open(HH_SYNTHETIC));
        vm.modelChoiceProperty().set(vm.modelChoices().get(1));
        assertEquals("lif", vm.modelChoiceProperty().get().builtin());
        slider(vm, "tau").set(30);
        assertFalse(vm.canApplyProperty().get());
        assertEquals(List.of(StimulusKind.STEP, StimulusKind.RAMP), vm.stimulusKinds());
        assertTrue(vm.applyHintProperty().get().startsWith("Choose the project"));
        assertFalse(builtinHh().canApplyProperty().get());
    }

    @Test
    void aProjectStillResolvingIsWaitedFor() {
        ManualExecutor resolving = new ManualExecutor();
        ProjectSession session = new ProjectSession(ProjectDocument.open(HH_SYNTHETIC), resolving, UiExecutor.direct());
        PlaygroundViewModel vm = new PlaygroundViewModel(session, MESSAGES, Runnable::run, UiExecutor.direct());
        assertNull(vm.modelChoiceProperty().get());
        assertEquals("Loading the project\u2026", vm.statusProperty().get());
        resolving.runAll();
        assertTrue(vm.modelChoiceProperty().get().isProject());
        assertNotNull(vm.traceProperty().get());
    }

    @Test
    void aProjectThatCannotBeResolvedIsReportedAndBuiltInModelsRemain(@TempDir Path dir) {
        Project p = new Project(1, "broken", "", new Project.ModelRef("no-such-model", null, null), null,
                new Project.Stimulus(0.1, null, null, List.of(List.of(0.0, 10.0)), "nA"), null, null, null);
        PlaygroundViewModel vm = onProject(new ProjectDocument(p, p, dir.resolve("broken.brainfx.json")));
        assertEquals("hh", vm.modelChoiceProperty().get().builtin());
        assertNotNull(vm.traceProperty().get());
        String problem = vm.projectProblemProperty().get();
        assertTrue(problem.startsWith("The project cannot be simulated (") && problem.contains("no-such-model"), problem);
    }
}
