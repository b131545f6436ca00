package org.brainfx.engine.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.brainfx.engine.model.expr.Builtin;
import org.brainfx.engine.model.expr.Expr;
import org.brainfx.engine.model.expr.ExprPrinter;
import org.brainfx.engine.model.unit.Dimension;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.model.unit.Units;

/**
 * Infers the dimension of every node of an expression, checks that the operations allow them,
 * and rebuilds the expression with numbers in internal units (unit names used as quantities
 * become numbers). When dimensions disagree it blames the smallest term that differs from what
 * its context expects, so {@code -(V - EL)/tau + I} in an equation for {@code dV/dt} names
 * {@code I}.
 */
final class UnitInference {

    /** A rebuilt expression and its dimension. */
    record Typed(Expr expr, Dimension dimension) { }

    /** Why an expression is rejected, and the term (as written) to blame. */
    static final class Problem extends RuntimeException {
        private final transient Expr term;
        private final boolean unitMismatch;

        Problem(Expr term, String detail, boolean unitMismatch) {
            super(detail, null, false, false);
            this.term = term;
            this.unitMismatch = unitMismatch;
        }

        Expr term() {
            return term;
        }

        /** True when dimensions disagree (rather than, e.g., a name being unknown). */
        boolean unitMismatch() {
            return unitMismatch;
        }
    }

    private final Map<String, Dimension> dimensions;
    private final Map<String, Double> constants;
    private final Set<String> laterNames;
    private final Map<Expr, Object> unconstrained = new IdentityHashMap<>();

    /**
     * @param dimensions the names in scope and their dimensions
     * @param constants  values (internal units) of the constants, which may serve as exponents
     * @param laterNames names the model declares that are not yet in scope (later definitions)
     */
    UnitInference(Map<String, Dimension> dimensions, Map<String, Double> constants, Set<String> laterNames) {
        this.dimensions = dimensions;
        this.constants = constants;
        this.laterNames = laterNames;
    }

    /**
     * The typed expression; {@code expected} (null when unknown) does not constrain the result,
     * it only decides which term to blame when the parts of a sum disagree.
     */
    Typed infer(Expr e, Dimension expected) {
        if (expected != null) {
            return compute(e, expected);
        }
        Object known = unconstrained.get(e);
        if (known instanceof Typed t) {
            return t;
        }
        if (known instanceof Problem p) {
            throw p;
        }
        try {
            Typed t = compute(e, null);
            unconstrained.put(e, t);
            return t;
        } catch (Problem p) {
            unconstrained.put(e, p);
            throw p;
        }
    }

    /** The term {@code e} has {@code found} where {@code expected} belongs. */
    static Problem mismatch(Expr e, Dimension found, Dimension expected, String why) {
        return new Problem(e, "term '" + ExprPrinter.print(e) + "' has " + unitOf(found)
                + " where " + describe(expected) + " is expected" + why, true);
    }

    /** How messages name what a term has: its internal unit, or "no unit". */
    static String unitOf(Dimension d) {
        return d.isNone() ? "no unit" : Units.internalName(d);
    }

    static String describe(Dimension d) {
        return d.isNone() ? "a dimensionless value" : Units.internalName(d);
    }

    private Typed compute(Expr e, Dimension expected) {
        if (e instanceof Expr.Num n) {
            return number(n.value(), n.unit(), n);
        }
        if (e instanceof Expr.Name n) {
            return name(n);
        }
        if (e instanceof Expr.Neg n) {
            Typed t = infer(n.operand(), expected);
            return new Typed(new Expr.Neg(t.expr(), n.pos()), t.dimension());
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, expected);
        }
        if (e instanceof Expr.Call c) {
            return call(c, expected);
        }
        Expr.Compare c = (Expr.Compare) e;
        List<Typed> sides = agree(List.of(c.left(), c.right()), null, " (both sides of '" + c.op().symbol() + "')");
        return new Typed(new Expr.Compare(c.op(), sides.get(0).expr(), sides.get(1).expr(), c.pos()), Dimension.NONE);
    }

    private Typed number(double value, Unit unit, Expr at) {
        Dimension d = unit.dimension();
        return new Typed(new Expr.Num(unit.toInternal(value), Units.internal(d), at.pos()), d);
    }

    private Typed name(Expr.Name n) {
        Dimension d = dimensions.get(n.name());
        if (d != null) {
            return new Typed(n, d);
        }
        Optional<Unit> unit = Units.lookup(n.name());
        if (unit.isPresent()) {
            return number(1.0, unit.get(), n);
        }
        if (laterNames.contains(n.name())) {
            throw new Problem(n, "'" + n.name() + "' is used before it is defined (a definition may only use"
                    + " states, parameters, constants, inputs and earlier definitions)", false);
        }
        throw new Problem(n, "unknown name '" + n.name() + "' (not a state, parameter, constant, input or"
                + " definition of this model, nor a unit; known names: " + String.join(", ", dimensions.keySet()) + ")", false);
    }

    private Typed binary(Expr.Binary b, Dimension expected) {
        switch (b.op()) {
            case ADD, SUB -> {
                List<Typed> sides = agree(List.of(b.left(), b.right()), expected, " ('" + b.op().symbol() + "' needs equal units)");
                return new Typed(new Expr.Binary(b.op(), sides.get(0).expr(), sides.get(1).expr(), b.pos()),
                        sides.get(0).dimension());
            }
            case MUL, DIV -> {
                boolean times = b.op() == Expr.Op.MUL;
                Typed left = attempt(b.left());
                Typed right = attempt(b.right());
                if (left == null && right != null) {
                    Dimension context = expected == null ? null
                            : times ? expected.divide(right.dimension()) : expected.times(right.dimension());
                    left = infer(b.left(), context);
                } else if (right == null && left != null) {
                    Dimension context = expected == null ? null
                            : times ? expected.divide(left.dimension()) : left.dimension().divide(expected);
                    right = infer(b.right(), context);
                } else if (left == null) {
                    left = infer(b.left(), null);
                }
                Dimension d = times ? left.dimension().times(right.dimension()) : left.dimension().divide(right.dimension());
                return new Typed(new Expr.Binary(b.op(), left.expr(), right.expr(), b.pos()), d);
            }
            default -> {
                return power(b.left(), b.right(), "^", (base, exponent) -> new Expr.Binary(Expr.Op.POW, base, exponent, b.pos()));
            }
        }
    }

    private Typed call(Expr.Call c, Dimension expected) {
        Builtin f = Builtin.named(c.function()).orElseThrow(
                () -> new Problem(c, "unknown function '" + c.function() + "' (known: " + Builtin.knownNames() + ")", false));
        List<Expr> args = c.args();
        return switch (f) {
            case EXP, LOG, TANH, SIGMOID, EXPREL -> {
                Typed arg = dimensionless(args.get(0), " (the argument of " + f.functionName()
                        + " must be dimensionless, e.g. divide a voltage by 1 mV)");
                yield rebuilt(c, List.of(arg), Dimension.NONE);
            }
            case SQRT -> {
                Typed arg = infer(args.get(0), expected == null ? null : expected.pow(2));
                yield rebuilt(c, List.of(arg), arg.dimension().pow(0.5));
            }
            case ABS -> {
                Typed arg = infer(args.get(0), expected);
                yield rebuilt(c, List.of(arg), arg.dimension());
            }
            case POW -> power(args.get(0), args.get(1), "pow", (base, exponent) -> new Expr.Call(c.function(), List.of(base, exponent), c.pos()));
            case MIN, MAX, CLIP -> {
                List<Typed> parts = agree(args, expected, " (the arguments of " + f.functionName() + " need equal units)");
                yield rebuilt(c, parts, parts.get(0).dimension());
            }
            case WHERE -> {
                Typed condition = dimensionless(args.get(0), " (the condition of where must be dimensionless, e.g. a comparison)");
                List<Typed> branches = agree(args.subList(1, 3), expected, " (both branches of where need equal units)");
                yield rebuilt(c, List.of(condition, branches.get(0), branches.get(1)), branches.get(0).dimension());
            }
        };
    }

    private Typed power(Expr base, Expr exponent, String operator, BinaryOperator<Expr> build) {
        Typed b = infer(base, null);
        Typed p = dimensionless(exponent, " (exponents of " + operator + " must be dimensionless)");
        Expr rebuilt = build.apply(b.expr(), p.expr());
        if (b.dimension().isNone()) {
            return new Typed(rebuilt, Dimension.NONE);
        }
        OptionalDouble value = constantValue(p.expr());
        if (value.isEmpty()) {
            throw new Problem(exponent, "the exponent '" + ExprPrinter.print(exponent) + "' must be a constant number"
                    + " because the base '" + ExprPrinter.print(base) + "' has a unit (" + Units.internalName(b.dimension()) + ")", false);
        }
        return new Typed(rebuilt, b.dimension().pow(value.getAsDouble()));
    }

    private Typed dimensionless(Expr e, String why) {
        Typed t = infer(e, Dimension.NONE);
        if (!t.dimension().isNone()) {
            throw mismatch(e, t.dimension(), Dimension.NONE, why);
        }
        return t;
    }

    /**
     * The typed parts, which must share one dimension; the part blamed is the first that differs
     * from {@code expected}, or when nothing is expected, the first that differs from the first part.
     */
    private List<Typed> agree(List<Expr> parts, Dimension expected, String why) {
        List<Typed> typed = new ArrayList<>();
        for (Expr part : parts) {
            typed.add(infer(part, expected));
        }
        Dimension reference = typed.get(0).dimension();
        boolean allEqual = typed.stream().allMatch(t -> t.dimension().sameAs(reference));
        if (allEqual) {
            return typed;
        }
        Dimension wanted = expected != null && typed.stream().anyMatch(t -> t.dimension().sameAs(expected)) ? expected : reference;
        for (int i = 0; i < parts.size(); i++) {
            if (!typed.get(i).dimension().sameAs(wanted)) {
                throw mismatch(parts.get(i), typed.get(i).dimension(), wanted, why);
            }
        }
        throw new IllegalStateException("parts disagree but none differs from " + wanted);
    }

    private Typed attempt(Expr e) {
        try {
            return infer(e, null);
        } catch (Problem p) {
            return null;
        }
    }

    private static Typed rebuilt(Expr.Call c, List<Typed> args, Dimension d) {
        return new Typed(new Expr.Call(c.function(), args.stream().map(Typed::expr).toList(), c.pos()), d);
    }

    /** The value of an expression made of numbers and constants only. */
    private OptionalDouble constantValue(Expr e) {
        if (e instanceof Expr.Num n) {
            return OptionalDouble.of(n.value());
        }
        if (e instanceof Expr.Name n && constants.containsKey(n.name())) {
            return OptionalDouble.of(constants.get(n.name()));
        }
        if (e instanceof Expr.Neg n) {
            OptionalDouble v = constantValue(n.operand());
            return v.isPresent() ? OptionalDouble.of(-v.getAsDouble()) : v;
        }
        if (e instanceof Expr.Binary b) {
            OptionalDouble l = constantValue(b.left());
            OptionalDouble r = constantValue(b.right());
            if (l.isEmpty() || r.isEmpty()) {
                return OptionalDouble.empty();
            }
            double x = l.getAsDouble();
            double y = r.getAsDouble();
            return OptionalDouble.of(switch (b.op()) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case POW -> Math.pow(x, y);
            });
        }
        return OptionalDouble.empty();
    }
}
