package org.brainfx.app.modelview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.model.library.ModelLibrary;
import org.junit.jupiter.api.Test;

class ModelHighlighterTest {

    @Test
    void everyPartOfAParameterLineHasItsClass() {
        String text = "state V = -65 mV\nparam gNa = 20 uS in [0.01, 40]  # sodium\ndV/dt = -gNa*(V - 50 mV)/exp(1)\n";
        List<String> classes = classesPerChar(text, null);
        assertEquals("mv-keyword", at(text, classes, "param"));
        assertEquals("mv-param", at(text, classes, "gNa ="));
        assertEquals("mv-number", at(text, classes, "20 uS"));
        assertEquals("mv-unit", at(text, classes, "uS in"));
        assertEquals("mv-keyword", at(text, classes, "in ["));
        assertEquals("mv-number", at(text, classes, "0.01"));
        assertEquals("mv-comment", at(text, classes, "# sodium"));
        assertEquals("mv-derivative", at(text, classes, "dV/dt"));
        assertEquals("mv-state", at(text, classes, "V - 50"));
        assertEquals("mv-unit", at(text, classes, "mV)/"));
        assertEquals("mv-function", at(text, classes, "exp("));
    }

    @Test
    void unitsWrittenAsPerTimeAndInputUnitsAreUnits() {
        String text = "param a = 0 /ms in [0, 0.1]\ninput I : nA\nparam R1 = 0 fixed\n";
        List<String> classes = classesPerChar(text, null);
        assertEquals("mv-unit", at(text, classes, "/ms"));
        assertEquals("mv-unit", at(text, classes, "nA"));
        assertEquals("mv-keyword", at(text, classes, "fixed"));
    }

    @Test
    void theErrorsTokenIsMarkedAndRunsCoverTheWholeText() {
        String text = ModelLibrary.text("hh");
        List<StyledRun> runs = ModelHighlighter.highlight(text, List.of(new ModelDiagnostic(12, 12, "expected a number")));
        assertEquals(text.length(), runs.stream().mapToInt(StyledRun::length).sum());
        List<String> classes = classesPerChar(text, new ModelDiagnostic(12, 12, "expected a number"));
        int lineStart = nthLineStart(text, 12);
        assertTrue(classes.get(lineStart + 11).contains(ModelHighlighter.ERROR), classes.get(lineStart + 11));
        assertTrue(!classes.get(lineStart + 2).contains(ModelHighlighter.ERROR));
    }

    @Test
    void everyErrorIsMarkedAtItsOwnPlace() {
        String text = "state V = x\nstate m = 0\nstate n = y";
        List<String> classes = new ArrayList<>();
        for (StyledRun run : ModelHighlighter.highlight(text, List.of(new ModelDiagnostic(1, 11, "expected a number"),
                new ModelDiagnostic(3, 11, "expected a number")))) {
            for (int i = 0; i < run.length(); i++) {
                classes.add(String.join(" ", run.styleClasses()));
            }
        }
        assertTrue(classes.get(10).contains(ModelHighlighter.ERROR), "line 1's x");
        assertTrue(classes.get(text.length() - 1).contains(ModelHighlighter.ERROR), "line 3's y");
        assertTrue(!classes.get(text.indexOf('0')).contains(ModelHighlighter.ERROR), "line 2 is fine");
    }

    @Test
    void anErrorWithoutAColumnMarksTheLineAndOneAtTheEndMarksItsLastCharacter() {
        String text = "state V = -65 mV\nparam x =";
        List<String> whole = classesPerChar(text, new ModelDiagnostic(1, 0, "bad"));
        assertTrue(whole.get(0).contains(ModelHighlighter.ERROR) && whole.get(15).contains(ModelHighlighter.ERROR));
        List<String> end = classesPerChar(text, new ModelDiagnostic(2, 10, "expected a number"));
        assertTrue(end.get(text.length() - 1).contains(ModelHighlighter.ERROR));
    }

    @Test
    void textThatDoesNotParseIsStillHighlighted() {
        String text = "param = \"unclosed\nwhatever 3e-2 (((";
        List<StyledRun> runs = ModelHighlighter.highlight(text, List.of());
        assertEquals(text.length(), runs.stream().mapToInt(StyledRun::length).sum());
        assertEquals("", ModelHighlighter.highlight("", List.of()).stream().map(r -> "x").reduce("", String::concat));
    }

    private static List<String> classesPerChar(String text, ModelDiagnostic error) {
        List<String> out = new ArrayList<>();
        for (StyledRun run : ModelHighlighter.highlight(text, error == null ? List.of() : List.of(error))) {
            for (int i = 0; i < run.length(); i++) {
                out.add(String.join(" ", run.styleClasses()));
            }
        }
        return out;
    }

    private static String at(String text, List<String> classes, String snippet) {
        int i = text.indexOf(snippet);
        assertTrue(i >= 0, snippet);
        return classes.get(i);
    }

    private static int nthLineStart(String text, int line) {
        int at = 0;
        for (int i = 1; i < line; i++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at;
    }
}
