package org.brainfx.engine.compile;

/** The operations of the kernel compiler's expression graph. */
public enum Op {
    CONST(0), STATE(0), PARAM(0), INPUT(0), DT(0), PLACEHOLDER(0), ADJOINT(0), INVARIANT(0),
    ADD(2), SUB(2), MUL(2), DIV(2), NEG(1), POWI(1), POW(2),
    EXP(1), LOG(1), SQRT(1), ABS(1), SIGN(1), TANH(1), SIGMOID(1),
    EXPREL(1), EXPREL_D1(1), EXPREL_D2(1),
    MIN(2), MAX(2), WHERE(3),
    LT(2), LE(2), GT(2), GE(2), EQ(2), NE(2),
    HEAVISIDE(1), STOP_GRADIENT(1);

    private final int arity;

    Op(int arity) {
        this.arity = arity;
    }

    /** Number of operands. */
    public int arity() {
        return arity;
    }

    /** True for operations whose value is 0 or 1 and whose derivative is zero everywhere it exists. */
    public boolean isComparison() {
        return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
    }

    /** True for graph inputs (no operands). */
    public boolean isLeaf() {
        return arity == 0;
    }
}
