package org.brainfx.engine.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.model.unit.Units;

/**
 * Reads expression text into an {@link Expr}. Precedence, loosest first: comparisons
 * ({@code < <= > >= == !=}, not chained), {@code + -}, {@code * /}, unary minus, {@code ^}
 * (right-associative, so {@code -x^2} is {@code -(x^2)}), then numbers, names, calls and
 * parentheses. A number may carry a unit ({@code 13 mV}, {@code 0.1 mS/cm2}): an identifier
 * right after a number binds as its unit when it is a unit symbol and not a name the model
 * declares, which keeps the gate {@code m} from being read as metres.
 */
public final class ExpressionParser {
    private final Set<String> declaredNames;

    /** A parser for a model that declares these names (states, parameters, constants, inputs, definitions). */
    public ExpressionParser(Set<String> declaredNames) {
        this.declaredNames = Set.copyOf(declaredNames);
    }

    /**
     * Parses {@code text}, whose first character sits at {@code start} in the model text, so that
     * every node's position (and every error's) is absolute.
     *
     * @throws ModelException naming the line, column, what was found and what was expected
     */
    public Expr parse(String text, Pos start) {
        if (text == null || text.isBlank()) {
            throw new ModelException("expected an expression but found nothing", start);
        }
        return new Parse(ExpressionLexer.tokenize(text, start), start).whole();
    }

    /** Parses text that stands alone; positions count columns from 1. */
    public Expr parse(String text) {
        return parse(text, new Pos(0, 1));
    }

    /** The state of one parse: the tokens and the cursor. */
    private final class Parse {
        private final List<Token> tokens;
        private final Pos base;
        private int next;

        Parse(List<Token> tokens, Pos base) {
            this.tokens = tokens;
            this.base = base;
        }

        Expr whole() {
            Expr e = comparison();
            if (peek().kind() != Token.Kind.END) {
                throw expected("an operator or the end", peek());
            }
            return e;
        }

        private Expr comparison() {
            Expr left = additive();
            Expr.CmpOp op = comparisonOp(peek());
            if (op == null) {
                return left;
            }
            advance();
            Expr result = new Expr.Compare(op, left, additive(), left.pos());
            if (comparisonOp(peek()) != null) {
                throw new ModelException("comparisons cannot be chained: expected the end or ')' but found "
                        + peek().describe() + " (use parentheses or where())", pos(peek()));
            }
            return result;
        }

        private Expr additive() {
            Expr left = term();
            while (peek().is("+") || peek().is("-")) {
                Expr.Op op = advance().text().equals("+") ? Expr.Op.ADD : Expr.Op.SUB;
                left = new Expr.Binary(op, left, term(), left.pos());
            }
            return left;
        }

        private Expr term() {
            Expr left = unary();
            while (peek().is("*") || peek().is("/")) {
                Expr.Op op = advance().text().equals("*") ? Expr.Op.MUL : Expr.Op.DIV;
                left = new Expr.Binary(op, left, unary(), left.pos());
            }
            return left;
        }

        private Expr unary() {
            if (peek().is("-")) {
                Token minus = advance();
                return new Expr.Neg(unary(), pos(minus));
            }
            if (peek().is("+")) {
                advance();
                return unary();
            }
            return power();
        }

        private Expr power() {
            Expr base = primary();
            if (peek().is("^")) {
                advance();
                return new Expr.Binary(Expr.Op.POW, base, unary(), base.pos());
            }
            return base;
        }

        private Expr primary() {
            Token t = peek();
            switch (t.kind()) {
                case NUMBER:
                    advance();
                    return number(t);
                case IDENT:
                    advance();
                    return peek().is("(") ? call(t) : new Expr.Name(t.text(), pos(t));
                default:
                    if (t.is("(")) {
                        advance();
                        Expr inner = comparison();
                        expect(")");
                        return inner;
                    }
                    throw expected("a number, a name, '(' or '-'", t);
            }
        }

        private Expr number(Token t) {
            double value = Double.parseDouble(t.text());
            if (!isUnitSymbol(0)) {
                return new Expr.Num(value, Unit.DIMENSIONLESS, pos(t));
            }
            Unit unit = unitPower(Units.lookup(advance().text()).orElseThrow());
            while ((peek().is("*") || peek().is("/")) && isUnitSymbol(1)) {
                boolean times = advance().is("*");
                Unit factor = unitPower(Units.lookup(advance().text()).orElseThrow());
                unit = times ? unit.times(factor) : unit.divide(factor);
            }
            return new Expr.Num(value, unit, pos(t));
        }

        /** An optional integer power right after a unit symbol, as in {@code mV^2} or {@code ms^-1}. */
        private Unit unitPower(Unit unit) {
            if (!peek().is("^")) {
                return unit;
            }
            boolean negative = ahead(1).is("-");
            Token exponent = ahead(negative ? 2 : 1);
            if (exponent.kind() != Token.Kind.NUMBER || !exponent.text().chars().allMatch(Character::isDigit)) {
                throw expected("an integer power of the unit " + unit.symbol(), exponent);
            }
            next += negative ? 3 : 2;
            int power = Integer.parseInt(exponent.text());
            return unit.pow(negative ? -power : power);
        }

        private boolean isUnitSymbol(int offset) {
            Token t = ahead(offset);
            return t.kind() == Token.Kind.IDENT && !declaredNames.contains(t.text())
                    && Units.lookup(t.text()).isPresent() && !ahead(offset + 1).is("(");
        }

        private Expr call(Token name) {
            Builtin function = Builtin.named(name.text()).orElseThrow(() -> new ModelException(
                    "unknown function '" + name.text() + "' (known: " + Builtin.knownNames() + ")", pos(name)));
            expect("(");
            List<Expr> args = new ArrayList<>();
            if (!peek().is(")")) {
                args.add(comparison());
                while (peek().is(",")) {
                    advance();
                    args.add(comparison());
                }
            }
            if (!peek().is(")")) {
                throw expected("',' or ')'", peek());
            }
            advance();
            if (args.size() != function.arity()) {
                throw new ModelException("'" + function.functionName() + "' takes " + function.arity()
                        + (function.arity() == 1 ? " argument" : " arguments") + ", got " + args.size(), pos(name));
            }
            return new Expr.Call(function.functionName(), List.copyOf(args), pos(name));
        }

        private Expr.CmpOp comparisonOp(Token t) {
            if (t.kind() != Token.Kind.OP) {
                return null;
            }
            for (Expr.CmpOp op : Expr.CmpOp.values()) {
                if (op.symbol().equals(t.text())) {
                    return op;
                }
            }
            return null;
        }

        private void expect(String symbol) {
            if (!peek().is(symbol)) {
                throw expected("'" + symbol + "'", peek());
            }
            advance();
        }

        private ModelException expected(String what, Token found) {
            return new ModelException("expected " + what + " but found " + found.describe(), pos(found));
        }

        private Pos pos(Token t) {
            return new Pos(base.line(), base.column() + t.offset());
        }

        private Token peek() {
            return ahead(0);
        }

        private Token ahead(int offset) {
            return tokens.get(Math.min(next + offset, tokens.size() - 1));
        }

        private Token advance() {
            Token t = peek();
            if (next < tokens.size() - 1) {
                next++;
            }
            return t;
        }
    }
}
