package org.brainfx.engine.model.expr;

import java.util.stream.Collectors;

/** Writes an {@link Expr} back as text that parses to the same tree, with only the parentheses it needs. */
public final class ExprPrinter {
    private static final int COMPARISON = 0;
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private ExprPrinter() {
    }

    /** The expression as text, e.g. {@code -gL*(V - EL) + I}. */
    public static String print(Expr e) {
        if (e instanceof Expr.Num n) {
            return number(n.value()) + (n.unit().isDimensionless() ? "" : " " + n.unit().symbol());
        }
        if (e instanceof Expr.Name n) {
            return n.name();
        }
        if (e instanceof Expr.Neg n) {
            return "-" + operand(n.operand(), UNARY + 1);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        if (e instanceof Expr.Call c) {
            return c.function() + "(" + c.args().stream().map(ExprPrinter::print).collect(Collectors.joining(", ")) + ")";
        }
        Expr.Compare c = (Expr.Compare) e;
        return operand(c.left(), SUM) + " " + c.op().symbol() + " " + operand(c.right(), SUM);
    }

    /** A number in its shortest exact form: {@code 65} rather than {@code 65.0}, {@code 1e-4} rather than {@code 1.0E-4}. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = Double.toString(value);
        int exponent = s.indexOf('E');
        if (exponent < 0) {
            return s;
        }
        String mantissa = s.substring(0, exponent);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(exponent + 1);
    }

    private static String binary(Expr.Binary b) {
        return switch (b.op()) {
            case ADD, SUB -> operand(b.left(), SUM) + " " + b.op().symbol() + " " + operand(b.right(), SUM + 1);
            case MUL, DIV -> operand(b.left(), PRODUCT) + b.op().symbol() + operand(b.right(), PRODUCT + 1);
            case POW -> operand(b.left(), ATOM) + "^" + operand(b.right(), UNARY);
        };
    }

    private static String operand(Expr e, int minimum) {
        String text = print(e);
        return precedence(e) >= minimum ? text : "(" + text + ")";
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Num n) {
            return !n.unit().isDimensionless() ? POWER : n.value() < 0 ? UNARY : ATOM;
        }
        if (e instanceof Expr.Neg) {
            return UNARY;
        }
        if (e instanceof Expr.Compare) {
            return COMPARISON;
        }
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD, SUB -> SUM;
                case MUL, DIV -> PRODUCT;
                case POW -> POWER;
            };
        }
        return ATOM;
    }
}
