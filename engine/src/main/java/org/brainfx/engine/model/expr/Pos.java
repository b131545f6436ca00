package org.brainfx.engine.model.expr;

/** A place in model source text: 1-based line and column, used by every parse and check error. */
public record Pos(int line, int column) {
    /** A position for expressions that came from no text (built in code). */
    public static final Pos NONE = new Pos(0, 0);

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ", column " + column : "column " + column;
    }
}
