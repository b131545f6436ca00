package org.brainfx.engine.compile;

import java.util.HashMap;
import java.util.Map;

/**
 * Symbolic calculus on a {@link Graph}: forward derivatives (for the exponential-Euler
 * linearization), local partial derivatives (for reverse mode) and substitution.
 */
final class Calculus {
    private final Graph g;

    Calculus(Graph g) {
        this.g = g;
    }

    /** {@code ∂f/∂x} where {@code x} is a leaf; the spike step and stop-gradient have derivative zero. */
    Node derivative(Node f, Node x) {
        return derivative(f, x, new HashMap<>());
    }

    private Node derivative(Node f, Node x, Map<Node, Node> memo) {
        if (f == x) {
            return g.constant(1);
        }
        if (f.op().isLeaf() || f.op().isComparison() || f.op() == Op.HEAVISIDE || f.op() == Op.STOP_GRADIENT
                || f.op() == Op.SIGN) {
            return g.constant(0);
        }
        Node cached = memo.get(f);
        if (cached != null) {
            return cached;
        }
        Node result = g.constant(0);
        for (int i = 0; i < f.argCount(); i++) {
            Node da = derivative(f.arg(i), x, memo);
            if (!da.isConst(0)) {
                result = g.add(result, g.mul(partial(f, i), da));
            }
        }
        memo.put(f, result);
        return result;
    }

    /** The local partial derivative of node {@code n} with respect to its operand {@code i}. */
    Node partial(Node n, int i) {
        Node a = n.arg(0);
        return switch (n.op()) {
            case ADD -> g.constant(1);
            case SUB -> g.constant(i == 0 ? 1 : -1);
            case MUL -> n.arg(1 - i);
            case DIV -> i == 0 ? g.div(g.constant(1), n.arg(1)) : g.neg(g.div(n, n.arg(1)));
            case NEG -> g.constant(-1);
            case POWI -> g.mul(g.constant(n.value()), g.powi(a, (int) n.value() - 1));
            case POW -> i == 0
                    ? g.mul(n.arg(1), g.pow(a, g.sub(n.arg(1), g.constant(1))))
                    : g.mul(n, g.unary(Op.LOG, a));
            case EXP -> n;
            case LOG -> g.div(g.constant(1), a);
            case SQRT -> g.div(g.constant(0.5), n);
            case ABS -> g.unary(Op.SIGN, a);
            case TANH -> g.sub(g.constant(1), g.powi(n, 2));
            case SIGMOID -> g.mul(n, g.sub(g.constant(1), n));
            case EXPREL -> g.unary(Op.EXPREL_D1, a);
            case EXPREL_D1 -> g.unary(Op.EXPREL_D2, a);
            case MIN -> i == 0 ? g.compare(Op.LE, a, n.arg(1)) : g.compare(Op.GT, a, n.arg(1));
            case MAX -> i == 0 ? g.compare(Op.GE, a, n.arg(1)) : g.compare(Op.LT, a, n.arg(1));
            case WHERE -> i == 0 ? g.constant(0)
                    : i == 1 ? g.compare(Op.NE, a, g.constant(0)) : g.compare(Op.EQ, a, g.constant(0));
            case HEAVISIDE -> n.surrogate().derivative(g, a);
            case SIGN, STOP_GRADIENT, LT, LE, GT, GE, EQ, NE -> g.constant(0);
            case EXPREL_D2 -> throw new UnsupportedOperationException(
                    "third derivative of exprel is not supported: exprel is differentiated twice already");
            default -> throw new IllegalStateException("no partial for leaf " + n);
        };
    }

    /** {@code f} with every leaf in {@code replacements} replaced. */
    Node substitute(Node f, Map<Node, Node> replacements) {
        return substitute(f, replacements, new HashMap<>());
    }

    private Node substitute(Node f, Map<Node, Node> replacements, Map<Node, Node> memo) {
        Node direct = replacements.get(f);
        if (direct != null) {
            return direct;
        }
        if (f.op().isLeaf()) {
            return f;
        }
        Node cached = memo.get(f);
        if (cached != null) {
            return cached;
        }
        Node[] args = new Node[f.argCount()];
        boolean changed = false;
        for (int i = 0; i < args.length; i++) {
            args[i] = substitute(f.arg(i), replacements, memo);
            changed |= args[i] != f.arg(i);
        }
        Node result = changed ? g.rebuild(f, args) : f;
        memo.put(f, result);
        return result;
    }
}
