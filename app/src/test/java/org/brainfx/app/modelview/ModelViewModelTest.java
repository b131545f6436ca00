package org.brainfx.app.modelview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ResourceBundle;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelViewModelTest {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("org.brainfx.ui.messages");
    private static final String HH = ModelLibrary.text("hh");

    private ProjectDocument document;
    private ModelViewModel model;

    @BeforeEach
    void open() {
        document = ProjectDocument.open(Path.of("..", "sample-projects", "hh-synthetic"));
        // Resolution is not under test here; a no-op executor keeps the HH compile out of every test.
        ProjectSession session = new ProjectSession(document, task -> { }, UiExecutor.direct());
        model = new ModelViewModel(session, MESSAGES, UiExecutor.direct(), Runnable::run);
    }

    @Test
    void showsTheBuiltinModelAndItsParametersWithTheProjectsValues() {
        assertEquals(HH, model.textProperty().get());
        assertNull(model.diagnosticProperty().get());
        assertFalse(model.canApplyProperty().get());
        assertTrue(model.sourceProperty().get().contains("hh"), model.sourceProperty().get());
        assertEquals(List.of("gL", "gNa", "gK", "Vth", "C"), model.parameterTable().rows().stream().map(ModelParameterRow::name).toList());
        ModelParameterRow gNa = row("gNa");
        assertEquals(15.0, gNa.value());
        assertEquals("uS", gNa.unit());
        assertTrue(gNa.free());
        assertEquals(0.01, gNa.lower());
        assertEquals(40.0, gNa.upper());
        assertFalse(row("C").free());
        assertEquals(List.of("lif", "gif", "adex", "izhikevich", "hh"), model.library().stream().map(LibraryModel::name).toList());
        assertEquals("hh", model.selectedLibraryModelProperty().get().name(), "the library opens on the model in use");
        assertTrue(model.selectedIsInUseProperty().get());
    }

    @Test
    void aParseErrorIsReportedAtItsLineAndClearedWhenFixed() {
        Project before = document.project();
        type(HH.replace("param gK = 5.814895041093182 uS", "param gK = uS"));
        ModelDiagnostic problem = model.diagnosticProperty().get();
        assertNotNull(problem);
        assertEquals(12, problem.line());
        assertEquals(12, problem.column());
        assertTrue(problem.display().startsWith("line 12, col 12: expected a number"), problem.display());
        assertFalse(model.canApplyProperty().get());
        model.apply();
        assertEquals(before, document.project(), "invalid text never reaches the project");

        type(HH);
        assertNull(model.diagnosticProperty().get());
    }

    @Test
    void everyBrokenLineIsADiagnosticOfItsOwn() {
        type(HH.replace("param gNa = 24.697737655778038 uS", "param gNa = uS")
                .replace("param gK = 5.814895041093182 uS", "param gK = uS"));
        assertEquals(List.of(11, 12), model.diagnosticsProperty().get().stream().map(ModelDiagnostic::line).toList());
        assertEquals(model.diagnosticsProperty().get().get(0), model.diagnosticProperty().get(), "the first is the diagnostic");
        assertTrue(model.diagnosticsProperty().get().get(1).display().startsWith("line 12, col 12: expected a number"),
                model.diagnosticsProperty().get().get(1).display());

        type(HH.replace("param gK = 5.814895041093182 uS", "param gK = uS"));
        assertEquals(1, model.diagnosticsProperty().get().size(), "a fixed line drops out");
        type(HH);
        assertEquals(List.of(), model.diagnosticsProperty().get());
    }

    @Test
    void aUnitMismatchNamesTheEquationsLine() {
        type(HH.replace("dm/dt = am*(1 - m) - bm*m", "dm/dt = am*(1 - m) - bm*m + V"));
        ModelDiagnostic problem = model.diagnosticProperty().get();
        assertNotNull(problem);
        assertEquals(30, problem.line());
        assertTrue(problem.message().contains("units do not match"), problem.message());
    }

    @Test
    void validTextIsAppliedAsAnInlineModelAndUndoRestoresTheBuiltin() {
        String edited = HH.replace("const EK = -90 mV", "const EK = -85 mV  # measured");
        type(edited);
        assertTrue(model.canApplyProperty().get());
        model.apply();
        Project.ModelRef ref = document.project().model();
        assertNull(ref.builtin());
        assertEquals(-85.0, ref.spec().constants().stream().filter(c -> c.name().equals("EK")).findFirst().orElseThrow().value());
        assertEquals(edited, model.textProperty().get(), "the text stays as typed, comments included");
        assertFalse(model.modifiedProperty().get());
        assertEquals(15.0, document.project().parameters().get("gNa"), "parameter values survive");

        document.undo();
        assertEquals("hh", document.project().model().builtin());
        assertEquals(HH, model.textProperty().get());
        document.redo();
        assertEquals(edited, model.textProperty().get());
    }

    @Test
    void aCommentOnlyChangeIsAnEditOfItsOwnThatUndoTakesBack() {
        String edited = HH.replace("const EK = -90 mV", "const EK = -85 mV");
        type(edited);
        model.apply();
        String commented = edited.replace("const EK = -85 mV", "const EK = -85 mV  # measured");
        type(commented);
        assertTrue(model.canApplyProperty().get());
        model.apply();
        assertFalse(model.modifiedProperty().get(), "nothing left to apply");
        assertEquals(commented, document.project().model().text(), "the project keeps the comment");
        document.undo();
        assertEquals(edited, model.textProperty().get(), "undo takes back the comment");
        document.undo();
        assertEquals("hh", document.project().model().builtin());
    }

    @Test
    void anInlineModelsCommentsSurviveSavingAndReopening(@TempDir Path folder) throws IOException {
        Path copy = folder.resolve("hh.brainfx.json");
        Project p = document.project();
        String commented = HH.replace("const EK = -90 mV", "const EK = -85 mV  # measured at 34 C");
        type(commented);
        model.apply();
        document.saveAs(copy);
        assertTrue(Files.readString(copy).contains("measured at 34 C"), "the file holds the text as typed");

        ProjectDocument reopened = ProjectDocument.open(copy);
        ModelViewModel again = new ModelViewModel(new ProjectSession(reopened, task -> { }, UiExecutor.direct()),
                MESSAGES, UiExecutor.direct(), Runnable::run);
        assertEquals(commented, again.textProperty().get());
        assertFalse(again.modifiedProperty().get());
        assertEquals(p.parameters(), reopened.project().parameters());
    }

    @Test
    void typedTextThatNoLongerReadsAsTheSpecIsNotShown() {
        type(HH.replace("const EK = -90 mV", "const EK = -85 mV  # measured"));
        model.apply();
        Project.ModelRef ref = document.project().model();
        Project.ModelRef handEdited = new Project.ModelRef(null, null, ref.spec(), null, null,
                HH.replace("const EK = -90 mV", "const EK = -70 mV  # stale"));
        assertNull(handEdited.textOfSpec(), "text saying EK = -70 mV does not describe a spec with -85 mV");
        assertEquals(ref.text(), ref.textOfSpec());
    }

    @Test
    void theSourceLineNamesTheProjectsOverridesOfTheText() {
        ProjectDocument gif = ProjectDocument.open(Path.of("..", "sample-projects", "gif-synthetic"));
        ModelViewModel gifModel = new ModelViewModel(new ProjectSession(gif, task -> { }, UiExecutor.direct()), MESSAGES,
                UiExecutor.direct(), Runnable::run);
        assertTrue(gifModel.sourceProperty().get().contains("reset detached"), gifModel.sourceProperty().get());
        assertTrue(gifModel.parameterTable().rows().stream().filter(ModelParameterRow::free).map(ModelParameterRow::name).toList()
                .equals(List.of("a", "b", "k1", "k2")));
    }

    @Test
    void applyingARenamedParameterDropsItsOldNameFromTheProject() {
        type(HH.replace("gK", "gKdr"));
        assertEquals(List.of("the value of gK (no such parameter)", "free parameter gK", "the synthetic target\u2019s gK"),
                model.applyConsequences());
        model.apply();
        Project p = document.project();
        assertFalse(p.parameters().containsKey("gK"));
        assertFalse(p.fit().free().containsKey("gK"));
        assertFalse(p.target().syntheticParameters().containsKey("gK"));
        assertTrue(model.noticeProperty().get().contains("free parameter gK"), model.noticeProperty().get());
        assertTrue(model.parameterTable().rows().stream().anyMatch(r -> r.name().equals("gKdr")));
    }

    @Test
    void theNewestCheckWinsWhenChecksFinishOutOfOrder() {
        List<Runnable> queued = new ArrayList<>();
        ProjectSession session = new ProjectSession(document, task -> { }, UiExecutor.direct());
        ModelViewModel late = new ModelViewModel(session, MESSAGES, UiExecutor.direct(), queued::add);
        queued.remove(0).run();
        queued.remove(0).run();
        queued.clear();
        late.textProperty().set("param x = oops");
        late.check();
        late.textProperty().set(HH);
        late.check();
        assertTrue(late.checkingProperty().get());
        queued.get(1).run();
        queued.get(0).run();
        assertNull(late.diagnosticProperty().get(), "the older, failing check arrived last but was dropped");
        assertFalse(late.checkingProperty().get());
    }

    @Test
    void usingALibraryModelDropsWhatItCannotTakeAndCanBeUndone() {
        LibraryModel lif = model.library().stream().filter(m -> m.name().equals("lif")).findFirst().orElseThrow();
        model.selectLibraryModel(lif);
        assertFalse(model.selectedIsInUseProperty().get());
        assertTrue(model.useConsequences(lif).contains("free parameter gNa"), model.useConsequences(lif).toString());
        model.useInProject(lif);
        Project p = document.project();
        assertEquals("lif", p.model().builtin());
        assertTrue(p.parameters().isEmpty());
        assertNull(p.fit().free(), "no free name survives, so every trainable parameter is free");
        assertTrue(model.selectedIsInUseProperty().get());
        assertEquals(ModelLibrary.text("lif"), model.textProperty().get());
        assertEquals(List.of("V_rest", "V_reset", "V_th", "tau", "R"), model.parameterTable().rows().stream().map(ModelParameterRow::name).toList());
        assertTrue(model.noticeProperty().get().contains("lif"), model.noticeProperty().get());

        document.undo();
        assertEquals("hh", document.project().model().builtin());
        assertEquals(HH, model.textProperty().get());
    }

    @Test
    void aModelFileIsEditedIntoTheProjectAndTheFileIsLeftAlone(@TempDir Path folder) throws IOException {
        String lif = ModelLibrary.text("lif");
        Files.writeString(folder.resolve("mine.model"), lif);
        Path file = folder.resolve("p.brainfx.json");
        ProjectFiles.write(new Project(1, "p", null, new Project.ModelRef(null, "mine.model", null), null, null, null,
                null, null), file);
        ProjectDocument doc = ProjectDocument.open(file);
        ModelViewModel fromFile = new ModelViewModel(new ProjectSession(doc, task -> { }, UiExecutor.direct()), MESSAGES,
                UiExecutor.direct(), Runnable::run);
        assertEquals(lif, fromFile.textProperty().get());
        assertTrue(fromFile.sourceProperty().get().contains("mine.model"), fromFile.sourceProperty().get());

        fromFile.textProperty().set(lif.replace("param tau = 10 ms", "param tau = 12 ms"));
        fromFile.check();
        fromFile.apply();
        assertEquals(12.0, doc.project().model().spec().parameter("tau").value());
        assertEquals(lif, Files.readString(folder.resolve("mine.model")), "Apply never writes the model file");
    }

    @Test
    void saveWritesTheModelFileKeepsABackupAndResolvesTheProjectAgain(@TempDir Path folder) throws IOException {
        String lif = ModelLibrary.text("lif");
        Path model = folder.resolve("mine.model");
        Files.writeString(model, lif);
        Path file = folder.resolve("p.brainfx.json");
        ProjectFiles.write(new Project(1, "p", null, new Project.ModelRef(null, "mine.model", null), Map.of("R", 20.0),
                null, null, null, null), file);
        ProjectDocument doc = ProjectDocument.open(file);
        AtomicInteger resolutions = new AtomicInteger();
        ModelViewModel fromFile = new ModelViewModel(new ProjectSession(doc, task -> resolutions.incrementAndGet(),
                UiExecutor.direct()), MESSAGES, UiExecutor.direct(), Runnable::run);
        assertEquals("mine.model", fromFile.modelFileProperty().get());
        String edited = lif.replace("param tau = 10 ms", "param tau = 12 ms");
        fromFile.textProperty().set(edited);
        fromFile.check();
        assertTrue(fromFile.canSaveFileProperty().get());
        int before = resolutions.get();
        fromFile.saveFile();
        assertEquals(edited, Files.readString(model));
        assertEquals(lif, Files.readString(folder.resolve("mine.model.bak")));
        assertEquals("mine.model", doc.project().model().file(), "the project still reads the file");
        assertEquals(before + 1, resolutions.get(), "the session reads the saved file");
        assertFalse(fromFile.modifiedProperty().get());
        assertEquals(12.0, fromFile.parameterTable().rows().stream().filter(r -> r.name().equals("tau")).findFirst()
                .orElseThrow().value());

        fromFile.textProperty().set(edited.replace("R", "Rm"));
        fromFile.check();
        fromFile.saveFile();
        assertFalse(doc.project().parameters().containsKey("R"), "a name the saved model lost leaves the project");
        assertTrue(fromFile.noticeProperty().get().contains("the value of R"), fromFile.noticeProperty().get());
    }

    @Test
    void saveIsOnlyForAModelFile() {
        type(HH.replace("const EK = -90 mV", "const EK = -85 mV"));
        assertEquals("", model.modelFileProperty().get());
        assertFalse(model.canSaveFileProperty().get());
        model.saveFile();
        assertEquals("hh", document.project().model().builtin());
    }

    @Test
    void namesTheModelLacksAreNamedAndCanBeRemoved() {
        document.edit("break", p -> ProjectModelEdits.withParameterValue(p, "gX", 1.0));
        assertEquals("the value of gX (no such parameter)", model.staleNamesProperty().get());
        model.removeStaleNames();
        assertFalse(document.project().parameters().containsKey("gX"));
        assertEquals("", model.staleNamesProperty().get());
        assertEquals(15.0, document.project().parameters().get("gNa"), "everything else stays");
        document.undo();
        assertEquals("the value of gX (no such parameter)", model.staleNamesProperty().get());
    }

    @Test
    void aModelFileThatCannotBeReadIsSaidSo(@TempDir Path folder) {
        Path file = folder.resolve("p.brainfx.json");
        ProjectFiles.write(new Project(1, "p", null, new Project.ModelRef(null, "gone.model", null), null, null, null,
                null, null), file);
        ModelViewModel missing = new ModelViewModel(new ProjectSession(ProjectDocument.open(file), task -> { },
                UiExecutor.direct()), MESSAGES, UiExecutor.direct(), Runnable::run);
        assertTrue(missing.sourceProperty().get().startsWith("The project\u2019s model cannot be read"),
                missing.sourceProperty().get());
        assertTrue(missing.sourceProperty().get().contains("gone.model"), missing.sourceProperty().get());
        assertTrue(missing.parameterTable().rows().isEmpty());
    }

    private void type(String text) {
        model.textProperty().set(text);
        model.check();
    }

    private ModelParameterRow row(String name) {
        return model.parameterTable().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
