package org.brainfx.engine.model;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import org.brainfx.engine.model.expr.ExprPrinter;

/**
 * The compact text form of a model that users type, one item per line, {@code #} comments:
 * <pre>
 * model hh "Hodgkin-Huxley with Traub-Miles rates"
 * state V = -65 mV
 * param gNa = 20 uS in [0.01, 40]     # trainable unless marked fixed; bounds in the value's unit
 * param C = 0.2 nF fixed
 * const EK = -90 mV
 * input I : nA
 * let am = 0.32*4/exprel((13 mV - V + Vth)/(4 mV)) / ms
 * dV/dt = (-gNa*m^3*h*(V - ENa) + I)/C
 * spike V > 0 mV
 * reset V = V_reset
 * after Vth = max(Vth_reset, Vth)
 * surrogate sigmoid alpha=4
 * integrator exp_euler
 * update sequential
 * detach_reset
 * </pre>
 * A missing bound is written {@code inf} or {@code -inf}; a missing unit means dimensionless.
 */
public final class ModelText {

    private ModelText() {
    }

    /**
     * Reads model text, recording each element's source line; expressions are syntax-checked
     * here so that their errors carry absolute columns. Names and units are checked by
     * {@link #check(String)} or {@link ModelChecker}.
     *
     * @throws ModelException naming the line, column, what was found and what was expected
     */
    public static ModelSpec parse(String text) {
        return new ModelTextReader().read(text == null ? "" : text);
    }

    /** Reads and checks model text; every error, including unit mismatches, names its line and column. */
    public static CheckedModel check(String text) {
        return ModelChecker.check(parse(text), text);
    }

    /** Writes a spec in the text form; {@link #parse(String)} reads it back to an equal spec, apart from source lines. */
    public static String format(ModelSpec spec) {
        StringBuilder out = new StringBuilder();
        if (spec.name() != null) {
            out.append("model ").append(spec.name());
            if (spec.description() != null) {
                out.append(" \"").append(spec.description().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            out.append('\n');
        }
        section(out, spec.states(), s -> "state " + s.name() + " = " + value(s.initial(), s.unit()));
        section(out, spec.parameters(), ModelText::parameter);
        section(out, spec.constants(), c -> "const " + c.name() + " = " + value(c.value(), c.unit()));
        section(out, spec.inputs(), i -> "input " + i.name() + (isDimensionless(i.unit()) ? "" : " : " + i.unit()));
        section(out, spec.definitions(), d -> "let " + d.name() + " = " + d.expression());
        section(out, spec.equations(), e -> "d" + e.state() + "/dt = " + e.rhs());
        out.append('\n');
        if (spec.spike() != null) {
            out.append("spike ").append(spec.spike()).append('\n');
        }
        spec.resets().forEach(r -> out.append("reset ").append(r.state()).append(" = ").append(r.expression()).append('\n'));
        spec.after().forEach(a -> out.append("after ").append(a.state()).append(" = ").append(a.expression()).append('\n'));
        if (spec.refractory() != null) {
            RefractorySpec r = spec.refractory();
            out.append("refractory ").append(value(r.period(), r.unit()));
            if (r.hold() != null) {
                out.append(" hold ").append(r.hold().isEmpty() ? "none" : String.join(", ", r.hold()));
            }
            out.append('\n');
        }
        out.append("surrogate ").append(spec.surrogate().kind());
        new TreeMap<>(spec.surrogate().params()).forEach((k, v) -> out.append(' ').append(k).append('=').append(ExprPrinter.number(v)));
        out.append('\n');
        out.append("integrator ").append(spec.integrator()).append('\n');
        out.append("update ").append(spec.update()).append('\n');
        if (spec.detachReset()) {
            out.append("detach_reset\n");
        }
        return out.toString();
    }

    private static String parameter(ParameterSpec p) {
        StringBuilder s = new StringBuilder("param ").append(p.name()).append(" = ").append(value(p.value(), p.unit()));
        if (p.lower() != null || p.upper() != null) {
            s.append(" in [").append(p.lower() == null ? "-inf" : ExprPrinter.number(p.lower())).append(", ")
                    .append(p.upper() == null ? "inf" : ExprPrinter.number(p.upper())).append(']');
        }
        if (!p.trainable()) {
            s.append(" fixed");
        }
        return s.toString();
    }

    private static String value(double value, String unit) {
        return ExprPrinter.number(value) + (isDimensionless(unit) ? "" : " " + unit);
    }

    private static boolean isDimensionless(String unit) {
        return unit == null || unit.isBlank() || unit.strip().equals("1");
    }

    private static <T> void section(StringBuilder out, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        out.append('\n');
        items.forEach(item -> out.append(line.apply(item)).append('\n'));
    }
}
