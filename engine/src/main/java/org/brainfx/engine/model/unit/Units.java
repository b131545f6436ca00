package org.brainfx.engine.model.unit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brainfx.engine.model.ModelException;

/**
 * The table of unit symbols BrainFX knows (electrophysiology's volts, amperes, siemens, farads,
 * ohms, seconds, hertz and metres with their usual prefixes) and the reader of unit expressions
 * such as {@code mS/cm2}, {@code 1/ms} or {@code mV^2}.
 */
public final class Units {
    private static final Dimension VOLTAGE = new Dimension(1, 2, -3, -1);
    private static final Dimension CURRENT = new Dimension(0, 0, 0, 1);
    private static final Dimension TIME = new Dimension(0, 0, 1, 0);
    private static final Dimension LENGTH = new Dimension(0, 1, 0, 0);
    private static final Dimension CONDUCTANCE = CURRENT.divide(VOLTAGE);
    private static final Dimension RESISTANCE = VOLTAGE.divide(CURRENT);
    private static final Dimension CAPACITANCE = CURRENT.times(TIME).divide(VOLTAGE);
    private static final Dimension FREQUENCY = TIME.pow(-1);
    private static final Dimension AREA = LENGTH.pow(2);

    private static final Map<String, Double> PREFIXES = Map.of(
            "", 1.0, "G", 1e9, "M", 1e6, "k", 1e3, "c", 1e-2, "m", 1e-3, "u", 1e-6, "n", 1e-9, "p", 1e-12, "f", 1e-15);

    private static final Map<String, Unit> SYMBOLS = table();

    /**
     * Names for internal units, so that messages say {@code uS} rather than {@code nA/mV};
     * the first name listed for a dimension wins.
     */
    private static final Map<Dimension, String> INTERNAL_NAMES = internalNames();

    private Units() {
    }

    /** The unit of that exact symbol (e.g. {@code mV}, {@code cm2}, {@code µS}), if known. */
    public static Optional<Unit> lookup(String symbol) {
        return Optional.ofNullable(SYMBOLS.get(symbol));
    }

    /**
     * Reads a unit expression: symbols joined by {@code *} and {@code /}, each optionally raised to
     * an integer power ({@code mV^2}, {@code ms^-1}), parentheses, {@code 1} for a pure number, and
     * a leading {@code /} as a shorthand for {@code 1/} ({@code /ms}). Blank text is dimensionless.
     *
     * @throws ModelException naming the unknown symbol or the malformed place
     */
    public static Unit parse(String text) {
        if (text == null || text.isBlank()) {
            return Unit.DIMENSIONLESS;
        }
        Unit unit = new UnitReader(text).read();
        return new Unit(text.strip(), unit.scale(), unit.dimension());
    }

    /** The internal-system unit of a dimension (scale {@link Unit#internalScale}), named as readably as possible. */
    public static Unit internal(Dimension dimension) {
        return new Unit(internalName(dimension), Unit.internalScale(dimension), dimension);
    }

    /**
     * A readable name for the internal unit of a dimension, e.g. {@code mV/ms} or {@code uS};
     * dimensions without a name of their own are written in mV, nA, ms and um.
     */
    public static String internalName(Dimension dimension) {
        String named = INTERNAL_NAMES.get(dimension);
        if (named != null) {
            return named;
        }
        for (Map.Entry<Dimension, String> e : INTERNAL_NAMES.entrySet()) {
            if (!e.getKey().isNone() && dimension.sameAs(e.getKey().divide(TIME))) {
                return e.getValue().contains("/") ? "(" + e.getValue() + ")/ms" : e.getValue() + "/ms";
            }
        }
        return composeFromBases(dimension);
    }

    /** Written as mV^a·um^b·ms^c·nA^d, since every dimension factors uniquely over those four. */
    private static String composeFromBases(Dimension d) {
        double volt = d.mass();
        double length = d.length() - 2 * volt;
        double time = d.time() + 3 * volt;
        double current = d.current() + volt;
        List<String> numerator = new ArrayList<>();
        List<String> denominator = new ArrayList<>();
        place("mV", volt, numerator, denominator);
        place("um", length, numerator, denominator);
        place("ms", time, numerator, denominator);
        place("nA", current, numerator, denominator);
        String top = numerator.isEmpty() ? "1" : String.join("*", numerator);
        if (denominator.isEmpty()) {
            return top;
        }
        return top + "/" + (denominator.size() == 1 ? denominator.get(0) : "(" + String.join("*", denominator) + ")");
    }

    private static void place(String symbol, double exponent, List<String> numerator, List<String> denominator) {
        if (Math.abs(exponent) < 1e-9) {
            return;
        }
        double magnitude = Math.abs(exponent);
        String power = magnitude == 1 ? symbol
                : symbol + "^" + (magnitude == Math.rint(magnitude) ? Long.toString((long) magnitude) : Double.toString(magnitude));
        (exponent > 0 ? numerator : denominator).add(power);
    }

    private static Map<String, Unit> table() {
        Map<String, Unit> t = new LinkedHashMap<>();
        prefixed(t, "V", VOLTAGE, "", "m", "u");
        prefixed(t, "A", CURRENT, "", "m", "u", "n", "p", "f");
        prefixed(t, "S", CONDUCTANCE, "", "m", "u", "n", "p");
        prefixed(t, "F", CAPACITANCE, "", "m", "u", "n", "p");
        prefixed(t, "Ohm", RESISTANCE, "", "k", "M", "G");
        prefixed(t, "Ω", RESISTANCE, "", "k", "M", "G");
        prefixed(t, "s", TIME, "", "m", "u");
        prefixed(t, "Hz", FREQUENCY, "", "k");
        prefixed(t, "m", LENGTH, "", "c", "m", "u", "n");
        for (String prefix : List.of("", "c", "m", "u")) {
            String symbol = prefix + "m2";
            double side = PREFIXES.get(prefix);
            t.put(symbol, new Unit(symbol, side * side, AREA));
        }
        Map<String, Unit> micro = new LinkedHashMap<>();
        t.forEach((symbol, unit) -> {
            if (symbol.startsWith("u")) {
                micro.put("µ" + symbol.substring(1), new Unit("µ" + symbol.substring(1), unit.scale(), unit.dimension()));
            }
        });
        t.putAll(micro);
        return Collections.unmodifiableMap(t);
    }

    private static void prefixed(Map<String, Unit> t, String base, Dimension dimension, String... prefixes) {
        for (String prefix : prefixes) {
            String symbol = prefix + base;
            t.put(symbol, new Unit(symbol, PREFIXES.get(prefix), dimension));
        }
    }

    private static Map<Dimension, String> internalNames() {
        Map<Dimension, String> n = new LinkedHashMap<>();
        n.put(Dimension.NONE, "1");
        n.put(VOLTAGE, "mV");
        n.put(CURRENT, "nA");
        n.put(TIME, "ms");
        n.put(CONDUCTANCE, "uS");
        n.put(CAPACITANCE, "nF");
        n.put(RESISTANCE, "MOhm");
        n.put(LENGTH, "um");
        n.put(AREA, "um2");
        n.put(FREQUENCY, "1/ms");
        n.put(VOLTAGE.pow(2), "mV^2");
        n.put(VOLTAGE.pow(-1), "1/mV");
        n.put(CONDUCTANCE.divide(AREA), "uS/um2");
        n.put(CAPACITANCE.divide(AREA), "nF/um2");
        n.put(CURRENT.divide(AREA), "nA/um2");
        return Collections.unmodifiableMap(n);
    }

    /** Recursive-descent reader of one unit expression. */
    private static final class UnitReader {
        private final String text;
        private int at;

        UnitReader(String text) {
            this.text = text;
        }

        Unit read() {
            skipSpaces();
            Unit unit = peek() == '/' ? Unit.DIMENSIONLESS : factor();
            unit = rest(unit);
            if (at < text.length()) {
                throw problem("expected '*', '/' or the end");
            }
            return unit;
        }

        private Unit rest(Unit unit) {
            skipSpaces();
            while (peek() == '*' || peek() == '/') {
                char op = text.charAt(at++);
                Unit next = factor();
                unit = op == '*' ? unit.times(next) : unit.divide(next);
                skipSpaces();
            }
            return unit;
        }

        private Unit factor() {
            Unit base = atom();
            skipSpaces();
            if (peek() == '^') {
                at++;
                skipSpaces();
                int start = at;
                if (peek() == '-' || peek() == '+') {
                    at++;
                }
                while (Character.isDigit(peek())) {
                    at++;
                }
                String digits = text.substring(start, at);
                if (digits.isEmpty() || digits.equals("-") || digits.equals("+")) {
                    throw problem("expected an integer power after '^'");
                }
                return base.pow(Integer.parseInt(digits));
            }
            return base;
        }

        private Unit atom() {
            skipSpaces();
            char c = peek();
            if (c == '(') {
                at++;
                skipSpaces();
                Unit inner = rest(factor());
                if (peek() != ')') {
                    throw problem("expected ')'");
                }
                at++;
                return inner;
            }
            if (c == '1') {
                at++;
                return Unit.DIMENSIONLESS;
            }
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw problem("expected a unit symbol");
            }
            String symbol = text.substring(start, at);
            Unit unit = SYMBOLS.get(symbol);
            if (unit == null) {
                throw new ModelException("unknown unit '" + symbol + "' in '" + text.strip()
                        + "' (known units include mV, V, ms, s, nA, pA, uS, nS, mS, nF, pF, uF, MOhm, Hz, um, cm2;"
                        + " combine them with *, / and ^, e.g. mS/cm2)");
            }
            return unit;
        }

        private ModelException problem(String expected) {
            String found = at < text.length() ? "'" + text.charAt(at) + "'" : "the end";
            return new ModelException("unit '" + text.strip() + "', character " + (at + 1) + ": " + expected
                    + " but found " + found);
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
