package org.brainfx.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.ResourceBundle;
import org.brainfx.engine.train.CurriculumStage;
import org.brainfx.engine.train.TrainingSettings;
import org.junit.jupiter.api.Test;

/** The training form: starts at the project's values, refuses on the row what the engine refuses, keeps the rest. */
class TrainingFormTest {
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("org.brainfx.ui.messages");

    private static TrainingSettings project() {
        JsonObject shortDelay = new JsonObject();
        shortDelay.addProperty("delayMs", 100);
        return new TrainingSettings("d-rtrl", 16, 0.005, 1.0, 30, 60.0, null, 0.99, 64, 5, 0, 7L, null, null, null, 2,
                List.of(new CurriculumStage(10, shortDelay)));
    }

    @Test
    void startsAtTheProjectsValuesAndKeepsWhatTheFormDoesNotShow() {
        TrainingForm form = new TrainingForm(project(), MESSAGES);
        assertEquals("d-rtrl", form.row("algorithm").textProperty().get());
        assertEquals("16", form.row("batchSize").textProperty().get());
        assertEquals("30", form.row("batches").textProperty().get());
        assertEquals("60", form.row("budgetSeconds").textProperty().get());
        assertEquals("", form.row("targetAccuracy").textProperty().get(), "not set: the default (none)");
        assertEquals("0.005", form.row("learningRate").textProperty().get());
        TrainingSettings s = form.settingsProperty().get();
        assertNotNull(s);
        assertEquals(project().resolved(), s, "untouched, the form gives the project's settings");
        form.row("batches").textProperty().set("12");
        s = form.settingsProperty().get();
        assertEquals(12, s.batches());
        assertEquals(1.0, s.clipNorm(), "fields the form does not show stay as the project has them");
        assertEquals(7L, s.seed());
        assertEquals(64, s.evaluationTrials());
        assertEquals(project().curriculum(), s.curriculum(), "and so does the curriculum");
    }

    @Test
    void refusesOnTheRowThatCausedIt() {
        TrainingForm form = new TrainingForm(project(), MESSAGES);
        form.row("targetAccuracy").textProperty().set("1.5");
        assertTrue(form.row("targetAccuracy").errorProperty().get().contains("targetAccuracy must lie in [0, 1]"),
                form.row("targetAccuracy").errorProperty().get());
        assertNull(form.settingsProperty().get(), "no settings while a row is invalid");
        assertFalse(form.validProperty().getValue());
        for (SettingRow r : form.rows()) {
            if (r != form.row("targetAccuracy")) {
                assertEquals("", r.errorProperty().get(), r.id() + " is not blamed");
            }
        }
        form.row("threads").textProperty().set("2.5");
        assertEquals("'2.5' is not a whole number", form.row("threads").errorProperty().get());
        form.row("targetAccuracy").textProperty().set("0.9");
        form.row("threads").textProperty().set("");
        assertEquals("", form.row("threads").errorProperty().get());
        assertEquals(1, form.settingsProperty().get().threads(), "an empty row means the default");
        assertEquals(0.9, form.settingsProperty().get().targetAccuracy());
        form.row("algorithm").textProperty().set("sgd");
        assertTrue(form.row("algorithm").errorProperty().get().contains("not known"));
    }

    @Test
    void aProjectWithoutATrainingSectionTakesTheDefaults() {
        TrainingForm form = new TrainingForm(null, MESSAGES);
        assertEquals(TrainingSettings.defaults(), form.settingsProperty().get());
        assertEquals("none", form.row("budgetSeconds").prompt());
    }
}
