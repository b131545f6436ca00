package org.brainfx.engine.model.expr;

/** One lexical token of an expression; {@code offset} is its index in the expression text. */
record Token(Kind kind, String text, int offset) {

    /** The kinds of token. */
    enum Kind { NUMBER, IDENT, OP, END }

    boolean is(String symbol) {
        return kind == Kind.OP && text.equals(symbol);
    }

    /** The token as an error message shows what was found. */
    String describe() {
        return kind == Kind.END ? "end of expression" : "'" + text + "'";
    }
}
