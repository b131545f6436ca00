package org.brainfx.engine.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.unit.Units;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {
    private final ExpressionParser parser = new ExpressionParser(Set.of("V", "m", "h", "x", "a", "b", "c"));

    /** The tree in prefix form, so that tests see the structure rather than the printing. */
    private static String tree(Expr e) {
        if (e instanceof Expr.Num n) {
            return ExprPrinter.number(n.value()) + (n.unit().isDimensionless() ? "" : "[" + n.unit().symbol() + "]");
        }
        if (e instanceof Expr.Name n) {
            return n.name();
        }
        if (e instanceof Expr.Neg n) {
            return "(neg " + tree(n.operand()) + ")";
        }
        if (e instanceof Expr.Binary b) {
            return "(" + b.op().symbol() + " " + tree(b.left()) + " " + tree(b.right()) + ")";
        }
        if (e instanceof Expr.Call c) {
            return "(" + c.function() + c.args().stream().map(a -> " " + tree(a)).collect(Collectors.joining()) + ")";
        }
        Expr.Compare c = (Expr.Compare) e;
        return "(" + c.op().symbol() + " " + tree(c.left()) + " " + tree(c.right()) + ")";
    }

    private String parsed(String text) {
        return tree(parser.parse(text));
    }

    private ModelException error(String text) {
        return assertThrows(ModelException.class, () -> parser.parse(text, new Pos(7, 10)));
    }

    @Test
    void precedenceAndAssociativity() {
        assertEquals("(+ a (* b c))", parsed("a + b*c"));
        assertEquals("(- (- a b) c)", parsed("a - b - c"));
        assertEquals("(* (/ a b) c)", parsed("a/b*c"));
        assertEquals("(^ a (^ b c))", parsed("a^b^c"));
        assertEquals("(* (+ a b) c)", parsed("(a + b)*c"));
        assertEquals("(> (+ a 1) (* b 2))", parsed("a + 1 > b*2"));
        assertEquals("(<= a b)", parsed("a <= b"));
    }

    @Test
    void unaryMinusBindsLooserThanPower() {
        assertEquals("(neg (^ x 2))", parsed("-x^2"));
        assertEquals("(^ x (neg 2))", parsed("x^-2"));
        assertEquals("(* (neg a) b)", parsed("-a*b"));
        assertEquals("(- a (neg b))", parsed("a - -b"));
        assertEquals("a", parsed("+a"));
    }

    @Test
    void numbers() {
        assertEquals("0.001", parsed("1e-3"));
        assertEquals("0.5", parsed(".5"));
        assertEquals("1.5", parsed("1.5"));
        assertEquals("200", parsed("2E+2"));
    }

    @Test
    void unitsAfterNumbers() {
        assertEquals("(- 13[mV] V)", parsed("13 mV - V"));
        assertEquals("0.1[mS/cm2]", parsed("0.1 mS/cm2"));
        assertEquals("140[mV/ms]", parsed("140 mV/ms"));
        assertEquals("3[(mV)^2]", parsed("3 mV^2"));
        assertEquals("(* 2[mV] x)", parsed("2 mV*x"));
        assertEquals("(/ 5 ms)", parsed("5/ms"));
        assertEquals("(* (/ (/ 0.04 ms) mV) (^ V 2))", parsed("0.04/ms/mV*V^2"));
        Expr.Num num = (Expr.Num) parser.parse("0.1 mS/cm2");
        assertTrue(num.unit().sameDimension(Units.parse("mS/cm2")));
        assertEquals(Units.parse("mS/cm2").scale(), num.unit().scale(), 0.0);
    }

    @Test
    void declaredNamesAreNotUnits() {
        assertEquals("2[m]", tree(new ExpressionParser(Set.of()).parse("2 m")));
        ModelException e = error("2 m");
        assertEquals("line 7, column 12: expected an operator or the end but found 'm'", e.getMessage());
        assertEquals("(* 2 m)", parsed("2*m"));
    }

    @Test
    void callsCheckTheirArity() {
        assertEquals("(where (> V 0[mV]) 1 (clip x 0 1))", parsed("where(V > 0 mV, 1, clip(x, 0, 1))"));
        assertEquals("(exprel (/ (- 13[mV] V) 4[mV]))", parsed("exprel((13 mV - V)/(4 mV))"));
        assertEquals("line 7, column 10: 'exp' takes 1 argument, got 2", error("exp(a, b)").getMessage());
        assertEquals("line 7, column 10: 'clip' takes 3 arguments, got 1", error("clip(a)").getMessage());
        assertEquals("line 7, column 10: 'pow' takes 2 arguments, got 0", error("pow()").getMessage());
        ModelException unknown = error("expp(a)");
        assertTrue(unknown.getMessage().startsWith("line 7, column 10: unknown function 'expp' (known: exp, log,"),
                unknown.getMessage());
    }

    @Test
    void positionsAreAbsolute() {
        Expr.Binary sum = (Expr.Binary) parser.parse("a + foo", new Pos(3, 20));
        assertEquals(new Pos(3, 20), sum.pos());
        assertEquals(new Pos(3, 24), sum.right().pos());
        Expr.Neg neg = (Expr.Neg) parser.parse("  -x", new Pos(1, 1));
        assertEquals(new Pos(1, 3), neg.pos());
        assertEquals(new Pos(1, 4), neg.operand().pos());
    }

    @Test
    void syntaxErrorsSayWhatWasFoundAndExpected() {
        assertEquals("line 7, column 17: expected ')' but found 'mV'", error("(V + V mV)").getMessage());
        assertEquals("line 7, column 16: expected ')' but found end of expression", error("(a + b").getMessage());
        assertEquals("line 7, column 15: expected an operator or the end but found ')'", error("a + b)").getMessage());
        assertEquals("line 7, column 14: expected a number, a name, '(' or '-' but found '*'", error("a + * b").getMessage());
        assertEquals("line 7, column 13: expected a number, a name, '(' or '-' but found end of expression", error("a +").getMessage());
        assertEquals("line 7, column 16: expected ',' or ')' but found 'b'", error("max(a b)").getMessage());
        assertTrue(error("a $ b").getMessage().startsWith("line 7, column 12: unexpected character '$'"));
        assertTrue(error("a < b < c").getMessage().startsWith("line 7, column 16: comparisons cannot be chained"));
        assertEquals("line 7, column 10: expected an expression but found nothing", error("  ").getMessage());
        assertTrue(error("3 mV^x").getMessage().contains("expected an integer power of the unit mV but found 'x'"));
    }

    @Test
    void printedExpressionsParseToTheSameTree() {
        for (String text : new String[] {"-x^2", "(-x)^2", "a - (b - c)", "a/(b*c)", "-(a + b)*c", "2^3^2", "(2^3)^2",
                "where(a > b, -a, b)", "0.32*4/exprel((13 mV - V + x)/(4 mV))", "a - -b", "(a < b) + 1", "x^-2"}) {
            Expr e = parser.parse(text);
            assertEquals(tree(e), tree(parser.parse(ExprPrinter.print(e))), text);
        }
        assertEquals("-gL*(V - EL) + I", ExprPrinter.print(new ExpressionParser(Set.of()).parse("(-gL)*(V-EL)+I")));
    }

    @Test
    void numbersPrintShortAndExact() {
        assertEquals("-65", ExprPrinter.number(-65.0));
        assertEquals("1e-4", ExprPrinter.number(1e-4));
        assertEquals("0.008363657201143428", ExprPrinter.number(0.008363657201143428));
        assertEquals(0.1 + 0.2, Double.parseDouble(ExprPrinter.number(0.1 + 0.2)), 0.0);
    }
}
