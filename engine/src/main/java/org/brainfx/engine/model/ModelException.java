package org.brainfx.engine.model;

import org.brainfx.engine.model.expr.Pos;

/**
 * A model that cannot be read or checked: the message names where (line, column, or the
 * spec element), what was found and what was expected.
 */
public class ModelException extends RuntimeException {
    private final transient Pos pos;

    /** An error at a source position ({@link Pos#NONE} when none is known). */
    public ModelException(String message, Pos pos) {
        this(pos, pos == null || pos.equals(Pos.NONE) ? message : pos + ": " + message);
    }

    private ModelException(Pos pos, String fullMessage) {
        super(fullMessage);
        this.pos = pos == null ? Pos.NONE : pos;
    }

    /**
     * An error whose message already says where it is (it names the spec element and line), kept
     * with its position for editors; a column of 0 means the column is not known.
     */
    public static ModelException located(String message, Pos pos) {
        return new ModelException(pos, message);
    }

    /** An error without a source position. */
    public ModelException(String message) {
        this(message, Pos.NONE);
    }

    /** Where the error is, or {@link Pos#NONE}. */
    public Pos pos() {
        return pos;
    }
}
