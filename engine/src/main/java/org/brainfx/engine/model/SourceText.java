package org.brainfx.engine.model;

import java.util.List;
import org.brainfx.engine.model.expr.Pos;

/** The model text a spec was read from, used to point errors at absolute columns. */
final class SourceText {
    private final List<String> lines;

    SourceText(String text) {
        this.lines = text == null ? List.of() : text.lines().toList();
    }

    /**
     * Where {@code expression} starts on {@code line}, searching after the first {@code marker}
     * (e.g. {@code =}, so that {@code reset V = V} finds the second V), or null when it is not there.
     */
    Pos locate(int line, String expression, String marker) {
        if (line <= 0 || line > lines.size() || expression == null) {
            return null;
        }
        String text = lines.get(line - 1);
        int markerAt = text.indexOf(marker);
        int at = text.indexOf(expression, markerAt < 0 ? 0 : markerAt + marker.length());
        return at < 0 ? null : new Pos(line, at + 1);
    }

    /** The first line whose first word is {@code keyword}, or 0. */
    int lineOf(String keyword) {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.equals(keyword) || text.startsWith(keyword + " ") || text.startsWith(keyword + "\t")) {
                return i + 1;
            }
        }
        return 0;
    }
}
