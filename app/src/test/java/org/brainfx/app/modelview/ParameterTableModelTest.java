package org.brainfx.app.modelview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.project.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParameterTableModelTest {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("org.brainfx.ui.messages");

    private ProjectDocument document;
    private ParameterTableModel table;

    @BeforeEach
    void open() {
        document = ProjectDocument.open(Path.of("..", "sample-projects", "hh-synthetic"));
        ProjectSession session = new ProjectSession(document, task -> { }, UiExecutor.direct());
        table = new ModelViewModel(session, MESSAGES, UiExecutor.direct(), Runnable::run).parameterTable();
    }

    @Test
    void aValueMustBeANumberInsideTheBounds() {
        Project before = document.project();
        table.editValue("gNa", "fast");
        assertEquals("\u2018fast\u2019 is not a number; gNa is unchanged.", row("gNa").problem());
        table.editValue("gNa", "50");
        assertTrue(row("gNa").problem().contains("[0.01, 40] uS"), row("gNa").problem());
        assertEquals(before, document.project());

        table.editValue("gNa", " 20 ");
        assertEquals(20.0, document.project().parameters().get("gNa"));
        assertEquals("", row("gNa").problem());
        assertEquals("Change gNa", document.undoDescriptionProperty().get());
        document.undo();
        assertEquals(15.0, document.project().parameters().get("gNa"));
        assertEquals(15.0, row("gNa").value());
    }

    @Test
    void boundsMustBeOrderedInsideTheModelsAndAroundTheValue() {
        Project before = document.project();
        table.editLower("gNa", "50");
        assertTrue(row("gNa").problem().startsWith("Min must be below max"), row("gNa").problem());
        table.editUpper("gNa", "60");
        assertTrue(row("gNa").problem().contains("model\u2019s [0.01, 40]"), row("gNa").problem());
        table.editLower("gNa", "16");
        assertTrue(row("gNa").problem().contains("change the value first"), row("gNa").problem());
        table.editLower("C", "0.1");
        assertTrue(row("C").problem().contains("is fixed"), row("C").problem());
        assertEquals(before, document.project());

        table.editLower("gNa", "1");
        assertEquals(List.of(1.0, 40.0), document.project().fit().free().get("gNa"));
        assertEquals(1.0, row("gNa").lower());
    }

    @Test
    void freeingAndFixingEditsTheFitsFreeParameters() {
        table.setFree("gL", false);
        assertFalse(document.project().fit().free().containsKey("gL"));
        assertFalse(row("gL").free());
        assertEquals(0.0001, row("gL").lower(), "a fixed parameter shows the model's bounds");

        table.setFree("C", true);
        assertEquals(List.of(0.02, 2.0), round(document.project().fit().free().get("C")));
        assertTrue(row("C").problem().contains("a decade either side"), row("C").problem());
        assertEquals(List.of("gNa", "gK", "Vth", "C"), List.copyOf(document.project().fit().free().keySet()));

        document.undo();
        document.undo();
        assertEquals(List.of("gL", "gNa", "gK", "Vth"), List.copyOf(document.project().fit().free().keySet()));
        assertTrue(row("gL").free());
    }

    @Test
    void fitBoundsWiderThanTheModelsCanBeNarrowedOneAtATime() {
        // A project may free b within [0, 2] although the model bounds it to [0, 1].
        ProjectDocument abf = ProjectDocument.open(Path.of("..", "sample-projects", "abf-steps"));
        abf.edit("Widen b", p -> {
            Map<String, List<Double>> free = new LinkedHashMap<>(p.fit().free());
            free.put("b", List.of(0.0, 2.0));
            return ProjectEdits.withFit(p, ProjectEdits.withFree(p.fit(), free));
        });
        ParameterTableModel abfTable = new ModelViewModel(new ProjectSession(abf, task -> { }, UiExecutor.direct()),
                MESSAGES, UiExecutor.direct(), Runnable::run).parameterTable();
        abfTable.editLower("b", "0.01");
        assertEquals(List.of(0.01, 2.0), abf.project().fit().free().get("b"));
        abfTable.editUpper("b", "1.6");
        assertTrue(abfTable.rows().stream().filter(r -> r.name().equals("b")).findFirst().orElseThrow().problem()
                .contains("model\u2019s [0, 1]"));
        abfTable.editUpper("b", "0.8");
        assertEquals(List.of(0.01, 0.8), abf.project().fit().free().get("b"));
    }

    @Test
    void onlyPlainDecimalNumbersAreValues() {
        Project before = document.project();
        for (String typed : List.of("NaN", "Infinity", "0x1p3", "1d", "", "1,5")) {
            table.editValue("gL", typed);
            assertTrue(row("gL").problem().contains("is not a number"), typed + ": " + row("gL").problem());
        }
        assertEquals(before, document.project());
        table.editValue("gL", "5e-3");
        assertEquals(0.005, document.project().parameters().get("gL"));
        assertFalse(document.project().equals(before));
    }

    private ModelParameterRow row(String name) {
        return table.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Double> round(List<Double> values) {
        return values.stream().map(v -> Math.round(v * 1e9) / 1e9).toList();
    }
}
