package org.brainfx.engine.model;

import org.brainfx.engine.model.expr.Pos;

/**
 * A part of a model spec as error messages name it: {@code name} when it has a source line
 * ("equation dV/dt (line 12)"), {@code indexedName} when it came from JSON ("equations[2] (dV/dt)");
 * {@code expressionStart} is where its expression begins in the model text, or null when unknown.
 */
record SpecElement(String name, String indexedName, int line, Pos expressionStart) {

    /** An element without an expression, or whose expression cannot be located in text. */
    SpecElement(String name, String indexedName, int line) {
        this(name, indexedName, line, null);
    }

    /** The element with its line, or its place in the spec lists. */
    String label() {
        return line > 0 ? name + " (line " + line + ")" : indexedName;
    }

    /** Where its expression's columns count from: absolute when located, else from 1 of the expression. */
    Pos parseBase() {
        return expressionStart != null ? expressionStart : new Pos(0, 1);
    }

    /** An error about the element as a whole. */
    ModelException error(String detail) {
        return ModelException.located(label() + ": " + detail, line > 0 ? new Pos(line, 0) : Pos.NONE);
    }

    /** An error at a node of its expression; the column is given only when it is absolute. */
    ModelException error(Pos at, String detail) {
        if (expressionStart == null) {
            return error(detail);
        }
        return ModelException.located(at + ": " + name + ": " + detail, at);
    }

    /** A parse error of its expression, given the element's context. */
    ModelException syntaxError(ModelException parseError) {
        if (expressionStart == null) {
            return ModelException.located(label() + ": " + parseError.getMessage(), line > 0 ? new Pos(line, 0) : Pos.NONE);
        }
        return ModelException.located(parseError.getMessage() + " (in " + name + ")", parseError.pos());
    }
}
