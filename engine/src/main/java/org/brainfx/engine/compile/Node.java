package org.brainfx.engine.compile;

import java.util.Arrays;
import java.util.Objects;

/**
 * One value of the kernel compiler's expression graph. Nodes are hash-consed by
 * {@link Graph}, so equal sub-expressions are one node (common subexpressions are shared by
 * construction) and {@link #id()} is a topological order: operands always have smaller ids.
 */
public final class Node {
    private final int id;
    private final Op op;
    private final Node[] args;
    private final double value;
    private final int index;
    private final Surrogate surrogate;

    Node(int id, Op op, Node[] args, double value, int index, Surrogate surrogate) {
        this.id = id;
        this.op = op;
        this.args = args;
        this.value = value;
        this.index = index;
        this.surrogate = surrogate;
    }

    /** Creation order; a topological order of the graph. */
    public int id() {
        return id;
    }

    /** The operation. */
    public Op op() {
        return op;
    }

    /** Operand {@code i}. */
    public Node arg(int i) {
        return args[i];
    }

    /** Number of operands. */
    public int argCount() {
        return args.length;
    }

    /** The constant's value, or the integer exponent of {@link Op#POWI}. */
    public double value() {
        return value;
    }

    /** The index of a state, parameter, input, placeholder or adjoint leaf. */
    public int index() {
        return index;
    }

    /** The surrogate of a {@link Op#HEAVISIDE}, else null. */
    public Surrogate surrogate() {
        return surrogate;
    }

    /** True for a constant node of that value. */
    public boolean isConst(double v) {
        return op == Op.CONST && Double.compare(value, v) == 0;
    }

    /** True for a constant node. */
    public boolean isConst() {
        return op == Op.CONST;
    }

    Key key() {
        return new Key(op, args, value, index, surrogate);
    }

    /** Structural identity used for hash-consing. */
    record Key(Op op, Node[] args, double value, int index, Surrogate surrogate) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k) || k.op != op || k.index != index
                    || Double.compare(k.value, value) != 0 || !Objects.equals(k.surrogate, surrogate)
                    || k.args.length != args.length) {
                return false;
            }
            for (int i = 0; i < args.length; i++) {
                if (k.args[i] != args[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = op.hashCode() * 31 + index;
            h = h * 31 + Double.hashCode(value);
            h = h * 31 + Objects.hashCode(surrogate);
            for (Node a : args) {
                h = h * 31 + a.id;
            }
            return h;
        }
    }

    @Override
    public String toString() {
        return switch (op) {
            case CONST -> Double.toString(value);
            case STATE, PARAM, INPUT, PLACEHOLDER, ADJOINT, INVARIANT -> op.name().toLowerCase() + index;
            case DT -> "dt";
            default -> op.name().toLowerCase() + Arrays.toString(Arrays.stream(args).map(a -> "#" + a.id).toArray());
        };
    }
}
