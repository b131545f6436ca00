package org.brainfx.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.expr.Pos;
import org.brainfx.engine.model.library.ModelLibrary;
import org.junit.jupiter.api.Test;

class ModelTextTest {
    private static final String EXAMPLE = String.join("\n",
            "model hh \"Hodgkin-Huxley with Traub-Miles rates\"",
            "state V = -65 mV",
            "",
            "state m = 0   # gate",
            "param gNa = 20 uS in [0.01, 40]      # trainable by default",
            "param C = 0.2 nF fixed               # 'fixed' = not trainable",
            "param a = 0 /ms in [0, 0.1]",
            "param w = 1 in [-inf, 2] trainable",
            "const EK = -90 mV",
            "input I : nA",
            "let am = 0.32*4/exprel((13 mV - V)/(4 mV)) / ms",
            "dV/dt = (-gNa*m^3*(V - EK) + I)/C",
            "dm/dt = am*(1 - m)",
            "spike V > 0 mV",
            "reset V = -70 mV",
            "after m = min(m, 1)",
            "surrogate fast_sigmoid alpha=4, beta=0.5",
            "integrator rk4",
            "update sequential",
            "detach_reset");

    private static ModelException error(String text) {
        return assertThrows(ModelException.class, () -> ModelText.parse(text));
    }

    @Test
    void everyBrokenLineIsReportedNotOnlyTheFirst() {
        ModelException e = error(String.join("\n",
                "state V = -65 mV",
                "state m = zero",
                "param gL = 0.1 uS in [0, 1",
                "input I : nA",
                "dV/dt = (I - gL*V)/C"));
        assertEquals(List.of(2, 3), e.all().stream().map(p -> p.pos().line()).toList());
        assertEquals(2, e.pos().line(), "the first problem is the error's own place");
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void everyBrokenExpressionIsReportedOnceTheDeclarationsRead() {
        ModelException e = error(String.join("\n",
                "state V = -65 mV",
                "let a = (V +",
                "dV/dt = V * * 2",
                "spike V > 0 mV"));
        assertEquals(List.of(2, 3), e.all().stream().map(p -> p.pos().line()).toList());
    }

    @Test
    void aSingleProblemIsItsOwnList() {
        ModelException e = error("state V = zero");
        assertEquals(List.of(e), e.all());
    }

    @Test
    void readsEveryKindOfLine() {
        ModelSpec s = ModelText.parse(EXAMPLE);
        assertEquals("hh", s.name());
        assertEquals("Hodgkin-Huxley with Traub-Miles rates", s.description());
        assertEquals(List.of(new StateSpec("V", -65, "mV", 2), new StateSpec("m", 0, "1", 4)), s.states());
        assertEquals(new ParameterSpec("gNa", 20, "uS", 0.01, 40.0, true, 5), s.parameters().get(0));
        assertEquals(new ParameterSpec("C", 0.2, "nF", null, null, false, 6), s.parameters().get(1));
        assertEquals(new ParameterSpec("a", 0, "/ms", 0.0, 0.1, true, 7), s.parameters().get(2));
        assertEquals(new ParameterSpec("w", 1, "1", null, 2.0, true, 8), s.parameters().get(3));
        assertEquals(List.of(new ConstantSpec("EK", -90, "mV", 9)), s.constants());
        assertEquals(List.of(new InputSpec("I", "nA", 10)), s.inputs());
        assertEquals(new DefinitionSpec("am", "0.32*4/exprel((13 mV - V)/(4 mV)) / ms", 11), s.definitions().get(0));
        assertEquals(new EquationSpec("V", "(-gNa*m^3*(V - EK) + I)/C", 12), s.equations().get(0));
        assertEquals("V > 0 mV", s.spike());
        assertEquals(List.of(new AssignmentSpec("V", "-70 mV", 15)), s.resets());
        assertEquals(List.of(new AssignmentSpec("m", "min(m, 1)", 16)), s.after());
        assertEquals(new SurrogateSpec("fast_sigmoid", Map.of("alpha", 4.0, "beta", 0.5)), s.surrogate());
        assertEquals("rk4", s.integrator());
        assertEquals("sequential", s.update());
        assertTrue(s.detachReset());
        ModelText.check(EXAMPLE);
    }

    @Test
    void defaultsForMissingLines() {
        ModelSpec s = ModelText.parse("state V = 1 mV");
        assertNull(s.name());
        assertNull(s.spike());
        assertEquals(SurrogateSpec.DEFAULT, s.surrogate());
        assertEquals("exp_euler", s.integrator());
        assertEquals("simultaneous", s.update());
        assertFalse(s.detachReset());
    }

    @Test
    void syntaxErrorsNameLineColumnFoundAndExpected() {
        assertEquals("line 2, column 13: expected a number but found 'abc'", error("state V = 1\nparam gNa = abc uS").getMessage());
        assertEquals("line 1, column 9: expected '=' but found '-65'", error("state V -65 mV").getMessage());
        assertTrue(error("stat V = 1").getMessage().startsWith("line 1, column 1: expected a declaration (model, state, param"));
        assertEquals("line 1, column 28: expected ']' but found the end of the line", error("param g = 1 uS in [0.01, 40").getMessage());
        assertEquals("line 1, column 16: expected 'in [lower, upper]', 'fixed', 'trainable' or the end of the line but found 'trainablee'",
                error("param g = 1 uS trainablee").getMessage());
        assertTrue(error("param g = 1 uSS").getMessage().startsWith("line 1, column 13: unknown unit 'uSS'"));
        assertEquals("line 1, column 18: expected the end of the line but found 'mV'", error("state V = -65 mV mV").getMessage());
        assertEquals(new ParameterSpec("g", 1, "1", 0.0, 2.0, false, 1), ModelText.parse("param g = 1 in[0,2] fixed").parameters().get(0));
        assertEquals("line 2, column 1: a second 'integrator' line; a model has one", error("integrator euler\nintegrator rk4").getMessage());
        assertEquals("line 1, column 7: expected the model's name but found '\"'", error("model \"x\"").getMessage());
        assertEquals("line 1, column 25: expected a closing '\"' but found the end of the line", error("model x \"unfinished # no").getMessage());
        assertEquals("line 1, column 6: expected an expression but found the end of the line", error("spike").getMessage());
    }

    @Test
    void expressionErrorsHaveAbsoluteColumns() {
        ModelException e = error("state V = 1 mV\n\n   let am = 0.32*(V mV)");
        assertEquals("line 3, column 21: expected ')' but found 'mV'", e.getMessage());
        assertEquals(new Pos(3, 21), e.pos());
        assertEquals("line 1, column 11: unknown function 'ex' (known: exp, log, sqrt, abs, tanh, sigmoid, exprel, pow, min, max, clip, where)",
                error("dV/dt = 1+ex(2)").getMessage());
        assertEquals("line 1, column 11: 'max' takes 2 arguments, got 3", error("reset V = max(1, 2, 3)").getMessage());
    }

    @Test
    void formatThenParseGivesTheSameSpec() {
        ModelSpec s = ModelText.parse(EXAMPLE);
        String text = ModelText.format(s);
        assertEquals(ModelSpecs.withoutLines(s), ModelSpecs.withoutLines(ModelText.parse(text)));
        assertEquals(text, ModelText.format(ModelText.parse(text)));
        assertTrue(text.contains("param w = 1 in [-inf, 2]\n"), text);
        assertTrue(text.contains("param C = 0.2 nF fixed\n"), text);
        assertTrue(text.contains("surrogate fast_sigmoid alpha=4 beta=0.5\n"), text);
    }

    @Test
    void descriptionsWithQuotesRoundTrip() {
        ModelSpec s = new ModelSpec("q", "a \"quoted\" # not a comment \\ end", null, null, null, null, null, null,
                null, null, null, null, null, null, false);
        assertEquals(s, ModelSpecs.withoutLines(ModelText.parse(ModelText.format(s))));
    }

    @Test
    void everyLibraryModelRoundTrips() {
        for (String name : ModelLibrary.names()) {
            ModelSpec s = ModelLibrary.get(name);
            String text = ModelText.format(s);
            assertEquals(ModelSpecs.withoutLines(s), ModelSpecs.withoutLines(ModelText.parse(text)), name);
            ModelText.check(text);
        }
    }
}
