package org.brainfx.engine.model.expr;

import java.util.List;
import org.brainfx.engine.model.unit.Unit;

/** A parsed expression of a model's equations, with the source position of every node. */
public sealed interface Expr permits Expr.Num, Expr.Name, Expr.Neg, Expr.Binary, Expr.Call, Expr.Compare {

    /** Where this node starts in the source text. */
    Pos pos();

    /** A number, optionally carrying a unit ({@link Unit#DIMENSIONLESS} when written bare). */
    record Num(double value, Unit unit, Pos pos) implements Expr { }

    /** A reference to a state, parameter, constant, input or named sub-expression. */
    record Name(String name, Pos pos) implements Expr { }

    /** Unary minus. */
    record Neg(Expr operand, Pos pos) implements Expr { }

    /** An arithmetic operation. */
    record Binary(Op op, Expr left, Expr right, Pos pos) implements Expr { }

    /** A call of a built-in function such as {@code exp} or {@code where}. */
    record Call(String function, List<Expr> args, Pos pos) implements Expr { }

    /** A comparison; it is 1 where true and 0 where false, and the spike condition's form. */
    record Compare(CmpOp op, Expr left, Expr right, Pos pos) implements Expr { }

    /** Arithmetic operators. */
    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }
    }

    /** Comparison operators. */
    enum CmpOp {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        CmpOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }
    }
}
