package org.brainfx.engine.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Factory and store of hash-consed {@link Node}s. Every constructor folds constants and applies
 * algebraic identities ({@code x+0}, {@code x·1}, {@code x·0}, {@code −(−x)} …), so symbolic
 * derivatives stay small and equal sub-expressions are built only once.
 */
public final class Graph {
    private final Map<Node.Key, Node> nodes = new HashMap<>();
    private final List<Node> byId = new ArrayList<>();

    /** Number of distinct nodes built so far. */
    public int size() {
        return byId.size();
    }

    private Node make(Op op, Node[] args, double value, int index, Surrogate surrogate) {
        Node probe = new Node(-1, op, args, value, index, surrogate);
        Node.Key key = probe.key();
        Node existing = nodes.get(key);
        if (existing != null) {
            return existing;
        }
        Node n = new Node(byId.size(), op, args, value, index, surrogate);
        nodes.put(key, n);
        byId.add(n);
        return n;
    }

    /** A constant. */
    public Node constant(double v) {
        // -0.0 and 0.0 must stay distinct in the key only if they behave differently; they don't here.
        return make(Op.CONST, new Node[0], v == 0 ? 0.0 : v, 0, null);
    }

    /** A leaf: state, parameter, input, placeholder or adjoint number {@code index}. */
    public Node leaf(Op op, int index) {
        if (!op.isLeaf() || op == Op.CONST) {
            throw new IllegalArgumentException("not a leaf op: " + op);
        }
        return make(op, new Node[0], 0, index, null);
    }

    /** The time step. */
    public Node dt() {
        return make(Op.DT, new Node[0], 0, 0, null);
    }

    /** {@code a + b}. */
    public Node add(Node a, Node b) {
        if (a.isConst() && b.isConst()) {
            return constant(a.value() + b.value());
        }
        if (a.isConst(0)) {
            return b;
        }
        if (b.isConst(0)) {
            return a;
        }
        if (b.op() == Op.NEG) {
            return sub(a, b.arg(0));
        }
        if (a.op() == Op.NEG) {
            return sub(b, a.arg(0));
        }
        // Commutative: order operands by id so a+b and b+a share one node.
        return a.id() <= b.id() ? make(Op.ADD, new Node[] {a, b}, 0, 0, null) : make(Op.ADD, new Node[] {b, a}, 0, 0, null);
    }

    /** {@code a − b}. */
    public Node sub(Node a, Node b) {
        if (a.isConst() && b.isConst()) {
            return constant(a.value() - b.value());
        }
        if (b.isConst(0)) {
            return a;
        }
        if (a.isConst(0)) {
            return neg(b);
        }
        if (a == b) {
            return constant(0);
        }
        if (b.op() == Op.NEG) {
            return add(a, b.arg(0));
        }
        return make(Op.SUB, new Node[] {a, b}, 0, 0, null);
    }

    /** {@code a · b}. */
    public Node mul(Node a, Node b) {
        if (a.isConst() && b.isConst()) {
            return constant(a.value() * b.value());
        }
        if (a.isConst(0) || b.isConst(0)) {
            return constant(0);
        }
        if (a.isConst(1)) {
            return b;
        }
        if (b.isConst(1)) {
            return a;
        }
        if (a.isConst(-1)) {
            return neg(b);
        }
        if (b.isConst(-1)) {
            return neg(a);
        }
        if (a.op() == Op.NEG && b.op() == Op.NEG) {
            return mul(a.arg(0), b.arg(0));
        }
        if (a.op() == Op.NEG) {
            return neg(mul(a.arg(0), b));
        }
        if (b.op() == Op.NEG) {
            return neg(mul(a, b.arg(0)));
        }
        if (a == b) {
            return powi(a, 2);
        }
        return a.id() <= b.id() ? make(Op.MUL, new Node[] {a, b}, 0, 0, null) : make(Op.MUL, new Node[] {b, a}, 0, 0, null);
    }

    /** {@code a / b}. */
    public Node div(Node a, Node b) {
        if (a.isConst() && b.isConst() && b.value() != 0) {
            return constant(a.value() / b.value());
        }
        if (a.isConst(0)) {
            return constant(0);
        }
        if (b.isConst(1)) {
            return a;
        }
        if (b.isConst(-1)) {
            return neg(a);
        }
        if (a == b) {
            return constant(1);
        }
        if (b.isConst() && b.value() != 0 && Double.isFinite(1 / b.value())) {
            // A multiply costs a fraction of a divide; the reciprocal adds at most one rounding.
            return mul(a, constant(1 / b.value()));
        }
        if (a.op() == Op.NEG) {
            return neg(div(a.arg(0), b));
        }
        if (b.op() == Op.NEG) {
            return neg(div(a, b.arg(0)));
        }
        return make(Op.DIV, new Node[] {a, b}, 0, 0, null);
    }

    /** {@code −a}. */
    public Node neg(Node a) {
        if (a.isConst()) {
            return constant(-a.value());
        }
        if (a.op() == Op.NEG) {
            return a.arg(0);
        }
        if (a.op() == Op.SUB) {
            return sub(a.arg(1), a.arg(0));
        }
        return make(Op.NEG, new Node[] {a}, 0, 0, null);
    }

    /** {@code a^n} for an integer {@code n}. */
    public Node powi(Node a, int n) {
        if (n == 0) {
            return constant(1);
        }
        if (n == 1) {
            return a;
        }
        if (a.isConst()) {
            return constant(Math.pow(a.value(), n));
        }
        if (a.op() == Op.POWI) {
            return powi(a.arg(0), (int) a.value() * n);
        }
        return make(Op.POWI, new Node[] {a}, n, 0, null);
    }

    /** {@code a^b}; integer constant exponents become {@link Op#POWI}. */
    public Node pow(Node a, Node b) {
        if (b.isConst() && b.value() == Math.rint(b.value()) && Math.abs(b.value()) <= 64) {
            return powi(a, (int) b.value());
        }
        if (a.isConst() && b.isConst()) {
            return constant(Math.pow(a.value(), b.value()));
        }
        return make(Op.POW, new Node[] {a, b}, 0, 0, null);
    }

    /** A one-operand function such as {@link Op#EXP}. */
    public Node unary(Op op, Node a) {
        if (op == Op.NEG) {
            return neg(a);
        }
        if (a.isConst()) {
            Double folded = fold(op, a.value());
            if (folded != null) {
                return constant(folded);
            }
        }
        if (op == Op.STOP_GRADIENT && (a.isConst() || a.op() == Op.STOP_GRADIENT)) {
            return a;
        }
        return make(op, new Node[] {a}, 0, 0, null);
    }

    private static Double fold(Op op, double x) {
        return switch (op) {
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case SIGN -> x >= 0 ? 1.0 : -1.0;
            case TANH -> Math.tanh(x);
            case SIGMOID -> KernelMath.sigmoid(x);
            case EXPREL -> KernelMath.exprel(x);
            case EXPREL_D1 -> KernelMath.exprelPrime(x);
            case EXPREL_D2 -> KernelMath.exprelSecond(x);
            case HEAVISIDE -> x >= 0 ? 1.0 : 0.0;
            case STOP_GRADIENT -> x;
            default -> null;
        };
    }

    /** The spike step {@code [x ≥ 0]} whose backward pass is the surrogate's derivative. */
    public Node heaviside(Node x, Surrogate surrogate) {
        return make(Op.HEAVISIDE, new Node[] {x}, 0, 0, surrogate);
    }

    /** {@code min(a, b)}. */
    public Node min(Node a, Node b) {
        if (a.isConst() && b.isConst()) {
            return constant(Math.min(a.value(), b.value()));
        }
        return a == b ? a : make(Op.MIN, new Node[] {a, b}, 0, 0, null);
    }

    /** {@code max(a, b)}. */
    public Node max(Node a, Node b) {
        if (a.isConst() && b.isConst()) {
            return constant(Math.max(a.value(), b.value()));
        }
        return a == b ? a : make(Op.MAX, new Node[] {a, b}, 0, 0, null);
    }

    /** A comparison, 1 where true and 0 where false. */
    public Node compare(Op op, Node a, Node b) {
        if (!op.isComparison()) {
            throw new IllegalArgumentException("not a comparison: " + op);
        }
        if (a.isConst() && b.isConst()) {
            double x = a.value();
            double y = b.value();
            boolean r = switch (op) {
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                case EQ -> x == y;
                default -> x != y;
            };
            return constant(r ? 1 : 0);
        }
        return make(op, new Node[] {a, b}, 0, 0, null);
    }

    /** {@code where(c, a, b)}: a where c is non-zero, else b. */
    public Node where(Node c, Node a, Node b) {
        if (c.isConst()) {
            return c.value() != 0 ? a : b;
        }
        if (a == b) {
            return a;
        }
        return make(Op.WHERE, new Node[] {c, a, b}, 0, 0, null);
    }

    /** Rebuilds {@code n} with its operands replaced (used by substitution). */
    Node rebuild(Node n, Node[] newArgs) {
        return switch (n.op()) {
            case ADD -> add(newArgs[0], newArgs[1]);
            case SUB -> sub(newArgs[0], newArgs[1]);
            case MUL -> mul(newArgs[0], newArgs[1]);
            case DIV -> div(newArgs[0], newArgs[1]);
            case NEG -> neg(newArgs[0]);
            case POWI -> powi(newArgs[0], (int) n.value());
            case POW -> pow(newArgs[0], newArgs[1]);
            case MIN -> min(newArgs[0], newArgs[1]);
            case MAX -> max(newArgs[0], newArgs[1]);
            case WHERE -> where(newArgs[0], newArgs[1], newArgs[2]);
            case HEAVISIDE -> heaviside(newArgs[0], n.surrogate());
            case LT, LE, GT, GE, EQ, NE -> compare(n.op(), newArgs[0], newArgs[1]);
            default -> unary(n.op(), newArgs[0]);
        };
    }
}
