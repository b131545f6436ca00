package org.brainfx.app.modelview;

import java.util.List;
import java.util.regex.Pattern;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.expr.Pos;

/**
 * A problem in model text at a place the editor can mark: 1-based line (0 when unknown) and
 * column (0 when only the line is known), and the engine's explanation.
 */
public record ModelDiagnostic(int line, int column, String message) {

    // The engine prefixes messages with "line L, column C: "; the editor shows the place itself.
    private static final Pattern PLACE_PREFIX = Pattern.compile("^(line \\d+, )?column \\d+: ");

    /** The diagnostic of a parse or check error. */
    public static ModelDiagnostic of(ModelException e) {
        Pos pos = e.pos();
        // The first problem's own message: an error standing for several spells them all out.
        String message = e.all().get(0).getMessage();
        message = message == null ? e.toString() : message;
        return new ModelDiagnostic(pos.line(), pos.column(), PLACE_PREFIX.matcher(message).replaceFirst(""));
    }

    /** One diagnostic per problem the error stands for (several when several lines are broken), in text order. */
    public static List<ModelDiagnostic> allOf(ModelException e) {
        return e.all().stream().map(ModelDiagnostic::of).toList();
    }

    /** "line L, col C: message", or less when the place is not known. */
    public String display() {
        if (line <= 0) {
            return message;
        }
        return "line " + line + (column > 0 ? ", col " + column : "") + ": " + message;
    }
}
