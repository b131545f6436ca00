package org.brainfx.app.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.brainfx.engine.net.ValueSpec;

/**
 * A value distribution as one line of text for the property sheet, both ways: {@code 0.5} (constant),
 * {@code uniform(500, 1500)}, {@code normal(0, 1)}, {@code lognormal(mu, sigma)}, {@code kaiming(1)},
 * {@code file(values.csv)}. Parsing refuses what the engine would refuse, with the reason.
 */
public final class ValueText {
    /** The forms accepted, for messages. */
    static final String FORMS = "a number, uniform(low, high), normal(mean, sd), lognormal(mu, sigma), kaiming(scale) or file(name)";

    private ValueText() {
    }

    /** The text of {@code v} ("" for null). */
    public static String format(ValueSpec v) {
        if (v == null) {
            return "";
        }
        return switch (v.kind() == null ? "" : v.kind()) {
            case "constant" -> n(v.value());
            case "uniform" -> "uniform(" + n(v.low()) + ", " + n(v.high()) + ")";
            case "normal" -> "normal(" + n(v.mean()) + ", " + n(v.sd()) + ")";
            case "lognormal" -> "lognormal(" + n(v.mu()) + ", " + n(v.sigma()) + ")";
            case "kaiming" -> "kaiming(" + n(v.scale()) + ")";
            case "file" -> "file(" + v.file() + ")";
            default -> String.valueOf(v.kind());
        };
    }

    /**
     * The distribution {@code text} names; blank text gives null (no value: the model's default, or none).
     *
     * @throws IllegalArgumentException saying what is wrong and which forms are accepted
     */
    public static ValueSpec parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        int open = t.indexOf('(');
        if (open < 0) {
            return ValueSpec.constant(number(t, "value"));
        }
        if (!t.endsWith(")")) {
            throw new IllegalArgumentException("'" + t + "' lacks its closing ')'; write " + FORMS);
        }
        String kind = t.substring(0, open).trim().toLowerCase(Locale.ROOT);
        String inside = t.substring(open + 1, t.length() - 1).trim();
        if ("file".equals(kind)) {
            if (inside.isEmpty()) {
                throw new IllegalArgumentException("file() needs a file name, e.g. file(values.csv)");
            }
            return ValueSpec.fromFile(inside);
        }
        List<String> args = new ArrayList<>();
        for (String a : inside.split(",", -1)) {
            args.add(a.trim());
        }
        return switch (kind) {
            case "constant" -> ValueSpec.constant(number(one(args, kind), "value"));
            case "uniform" -> {
                two(args, kind, "low, high");
                double low = number(args.get(0), "low");
                double high = number(args.get(1), "high");
                if (low > high) {
                    throw new IllegalArgumentException("uniform low " + n(low) + " is above high " + n(high) + "; swap them");
                }
                yield ValueSpec.uniform(low, high);
            }
            case "normal" -> {
                two(args, kind, "mean, sd");
                yield ValueSpec.normal(number(args.get(0), "mean"), spread(args.get(1), "sd"));
            }
            case "lognormal" -> {
                two(args, kind, "mu, sigma");
                yield ValueSpec.lognormal(number(args.get(0), "mu"), spread(args.get(1), "sigma"));
            }
            case "kaiming" -> {
                double scale = number(one(args, kind), "scale");
                if (!(scale > 0)) {
                    throw new IllegalArgumentException("kaiming scale " + n(scale) + " must be > 0");
                }
                yield ValueSpec.kaiming(scale);
            }
            default -> throw new IllegalArgumentException("unknown distribution '" + kind + "'; write " + FORMS);
        };
    }

    private static String one(List<String> args, String kind) {
        if (args.size() != 1 || args.get(0).isEmpty()) {
            throw new IllegalArgumentException(kind + "() takes one number");
        }
        return args.get(0);
    }

    private static void two(List<String> args, String kind, String names) {
        if (args.size() != 2) {
            throw new IllegalArgumentException(kind + "() takes two numbers: " + kind + "(" + names + ")");
        }
    }

    private static double spread(String s, String field) {
        double v = number(s, field);
        if (v < 0) {
            throw new IllegalArgumentException(field + " " + n(v) + " is negative; a spread must be ≥ 0");
        }
        return v;
    }

    /** A finite number, or a refusal naming the field. */
    static double number(String s, String field) {
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s.trim() + "' is not a number (" + field + "); write " + FORMS);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number (got " + s.trim() + ")");
        }
        return v;
    }

    /** A number as short as it reads exactly ("0.1", "1500", "1e-05"). */
    static String n(Double v) {
        if (v == null) {
            return "?";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return Double.toString(v);
    }
}
