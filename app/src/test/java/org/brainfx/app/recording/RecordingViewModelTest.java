package org.brainfx.app.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.app.workbench.WorkbenchApp;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingViewModelTest {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(WorkbenchApp.MESSAGES);
    private static final Path SAMPLES = Path.of("..", "sample-projects");

    @TempDir
    Path dir;

    private static RecordingViewModel open(ProjectDocument document) {
        ProjectSession session = new ProjectSession(document, Runnable::run, UiExecutor.direct());
        return new RecordingViewModel(session, MESSAGES, UiExecutor.direct(), Runnable::run);
    }

    private static RecordingViewModel open(String sample) {
        return open(ProjectDocument.open(SAMPLES.resolve(sample)));
    }

    private static Map<String, String> metadata(RecordingViewModel model) {
        return model.metadata().stream().collect(Collectors.toMap(RecordingViewModel.MetadataRow::name,
                RecordingViewModel.MetadataRow::value));
    }

    private static List<Integer> shown(RecordingViewModel model) {
        return model.shownProperty().get().sweeps().stream().map(SweepTraces.Sweep::index).toList();
    }

    @Test
    void everySweepOfTheRecordingIsListedWithWhatTheFileSays() {
        RecordingViewModel model = open("abf-steps");
        assertEquals("", model.messageProperty().get());
        assertTrue(model.recordingBackedProperty().get());
        assertEquals(9, model.sweeps().size());
        assertTrue(model.sweeps().stream().allMatch(SweepRow::isSelected), "no \"sweeps\" in the project means all");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), shown(model));
        assertTrue(model.sweeps().get(0).text().startsWith("Sweep 1 \u00b7 -100 pA \u00b7 no spikes"),
                model.sweeps().get(0).text());
        assertTrue(model.sweeps().get(8).text().contains("+300 pA"), model.sweeps().get(8).text());
        assertTrue(model.shownProperty().get().sweeps().get(8).spikePeaks().length > 0, "the last sweep spikes");
        SweepTraces traces = model.shownProperty().get();
        assertEquals("V (mV)", traces.response().label());
        assertEquals("I (pA)", traces.stimulus().label());
        assertEquals(1000, traces.durationMs(), 1e-9);

        Map<String, String> meta = metadata(model);
        assertEquals("File_axon_5.abf", meta.get("File"));
        assertEquals("ABF 2.0", meta.get("Format"));
        assertEquals("current clamp", meta.get("Clamp mode"));
        assertEquals("_Ipatch (mV)", meta.get("Channels (units)"));
        assertEquals("20000 Hz (dt 0.05 ms)", meta.get("Sampling"));
        assertEquals("1000 ms", meta.get("Duration"));
        assertEquals("step cclamp", meta.get("protocol"));
        assertEquals("0.1 ms", meta.get("Fit resamples to dt"));
    }

    @Test
    void togglingASweepEditsTheProjectAndUndoRestoresIt() {
        RecordingViewModel model = open("abf-steps");
        ProjectDocument document = model.document();
        Project original = document.project();

        model.setSweepSelected(2, false);
        assertEquals(List.of(0, 1, 3, 4, 5, 6, 7, 8), document.project().recording().sweeps());
        assertEquals("Deselect sweep 3", document.undoDescriptionProperty().get(), "sweeps are numbered from 1 on screen");
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0),
                document.project().fit().losses().get(0).sweepWeights(), "the weights still line up with the sweeps");
        assertFalse(model.sweeps().get(2).isSelected());
        assertEquals(List.of(0, 1, 3, 4, 5, 6, 7, 8), shown(model));

        document.undo();
        assertEquals(original, document.project());
        assertFalse(document.isDirty());
        assertTrue(model.sweeps().get(2).isSelected());
        assertEquals(9, shown(model).size());

        document.redo();
        assertFalse(model.sweeps().get(2).isSelected());
        model.setSweepSelected(2, true);
        assertEquals(original, document.project(), "reselecting the sweep gives the project back");
    }

    @Test
    void theLastSelectedSweepStays() {
        RecordingViewModel model = open("abf-steps");
        ProjectDocument document = model.document();
        document.edit("Only sweep 4", p -> RecordingEdits.withSweeps(p, List.of(4), 9));
        assertEquals(List.of(4), shown(model));
        Project before = document.project();

        model.setSweepSelected(4, false);
        assertEquals(before, document.project());
        assertTrue(model.sweeps().get(4).isSelected());
        assertFalse(model.noticeProperty().get().isEmpty());

        model.selectAllSweeps();
        assertNull(document.project().recording().sweeps());
        assertEquals("", model.noticeProperty().get());
    }

    @Test
    void sweepsTheFileDoesNotHaveAreReportedAndDroppedByTheNextChange() {
        RecordingViewModel model = open("abf-steps");
        ProjectDocument document = model.document();
        document.edit("Bad sweeps", p -> {
            Project.RecordingRef r = p.recording();
            return new Project(p.schemaVersion(), p.name(), p.description(), p.model(), p.parameters(), p.stimulus(),
                    p.record(), p.target(), null, new Project.RecordingRef(r.file(), List.of(4, 20), r.window(), r.dt(),
                    r.offsetMv(), r.channel(), r.baseline()));
        });
        assertTrue(model.problemProperty().get().contains("sweep 20 does not exist"), model.problemProperty().get());
        assertEquals(List.of(4), shown(model));

        model.setSweepSelected(5, true);
        assertEquals(List.of(4, 5), document.project().recording().sweeps());
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void aDraggedWindowBecomesTheWindowOfTheLossTermsThatUseOne() {
        RecordingViewModel model = open("abf-steps");
        ProjectDocument document = model.document();
        Project original = document.project();
        assertEquals(List.of(new RecordingViewModel.FitWindow(216, 716, "first_spike_latency")),
                model.fitWindowsProperty().get());
        assertEquals("Fit window: whole sweeps (mse); 216–716 ms (first_spike_latency)",
                model.windowSummaryProperty().get());

        model.setFitWindow(400.04, 150.01);
        List<FitSettings.LossTerm> terms = document.project().fit().losses();
        assertEquals(List.of(150.0, 400.0), terms.get(0).window(), "mse");
        assertNull(terms.get(1).window(), "spike_count looks at whole sweeps");
        assertEquals(List.of(150.0, 400.0), terms.get(2).window(), "first_spike_latency");
        assertNull(terms.get(3).window(), "van_rossum");
        assertEquals("Set fit window", document.undoDescriptionProperty().get());
        assertEquals(List.of(new RecordingViewModel.FitWindow(150, 400, "mse, first_spike_latency")),
                model.fitWindowsProperty().get());
        assertTrue(model.hasWindowProperty().get());

        model.setFitWindow(-50, 2000);
        assertEquals(List.of(0.0, 1000.0), document.project().fit().losses().get(0).window(), "clamped to the sweep");

        model.clearFitWindow();
        assertTrue(model.fitWindowsProperty().get().isEmpty());
        assertFalse(model.hasWindowProperty().get());
        assertEquals("Clear fit window", document.undoDescriptionProperty().get());

        document.undo();
        document.undo();
        document.undo();
        assertEquals(original, document.project());
    }

    @Test
    void aWindowOnACroppedRecordingIsStoredFromTheCropsStart() {
        RecordingViewModel model = open("abf-steps");
        ProjectDocument document = model.document();
        document.edit("Crop", p -> {
            Project.RecordingRef r = p.recording();
            return new Project(p.schemaVersion(), p.name(), p.description(), p.model(), p.parameters(), p.stimulus(),
                    p.record(), p.target(), p.fit(), new Project.RecordingRef(r.file(), r.sweeps(),
                    List.of(100.0, 900.0), r.dt(), r.offsetMv(), r.channel(), r.baseline()));
        });
        model.setFitWindow(200, 950);
        assertEquals(List.of(100.0, 800.0), document.project().fit().losses().get(0).window());
        assertEquals(200, model.fitWindowsProperty().get().get(0).fromMs(), 1e-9);
        assertEquals(900, model.fitWindowsProperty().get().get(0).toMs(), 1e-9);
    }

    @Test
    void aRecordingWithAnOffsetShowsTheVoltageTheFitSees() {
        RecordingViewModel model = open("nwb-steps");
        assertEquals("", model.messageProperty().get());
        assertEquals(16, model.sweeps().size());
        assertEquals(List.of(6, 7, 8, 9, 10, 11, 12, 13, 14, 15), shown(model));
        assertEquals("NWB 2.4.0", metadata(model).get("Format"));
        assertEquals("63 mV subtracted (shown so)", metadata(model).get("Voltage offset"));
        assertTrue(model.sweeps().get(10).text().startsWith("Sweep 11 \u00b7 0 pA \u00b7 "),
                "float32 round-off is not a step: " + model.sweeps().get(10).text());
        double rest = model.shownProperty().get().sweeps().get(0).response()[0];
        assertTrue(rest < -60 && rest > -95, "rest after the offset: " + rest);
    }

    @Test
    void aProjectWithoutRecordingShowsItsStimulusAndTargetAndOnlyHidesSweeps() {
        RecordingViewModel model = open("hh-synthetic");
        ProjectDocument document = model.document();
        assertFalse(model.recordingBackedProperty().get());
        assertFalse(model.noteProperty().get().isEmpty(), "says that sweep selection is for recordings");
        assertEquals(5, model.sweeps().size());
        assertEquals(5, shown(model).size());
        assertTrue(model.shownProperty().get().sweeps().stream().anyMatch(s -> s.spikePeaks().length > 0));
        assertEquals("hh", metadata(model).get("Model"));
        assertEquals("traces from input_traces_hh.csv", metadata(model).get("Stimulus"));

        model.setSweepSelected(1, false);
        assertEquals(List.of(0, 2, 3, 4), shown(model));
        assertFalse(document.canUndoProperty().get(), "hiding a sweep is not an edit of the project");

        model.setFitWindow(5, 10);
        assertEquals(List.of(5.0, 10.0), document.project().fit().losses().get(0).window());
        assertEquals(List.of(0, 2, 3, 4), shown(model), "hidden sweeps stay hidden when the project resolves again");
    }

    @Test
    void aMissingOrUnreadableRecordingIsSaidPlainly() throws Exception {
        Project sample = ProjectFiles.read(SAMPLES.resolve("abf-steps").resolve("abf-steps.brainfx.json"));
        Path file = dir.resolve("broken.brainfx.json");
        ProjectFiles.write(sample, file);
        RecordingViewModel missing = open(ProjectDocument.open(file));
        assertTrue(missing.messageProperty().get().contains("does not exist"), missing.messageProperty().get());
        assertTrue(missing.sweeps().isEmpty());
        assertNull(missing.shownProperty().get());

        Files.writeString(dir.resolve("File_axon_5.abf"), "not an ABF file", StandardCharsets.UTF_8);
        RecordingViewModel unreadable = open(ProjectDocument.open(file));
        String message = unreadable.messageProperty().get();
        assertTrue(message.startsWith("Cannot read the recording File_axon_5.abf: "), message);
        assertFalse(unreadable.problemProperty().get().isEmpty(), "the project cannot be fitted either");
    }
}
