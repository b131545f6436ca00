package org.brainfx.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brainfx.engine.model.expr.ExpressionParser;
import org.brainfx.engine.model.expr.Pos;
import org.brainfx.engine.model.unit.Units;

/** Reads the text form of a model (see {@link ModelText}) line by line into a {@link ModelSpec}. */
final class ModelTextReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DERIVATIVE = Pattern.compile("d([A-Za-z_][A-Za-z0-9_]*)\\s*/\\s*dt\\b");
    private static final Pattern NOT_A_UNIT = Pattern.compile("(in\\[|in$|fixed$|trainable$)");
    private static final String KEYWORDS = "model, state, param, const, input, let, dX/dt, spike, reset, after, surrogate,"
            + " refractory, integrator, update or detach_reset";

    /** An expression waiting to be syntax-checked once every name is known. */
    private record PendingExpression(String text, Pos start) { }

    private String name;
    private String description;
    private final List<StateSpec> states = new ArrayList<>();
    private final List<ParameterSpec> parameters = new ArrayList<>();
    private final List<ConstantSpec> constants = new ArrayList<>();
    private final List<InputSpec> inputs = new ArrayList<>();
    private final List<DefinitionSpec> definitions = new ArrayList<>();
    private final List<EquationSpec> equations = new ArrayList<>();
    private final List<AssignmentSpec> resets = new ArrayList<>();
    private final List<AssignmentSpec> after = new ArrayList<>();
    private String spike;
    private SurrogateSpec surrogate;
    private String integrator;
    private String update;
    private boolean detachReset;
    private RefractorySpec refractory;
    private final Set<String> seenOnce = new LinkedHashSet<>();
    private final Set<String> declared = new LinkedHashSet<>();
    private final List<PendingExpression> expressions = new ArrayList<>();

    ModelSpec read(String text) {
        // Each line is read on its own, so every line with a problem is reported, not only the first.
        List<ModelException> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Line line = new Line(lines.get(i), i + 1);
            if (!line.isBlank()) {
                try {
                    item(line);
                } catch (ModelException e) {
                    problems.add(e);
                }
            }
        }
        // Expressions only once every declaration read: a name on a broken line would look undeclared.
        if (problems.isEmpty()) {
            ExpressionParser parser = new ExpressionParser(declared);
            for (PendingExpression e : expressions) {
                try {
                    parser.parse(e.text(), e.start());
                } catch (ModelException ex) {
                    problems.add(ex);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ModelException.several(problems);
        }
        return new ModelSpec(name, description, states, parameters, constants, inputs, definitions, equations,
                spike, resets, after, surrogate, integrator, update, detachReset, refractory);
    }

    private void item(Line line) {
        Matcher derivative = line.match(DERIVATIVE);
        if (derivative != null) {
            line.expect("=");
            equations.add(new EquationSpec(derivative.group(1), line.expression(expressions), line.lineNumber()));
            return;
        }
        int keywordColumn = line.column();
        String keyword = line.word("a declaration (" + KEYWORDS + ")");
        switch (keyword) {
            case "model" -> {
                once(line, keyword, keywordColumn);
                name = line.word("the model's name");
                description = line.atEnd() ? null : line.quoted();
            }
            case "state" -> {
                String n = declare(line.word("the state's name"));
                line.expect("=");
                double value = line.number();
                states.add(new StateSpec(n, value, line.unit(), line.lineNumber()));
            }
            case "param" -> parameters.add(parameter(line));
            case "const" -> {
                String n = declare(line.word("the constant's name"));
                line.expect("=");
                double value = line.number();
                constants.add(new ConstantSpec(n, value, line.unit(), line.lineNumber()));
            }
            case "input" -> {
                String n = declare(line.word("the input's name"));
                String unit = "1";
                if (!line.atEnd()) {
                    line.expect(":");
                    unit = line.unit();
                }
                inputs.add(new InputSpec(n, unit, line.lineNumber()));
            }
            case "let" -> {
                String n = declare(line.word("the definition's name"));
                line.expect("=");
                definitions.add(new DefinitionSpec(n, line.expression(expressions), line.lineNumber()));
            }
            case "spike" -> {
                once(line, keyword, keywordColumn);
                spike = line.expression(expressions);
            }
            case "reset", "after" -> {
                String state = line.word("the name of the state to assign");
                line.expect("=");
                (keyword.equals("reset") ? resets : after).add(new AssignmentSpec(state, line.expression(expressions), line.lineNumber()));
            }
            case "surrogate" -> {
                once(line, keyword, keywordColumn);
                surrogate = surrogate(line);
            }
            case "integrator" -> {
                once(line, keyword, keywordColumn);
                integrator = line.word("an integrator (" + String.join(", ", ModelSpec.INTEGRATORS) + ")");
            }
            case "update" -> {
                once(line, keyword, keywordColumn);
                update = line.word("an update order (" + String.join(", ", ModelChecker.UPDATES) + ")");
            }
            case "refractory" -> {
                once(line, keyword, keywordColumn);
                refractory = refractory(line);
            }
            case "detach_reset" -> {
                once(line, keyword, keywordColumn);
                detachReset = true;
            }
            default -> throw new ModelException("expected a declaration (" + KEYWORDS + ") but found '" + keyword + "'",
                    new Pos(line.lineNumber(), keywordColumn));
        }
        line.expectEnd();
    }

    private ParameterSpec parameter(Line line) {
        String n = declare(line.word("the parameter's name"));
        line.expect("=");
        double value = line.number();
        String unit = line.unit();
        Double lower = null;
        Double upper = null;
        if (line.accept("in")) {
            line.expect("[");
            lower = line.bound(Double.NEGATIVE_INFINITY);
            line.expect(",");
            upper = line.bound(Double.POSITIVE_INFINITY);
            line.expect("]");
        }
        boolean trainable = !line.accept("fixed");
        if (trainable) {
            line.accept("trainable");
        }
        if (!line.atEnd()) {
            throw line.error("'in [lower, upper]', 'fixed', 'trainable' or the end of the line");
        }
        return new ParameterSpec(n, value, unit, lower, upper, trainable, line.lineNumber());
    }

    /** {@code refractory 5 ms [hold V, w | hold none]}. */
    private RefractorySpec refractory(Line line) {
        double period = line.number();
        String unit = line.unit();
        List<String> hold = null;
        if (line.accept("hold")) {
            hold = new ArrayList<>();
            String first = line.word("the states held while refractory, or 'none'");
            if (!first.equals("none")) {
                hold.add(first);
                while (line.accept(",")) {
                    hold.add(line.word("a state's name"));
                }
            }
        }
        return new RefractorySpec(period, unit, hold, line.lineNumber());
    }

    private SurrogateSpec surrogate(Line line) {
        String kind = line.word("a surrogate (" + String.join(", ", ModelChecker.SURROGATES) + ")");
        Map<String, Double> params = new LinkedHashMap<>();
        while (!line.atEnd()) {
            line.accept(",");
            String key = line.word("a surrogate parameter such as alpha=4");
            line.expect("=");
            params.put(key, line.number());
        }
        return new SurrogateSpec(kind, params);
    }

    private void once(Line line, String keyword, int column) {
        if (!seenOnce.add(keyword)) {
            throw new ModelException("a second '" + keyword + "' line; a model has one", new Pos(line.lineNumber(), column));
        }
    }

    private String declare(String declaredName) {
        declared.add(declaredName);
        return declaredName;
    }

    /** One line of model text with a cursor; every error names the line and column. */
    private static final class Line {
        private final String text;
        private final int number;
        private int at;

        Line(String raw, int number) {
            this.text = withoutComment(raw);
            this.number = number;
            skipSpaces();
        }

        private static String withoutComment(String raw) {
            boolean quoted = false;
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && quoted) {
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == '#' && !quoted) {
                    return raw.substring(0, i);
                }
            }
            return raw;
        }

        int lineNumber() {
            return number;
        }

        int column() {
            return at + 1;
        }

        boolean isBlank() {
            return text.isBlank();
        }

        boolean atEnd() {
            return at >= text.stripTrailing().length();
        }

        Matcher match(Pattern pattern) {
            Matcher m = pattern.matcher(text).region(at, text.length());
            if (!m.lookingAt()) {
                return null;
            }
            at = m.end();
            skipSpaces();
            return m;
        }

        String word(String expected) {
            Matcher m = NAME.matcher(text).region(at, text.length());
            if (!m.lookingAt()) {
                throw error(expected);
            }
            at = m.end();
            skipSpaces();
            return m.group();
        }

        double number() {
            Matcher m = NUMBER.matcher(text).region(at, text.length());
            if (!m.lookingAt()) {
                throw error("a number");
            }
            at = m.end();
            skipSpaces();
            return Double.parseDouble(m.group());
        }

        /** A bound: a number, or {@code inf}/{@code -inf} for none (null). */
        Double bound(double infinity) {
            String sign = infinity < 0 ? "-inf" : "inf";
            if (text.startsWith(sign, at) || text.startsWith("+inf", at)) {
                at += text.startsWith(sign, at) ? sign.length() : 4;
                skipSpaces();
                return null;
            }
            return number();
        }

        /** The unit written next (one word without spaces, e.g. {@code mS/cm2}), checked; "1" when none is written. */
        String unit() {
            int stop = at;
            while (stop < text.length() && !Character.isWhitespace(text.charAt(stop))) {
                stop++;
            }
            String unit = text.substring(at, stop);
            if (unit.isEmpty() || NOT_A_UNIT.matcher(unit).lookingAt()) {
                return "1";
            }
            try {
                Units.parse(unit);
            } catch (ModelException e) {
                throw new ModelException(e.getMessage(), new Pos(number, at + 1));
            }
            at = stop;
            skipSpaces();
            return unit;
        }

        /** The rest of the line as an expression, remembered with its absolute start for the syntax check. */
        String expression(List<PendingExpression> pending) {
            String expression = text.substring(at).strip();
            if (expression.isEmpty()) {
                throw error("an expression");
            }
            pending.add(new PendingExpression(expression, new Pos(number, at + 1)));
            at = text.length();
            return expression;
        }

        String quoted() {
            expect("\"");
            StringBuilder s = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    c = text.charAt(at++);
                }
                s.append(c);
            }
            if (at >= text.length()) {
                throw error("a closing '\"'");
            }
            at++;
            skipSpaces();
            return s.toString();
        }

        boolean accept(String symbol) {
            boolean word = Character.isLetter(symbol.charAt(0));
            int end = at + symbol.length();
            if (!text.startsWith(symbol, at)
                    || (word && end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'))) {
                return false;
            }
            at = end;
            skipSpaces();
            return true;
        }

        void expect(String symbol) {
            if (!accept(symbol)) {
                throw error("'" + symbol + "'");
            }
        }

        void expectEnd() {
            if (!atEnd()) {
                throw error("the end of the line");
            }
        }

        ModelException error(String expected) {
            return new ModelException("expected " + expected + " but found " + found(), new Pos(number, at + 1));
        }

        private String found() {
            if (atEnd()) {
                return "the end of the line";
            }
            Matcher m = NAME.matcher(text).region(at, text.length());
            if (m.lookingAt()) {
                return "'" + m.group() + "'";
            }
            Matcher n = NUMBER.matcher(text).region(at, text.length());
            return "'" + (n.lookingAt() ? n.group() : String.valueOf(text.charAt(at))) + "'";
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
