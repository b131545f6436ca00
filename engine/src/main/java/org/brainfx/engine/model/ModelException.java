package org.brainfx.engine.model;

import java.util.List;
import org.brainfx.engine.model.expr.Pos;

/**
 * A model that cannot be read or checked: the message names where (line, column, or the
 * spec element), what was found and what was expected.
 */
public class ModelException extends RuntimeException {
    /** How many of several problems the message spells out. */
    private static final int LISTED = 20;
    private final transient Pos pos;
    /** Every problem found, in order, the first at this error's place; null when this is the only one. */
    private transient List<ModelException> all;

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

    /**
     * The first of several problems, carrying all of them ({@link #all()}); its message gives each
     * one on a line of its own, so a reader of the command line sees them all too.
     *
     * @param problems at least one, in the order found
     */
    public static ModelException several(List<ModelException> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder message = new StringBuilder();
        for (ModelException p : problems.subList(0, Math.min(problems.size(), LISTED))) {
            message.append(message.length() == 0 ? "" : "\n").append(p.getMessage());
        }
        if (problems.size() > LISTED) {
            message.append("\n… and ").append(problems.size() - LISTED).append(" more");
        }
        ModelException first = new ModelException(problems.get(0).pos(), message.toString());
        first.all = List.copyOf(problems);
        return first;
    }

    /** Every problem this error stands for, each with its own place and message; just this one for a single problem. */
    public List<ModelException> all() {
        return all == null ? List.of(this) : all;
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
