package org.brainfx.app.modelview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brainfx.engine.model.expr.Builtin;
import org.brainfx.engine.model.unit.Units;

/**
 * Syntax highlighting of model text as style runs: declaration keywords, derivatives, numbers,
 * units, comments, strings, functions, state and parameter names, and the error's place.
 *
 * <p>Works on any text, also text that does not parse, because the user sees it while typing.
 */
public final class ModelHighlighter {

    /** Style class of the place an error points at. */
    public static final String ERROR = "mv-error";

    private static final Set<String> KEYWORDS = Set.of("model", "state", "param", "const", "input", "let", "spike",
            "reset", "after", "surrogate", "integrator", "update", "detach_reset");
    private static final Set<String> QUALIFIERS = Set.of("in", "fixed", "trainable", "inf");
    private static final Set<String> VALUE_DECLARATIONS = Set.of("state", "param", "const");
    private static final Pattern DECLARATION = Pattern.compile("^\\s*(state|param)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.MULTILINE);
    private static final Pattern DERIVATIVE = Pattern.compile("^\\s*(d[A-Za-z_][A-Za-z0-9_]*\\s*/\\s*dt)\\b");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<string>\"(?:\\\\.|[^\"\\\\])*\"?)"
            + "|(?<number>(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)"
            + "|(?<word>[A-Za-z_\\u00b5\\u03bc\\u03a9][A-Za-z0-9_\\u00b5\\u03bc\\u03a9]*)");

    private ModelHighlighter() {
    }

    /** Runs covering all of {@code text}, with {@link #ERROR} at the place of each of {@code errors}. */
    public static List<StyledRun> highlight(String text, List<ModelDiagnostic> errors) {
        String[] classes = new String[text.length()];
        boolean[] marked = new boolean[text.length()];
        Set<String> states = new HashSet<>();
        Set<String> parameters = new HashSet<>();
        Matcher declared = DECLARATION.matcher(text);
        while (declared.find()) {
            (declared.group(1).equals("state") ? states : parameters).add(declared.group(2));
        }
        int lineNumber = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            line(text, start, end, classes, states, parameters);
            for (ModelDiagnostic error : errors) {
                if (error.line() == lineNumber) {
                    markError(text, start, end, error.column(), marked);
                }
            }
            lineNumber++;
            start = end + 1;
        }
        return runs(classes, marked);
    }

    private static void line(String text, int start, int end, String[] classes, Set<String> states, Set<String> parameters) {
        int code = commentStart(text, start, end);
        fill(classes, code, end, "mv-comment");
        String line = text.substring(start, code);
        int from = 0;
        Matcher derivative = DERIVATIVE.matcher(line);
        if (derivative.lookingAt()) {
            fill(classes, start + derivative.start(1), start + derivative.end(1), "mv-derivative");
            from = derivative.end();
        }
        Matcher token = TOKEN.matcher(line).region(from, line.length());
        String keyword = null;
        boolean valueSeen = false;
        while (token.find()) {
            int a = start + token.start();
            int b = start + token.end();
            int resumeAt = -1;
            if (token.group("string") != null) {
                fill(classes, a, b, "mv-string");
            } else if (token.group("number") != null) {
                fill(classes, a, b, "mv-number");
                if (!valueSeen && keyword != null && VALUE_DECLARATIONS.contains(keyword)) {
                    resumeAt = unit(line, token.end(), start, classes);
                }
                valueSeen = true;
            } else if (keyword == null && KEYWORDS.contains(token.group("word"))) {
                keyword = token.group("word");
                fill(classes, a, b, "mv-keyword");
                continue;
            } else {
                fill(classes, a, b, wordClass(token.group("word"), keyword, states, parameters));
                if ("input".equals(keyword) && line.indexOf(':', token.end()) >= 0) {
                    resumeAt = unit(line, line.indexOf(':', token.end()) + 1, start, classes);
                }
            }
            // "" from here on: the line's first word was no keyword, so none later on the line is one.
            keyword = keyword == null ? "" : keyword;
            if (resumeAt >= 0) {
                token.region(resumeAt, line.length());
            }
        }
    }

    /**
     * Styles the unit written after {@code from} (one word without spaces, such as {@code /ms} or
     * {@code mS/cm2}) and returns where it ends, or -1 when none is written there.
     */
    private static int unit(String line, int from, int lineStart, String[] classes) {
        int a = from;
        while (a < line.length() && Character.isWhitespace(line.charAt(a))) {
            a++;
        }
        int b = a;
        while (b < line.length() && !Character.isWhitespace(line.charAt(b))) {
            b++;
        }
        if (a == b || QUALIFIERS.contains(line.substring(a, b)) || line.startsWith("in[", a)) {
            return -1;
        }
        fill(classes, lineStart + a, lineStart + b, "mv-unit");
        return b;
    }

    private static String wordClass(String word, String keyword, Set<String> states, Set<String> parameters) {
        if (QUALIFIERS.contains(word) && "param".equals(keyword)) {
            return "mv-keyword";
        }
        if (states.contains(word)) {
            return "mv-state";
        }
        if (parameters.contains(word)) {
            return "mv-param";
        }
        if (Builtin.named(word).isPresent()) {
            return "mv-function";
        }
        if (Units.lookup(word).isPresent()) {
            return "mv-unit";
        }
        return null;
    }

    private static int commentStart(String text, int start, int end) {
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return i;
            }
        }
        return end;
    }

    /** Marks the token the column points at, or the whole line when the column is unknown (0). */
    private static void markError(String text, int start, int end, int column, boolean[] marked) {
        int from;
        int to;
        if (column <= 0) {
            from = start;
            to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
        } else {
            from = Math.min(start + column - 1, end);
            to = from;
            while (to < end && isWordChar(text.charAt(to))) {
                to++;
            }
            if (to == from && from < end) {
                to = from + 1;
            }
            if (from == end && end > start) {
                // An error at the end of the line ("expected a number but found the end of the line").
                from = end - 1;
                to = end;
            }
        }
        for (int i = from; i < to; i++) {
            marked[i] = true;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static void fill(String[] classes, int from, int to, String styleClass) {
        for (int i = from; i < to; i++) {
            classes[i] = styleClass;
        }
    }

    private static List<StyledRun> runs(String[] classes, boolean[] marked) {
        List<StyledRun> runs = new ArrayList<>();
        int i = 0;
        while (i < classes.length) {
            int j = i + 1;
            while (j < classes.length && java.util.Objects.equals(classes[j], classes[i]) && marked[j] == marked[i]) {
                j++;
            }
            List<String> styles = new ArrayList<>(2);
            if (classes[i] != null) {
                styles.add(classes[i]);
            }
            if (marked[i]) {
                styles.add(ERROR);
            }
            runs.add(new StyledRun(j - i, styles));
            i = j;
        }
        return runs;
    }
}
