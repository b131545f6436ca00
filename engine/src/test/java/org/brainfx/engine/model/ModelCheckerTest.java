package org.brainfx.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.expr.Expr;
import org.brainfx.engine.model.expr.ExprPrinter;
import org.brainfx.engine.model.expr.Pos;
import org.junit.jupiter.api.Test;

class ModelCheckerTest {
    private static final String LIF = String.join("\n",
            "model lif",
            "state V = -65 mV",
            "param V_rest = -65 mV",
            "param tau = 10 ms in [1, 100]",
            "param R = 10 MOhm",
            "input I : nA",
            "dV/dt = (-(V - V_rest) + R*I)/tau",
            "spike V > -50 mV",
            "reset V = -70 mV");

    private static String message(String text) {
        return assertThrows(ModelException.class, () -> ModelText.check(text)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    private static String lifWith(String line) {
        return LIF + "\n" + line;
    }

    @Test
    void valuesAndNumbersBecomeInternalUnits() {
        CheckedModel m = ModelText.check(String.join("\n",
                "state V = -0.065 V",
                "param g = 30 nS in [1, 100]",
                "const E = 1 V",
                "let rate = 5/ms + 2 Hz",
                "let gd = 1 mS/cm2 * 2 cm2"));
        CheckedModel.Symbol g = m.parameters().get(0);
        assertEquals(-65.0, m.states().get(0).value(), 1e-12);
        assertEquals(0.03, g.value(), 1e-15);
        assertEquals(0.001, g.lower(), 1e-15);
        assertEquals(0.1, g.upper(), 1e-15);
        assertTrue(g.trainable());
        assertEquals(1000.0, m.constants().get(0).value(), 0.0);
        Expr.Binary rate = (Expr.Binary) m.definitions().get(0).expression();
        Expr.Num perMs = (Expr.Num) ((Expr.Binary) rate.left()).right();
        assertEquals(1.0, perMs.value(), 0.0);
        assertEquals(0.002, ((Expr.Num) rate.right()).value(), 1e-18);
        assertEquals("1/ms", m.definitions().get(0).unit().symbol());
        Expr.Binary gd = (Expr.Binary) m.definitions().get(1).expression();
        assertEquals(1e-5, ((Expr.Num) gd.left()).value(), 1e-20);
        assertEquals(2e8, ((Expr.Num) gd.right()).value(), 0.0);
        assertEquals("uS", m.definitions().get(1).unit().symbol());
    }

    @Test
    void dimensionRulesOfFunctionsAndPowers() {
        CheckedModel m = ModelText.check(String.join("\n",
                "state V = -65 mV",
                "const k = 2",
                "let s = sqrt(V*V)",
                "let q = V^k",
                "let p = pow(V, 3)",
                "let c = clip(V, -80 mV, 0 mV) + abs(V) + min(V, 1 mV) + where(V > 0 mV, V, 0 mV)",
                "let e = exp(V/(1 mV)) + tanh(V/(2 mV)) + sigmoid(V/(1 mV)) + log(2)"));
        List<String> units = m.definitions().stream().map(d -> d.unit().symbol()).toList();
        assertEquals(List.of("mV", "mV^2", "mV^3", "mV", "1"), units);
    }

    @Test
    void aStateWithoutAnEquationIsHeld() {
        CheckedModel m = ModelText.check("state V = -65 mV\nstate w = 1 nA\ndV/dt = -V/(10 ms)");
        assertEquals(1, m.equations().size());
        assertEquals(0, m.equations().get(0).state());
    }

    @Test
    void spikeArgumentIsPositiveWhenSpiking() {
        assertEquals("V - -50", spikeArgument("spike V > -50 mV"));
        assertEquals("V", spikeArgument("spike V >= 0 mV"));
        assertEquals("-50 - V", spikeArgument("spike V < -50 mV"));
        assertEquals("V", spikeArgument("spike 0 mV <= V"));
        assertEquals("-V", spikeArgument("spike V < 0 mV"));
        assertNull(ModelText.check("state V = 0 mV").spikeArgument());
    }

    private static String spikeArgument(String spike) {
        Expr argument = ModelText.check("state V = -65 mV\n" + spike).spikeArgument();
        return ExprPrinter.print(argument).replace(" mV", "");
    }

    @Test
    void unknownNameIsNamedWithItsElementAndPlace() {
        String m = message(lifWith("let x = gNaa*2"));
        assertContains(m, "line 10, column 9: definition 'x': unknown name 'gNaa'", "known names: V, V_rest, tau, R, I");
    }

    @Test
    void definitionMayUseOnlyEarlierOnes() {
        String m = message(lifWith("let a = b*2\nlet b = 3"));
        assertContains(m, "line 10, column 9: definition 'a': 'b' is used before it is defined");
    }

    @Test
    void everyMismatchedEquationAndAssignmentIsReported() {
        ModelException e = assertThrows(ModelException.class, () -> ModelText.check(String.join("\n",
                "state V = -65 mV",
                "state w = 0 nA",
                "param tau = 10 ms",
                "input I : nA",
                "dV/dt = -(V + 65 mV)/tau + I",
                "dw/dt = -w/tau + V",
                "spike V > -50 mV",
                "reset w = w + 1 mV")));
        assertEquals(List.of(5, 6, 8), e.all().stream().map(p -> p.pos().line()).toList());
        assertContains(e.getMessage(), "line 5", "line 6", "line 8");
    }

    @Test
    void aDeclarationWithAnUnknownUnitStopsTheCheckBeforeItsUsesLookWrong() {
        ModelException e = assertThrows(ModelException.class, () -> ModelText.check(String.join("\n",
                "state V = -65 mV",
                "param tau = 10 parsecs",
                "param gL = 1 bananas",
                "dV/dt = -V/tau")));
        assertEquals(List.of(2, 3), e.all().stream().map(p -> p.pos().line()).toList(),
                "both bad units, and no complaint about the equation that uses tau");
    }

    @Test
    void unitMismatchInEquationNamesTheOffendingTerm() {
        String m = message(String.join("\n",
                "state V = -65 mV",
                "param tau = 10 ms",
                "input I : nA",
                "dV/dt = -(V + 65 mV)/tau + I"));
        assertContains(m, "line 4, column 28: equation dV/dt: units do not match: left side mV/ms", "term 'I' has nA",
                "where mV/ms is expected");
    }

    @Test
    void wholeRightSideWithTheWrongUnitNamesBothSides() {
        String m = message(String.join("\n",
                "state V = -65 mV",
                "param gL = 0.01 uS",
                "input I : nA",
                "dV/dt = -gL*(V + 65 mV) + I"));
        assertContains(m, "line 4, column 9: equation dV/dt: units do not match: left side mV/ms, right side nA",
                "term '-gL*(V + 65 mV) + I' has nA");
    }

    @Test
    void mismatchDeepInsideAProductIsBlamedWithItsContext() {
        String m = message(String.join("\n",
                "state V = -65 mV",
                "param C = 1 nF",
                "param gL = 0.01 uS",
                "input I : nA",
                "dV/dt = (-gL*(V + 65 mV) + V)/C"));
        assertContains(m, "line 5, column 28: equation dV/dt", "term 'V' has mV where nA is expected");
    }

    @Test
    void exponentsMustBeDimensionlessAndConstantForADimensionedBase() {
        assertContains(message(lifWith("let x = V^tau")),
                "line 10, column 11: definition 'x': units do not match: term 'tau' has ms where a dimensionless value is expected");
        assertContains(message(lifWith("param k = 2\nlet x = V^k")),
                "line 11, column 11: definition 'x': the exponent 'k' must be a constant number because the base 'V' has a unit (mV)");
        ModelText.check(lifWith("param k = 2\nlet x = (V/(1 mV))^k"));
    }

    @Test
    void functionsOfDimensionedValuesAreRejected() {
        assertContains(message(lifWith("let x = exp(V)")),
                "line 10, column 13: definition 'x': units do not match: term 'V' has mV where a dimensionless value is expected",
                "argument of exp");
        assertContains(message(lifWith("let x = max(V, I)")), "term 'I' has nA where mV is expected");
    }

    @Test
    void boundsAreChecked() {
        assertContains(message(lifWith("param g = 0.5 uS in [0.01, 0.1]")),
                "parameter 'g' (line 10): value 0.5 uS is outside its bounds [0.01, 0.1] uS", "move the value inside the bounds or widen them");
        assertContains(message(lifWith("param g = 0.5 uS in [1, 0.1]")),
                "parameter 'g' (line 10): lower bound 1 is not below upper bound 0.1 uS");
        ModelText.check(lifWith("param g = 0.5 uS in [0, inf]"));
    }

    @Test
    void optionsMustBeKnown() {
        assertContains(message(lifWith("integrator rk3")), "integrator (line 10): unknown integrator 'rk3' (known: euler, exp_euler, rk2, rk4)");
        assertContains(message(lifWith("surrogate soft")),
                "surrogate (line 10): unknown surrogate 'soft' (known: sigmoid, relu, triangle, fast_sigmoid, arctan, gaussian)");
        assertContains(message(lifWith("update parallel")), "update (line 10): unknown update order 'parallel' (known: simultaneous, sequential)");
    }

    @Test
    void duplicateNamesAreRejected() {
        assertContains(message(lifWith("const tau = 3 ms")),
                "constant 'tau' (line 10): duplicate name 'tau': already declared as parameter 'tau' (line 4)");
    }

    @Test
    void equationsAndAssignmentsMustTargetStates() {
        assertContains(message(lifWith("dW/dt = 1 mV/ms")), "equation dW/dt (line 10): 'W' is not a state", "states: V");
        assertContains(message(lifWith("dV/dt = 1 mV/ms")), "state 'V' has a second equation");
        assertContains(message(lifWith("reset tau = 1 ms")), "reset tau (line 10): 'tau' is not a state");
        assertContains(message(lifWith("after V = I")),
                "line 10, column 11: after V: units do not match: V has mV but the assigned value 'I' has nA");
    }

    @Test
    void spikeConditionMustBeAnOrderingComparisonOfEqualUnits() {
        String base = "state V = -65 mV\n";
        assertContains(message(base + "spike V == 0 mV"),
                "line 2, column 7: spike condition: must be a comparison 'a > b', 'a >= b', 'a < b' or 'a <= b' but found 'V == 0 mV'");
        assertContains(message(base + "spike V + 1 mV"), "must be a comparison");
        assertContains(message(base + "spike V > 0"),
                "line 2, column 11: spike condition: units do not match: term '0' has no unit where mV is expected");
    }

    @Test
    void specsFromJsonNameTheirElements() {
        ModelSpec spec = new ModelSpec("m", null,
                List.of(new StateSpec("V", -65, "mV")),
                List.of(new ParameterSpec("gL", 5, "uS", 0.0, 1.0, true), new ParameterSpec("tau", 10, "ms", null, null, true)),
                null, List.of(new InputSpec("I", "nA")), null,
                List.of(new EquationSpec("V", "-V/tau")),
                null, null, null, null, null, null, false);
        ModelException e = assertThrows(ModelException.class, () -> ModelChecker.check(spec));
        assertTrue(e.getMessage().startsWith("parameter 'gL': value 5 uS is outside its bounds [0, 1] uS"), e.getMessage());
        assertEquals(Pos.NONE, e.pos());

        ModelSpec wrongUnits = spec.withParameters(List.of(new ParameterSpec("tau", 10, "ms", null, null, true)))
                .withStates(List.of(new StateSpec("V", -65, "mV"), new StateSpec("w", 0, "nA")));
        ModelSpec twoEquations = new ModelSpec("m", null, wrongUnits.states(), wrongUnits.parameters(), null, wrongUnits.inputs(), null,
                List.of(new EquationSpec("V", "-V/tau"), new EquationSpec("w", "I")), null, null, null, null, null, null, false);
        e = assertThrows(ModelException.class, () -> ModelChecker.check(twoEquations));
        assertTrue(e.getMessage().startsWith("equations[1] (dw/dt): units do not match: left side nA/ms, right side nA"), e.getMessage());

        ModelSpec badSyntax = new ModelSpec("m", null, wrongUnits.states(), wrongUnits.parameters(), null, null, null,
                List.of(new EquationSpec("V", "-V/(tau")), null, null, null, null, null, null, false);
        e = assertThrows(ModelException.class, () -> ModelChecker.check(badSyntax));
        assertEquals("equations[0] (dV/dt): column 8: expected ')' but found end of expression", e.getMessage());
    }

    @Test
    void surrogateParametersMustBeFinite() {
        ModelSpec spec = ModelText.parse(LIF).withSurrogate(new SurrogateSpec("sigmoid", Map.of("alpha", Double.NaN)));
        assertContains(assertThrows(ModelException.class, () -> ModelChecker.check(spec)).getMessage(),
                "surrogate: parameter 'alpha' of surrogate sigmoid is NaN");
    }
}
