package org.brainfx.app.fit;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.brainfx.app.fit.SettingField.InvalidSettingException;
import org.brainfx.app.fit.SettingField.Parser;

/**
 * The parsers of the fit form's fields, each with a message that names the field, says what it
 * accepts and repeats what was typed. An empty text means "not set" where the setting is optional.
 */
final class SettingParsers {

    private final ResourceBundle messages;

    SettingParsers(ResourceBundle messages) {
        this.messages = messages;
    }

    /** A whole number in {@code [min, max]}; empty gives null when {@code optional}. */
    Parser<Integer> whole(String label, int min, int max, boolean optional) {
        return s -> {
            if (s.isEmpty() && optional) {
                return null;
            }
            try {
                int n = Integer.parseInt(s);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below, with the accepted range
            }
            throw invalid(max == Integer.MAX_VALUE ? "fit.invalid.atLeast" : "fit.invalid.range",
                    label, max == Integer.MAX_VALUE ? Integer.toString(min) : Integer.toString(max), s,
                    Integer.toString(min));
        };
    }

    /** A whole number of at least {@code min} (a long); empty gives null when {@code optional}. */
    Parser<Long> wholeLong(String label, long min, boolean optional) {
        return s -> {
            if (s.isEmpty() && optional) {
                return null;
            }
            try {
                long n = Long.parseLong(s);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            if (min == Long.MIN_VALUE) {
                throw invalid("fit.invalid.whole", label, s);
            }
            throw invalid("fit.invalid.atLeast", label, Long.toString(min), s, Long.toString(min));
        };
    }

    /** A finite number at least {@code min} (above it when {@code strict}); empty gives null when {@code optional}. */
    Parser<Double> number(String label, double min, boolean strict, boolean optional) {
        return s -> {
            if (s.isEmpty() && optional) {
                return null;
            }
            try {
                double v = Double.parseDouble(s);
                if (Double.isFinite(v) && (strict ? v > min : v >= min) && !s.endsWith("d") && !s.endsWith("f")
                        && !s.endsWith("D") && !s.endsWith("F")) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(strict ? "fit.invalid.above" : "fit.invalid.notBelow", label, plain(min), s);
        };
    }

    /** Any finite number. */
    Parser<Double> anyNumber(String label) {
        return s -> {
            try {
                double v = Double.parseDouble(s);
                if (Double.isFinite(v) && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F")) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid("fit.invalid.number", label, s);
        };
    }

    /** One of {@code choices}. */
    Parser<String> choice(String label, List<String> choices) {
        return s -> {
            if (choices.contains(s)) {
                return s;
            }
            throw invalid("fit.invalid.choice", label, s, String.join(", ", choices));
        };
    }

    /** A time window "start, end" in ms with 0 ≤ start < end; empty gives null (the whole sweep). */
    Parser<List<Double>> window(String label) {
        return s -> {
            if (s.isEmpty()) {
                return null;
            }
            String[] parts = s.split("[,;\\s]+");
            if (parts.length == 2) {
                try {
                    double from = Double.parseDouble(parts[0]);
                    double to = Double.parseDouble(parts[1]);
                    if (Double.isFinite(from) && Double.isFinite(to) && from >= 0 && from < to) {
                        return List.of(from, to);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw invalid("fit.invalid.window", label, s);
        };
    }

    /** Weights "w1, w2, …", each finite and at least 0, not all 0; empty gives null (all 1). */
    Parser<List<Double>> weights(String label) {
        return s -> {
            if (s.isEmpty()) {
                return null;
            }
            List<Double> weights = new ArrayList<>();
            try {
                for (String part : s.split("[,;\\s]+")) {
                    double w = Double.parseDouble(part);
                    if (!Double.isFinite(w) || w < 0) {
                        throw invalid("fit.invalid.weights", label, s);
                    }
                    weights.add(w);
                }
            } catch (NumberFormatException e) {
                throw invalid("fit.invalid.weights", label, s);
            }
            if (weights.stream().allMatch(w -> w == 0)) {
                throw invalid("fit.invalid.weights", label, s);
            }
            return List.copyOf(weights);
        };
    }

    /** A number as a person writes it: no exponent for ordinary magnitudes, no trailing zeros. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (v != 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e7)) {
            return Double.toString(v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** A window as the field shows it, e.g. "10, 200". */
    static String window(List<Double> w) {
        return plain(w.get(0)) + ", " + plain(w.get(1));
    }

    /** Weights as the field shows them, e.g. "1, 2, 1". */
    static String weights(List<Double> w) {
        return w.stream().map(SettingParsers::plain).collect(Collectors.joining(", "));
    }

    private InvalidSettingException invalid(String key, Object... args) {
        return new InvalidSettingException(MessageFormat.format(messages.getString(key), args));
    }
}
