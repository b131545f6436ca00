package org.brainfx.engine.compile;

import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.SurrogateSpec;

/**
 * A surrogate derivative for the spike's Heaviside step: the forward pass is {@code H(x) = [x ≥ 0]},
 * the backward pass uses {@code g(x)} below. Formulas and default parameters follow braintools /
 * BrainPy's {@code surrogate} module (Wang et al., BrainPy; braintools.surrogate):
 * <ul>
 *   <li>{@code sigmoid} (alpha 4): {@code g = α·σ(αx)·(1 − σ(αx))}</li>
 *   <li>{@code relu} or {@code triangle} (alpha 0.3, width 1; braintools' ReluGrad):
 *       {@code g = α·max(width − |x|, 0)}</li>
 *   <li>{@code fast_sigmoid} (alpha 100; SuperSpike, Zenke &amp; Ganguli 2018):
 *       {@code g = 1/(1 + α|x|)²}</li>
 *   <li>{@code arctan} (alpha 1): {@code g = α / (2·(1 + (π/2·α·x)²))}</li>
 *   <li>{@code gaussian} (sigma 0.5, alpha 0.5; braintools' GaussianGrad):
 *       {@code g = α·exp(−x²/(2σ²)) / (√(2π)·σ)}</li>
 * </ul>
 *
 * @param kind canonical kind name
 * @param a    first parameter (alpha)
 * @param b    second parameter (width or sigma; unused by some kinds)
 */
public record Surrogate(String kind, double a, double b) {
    /** The kinds accepted in a model spec. */
    public static final List<String> KINDS = List.of("sigmoid", "relu", "triangle", "fast_sigmoid", "arctan", "gaussian");

    /** The surrogate a spec asks for, with braintools' defaults for missing parameters. */
    public static Surrogate of(SurrogateSpec spec) {
        Map<String, Double> p = spec.params();
        String kind = spec.kind() == null ? "sigmoid" : spec.kind().toLowerCase();
        return switch (kind) {
            case "sigmoid" -> new Surrogate(kind, p.getOrDefault("alpha", 4.0), 0);
            case "relu", "triangle" -> new Surrogate("relu", p.getOrDefault("alpha", 0.3), p.getOrDefault("width", 1.0));
            case "fast_sigmoid", "superspike" -> new Surrogate("fast_sigmoid", p.getOrDefault("alpha", 100.0), 0);
            case "arctan" -> new Surrogate(kind, p.getOrDefault("alpha", 1.0), 0);
            case "gaussian" -> new Surrogate(kind, p.getOrDefault("alpha", 0.5), p.getOrDefault("sigma", 0.5));
            default -> throw new ModelException("unknown surrogate '" + spec.kind() + "'; expected one of " + KINDS);
        };
    }

    /** The surrogate derivative {@code g(x)} as a graph expression. */
    Node derivative(Graph g, Node x) {
        return switch (kind) {
            case "sigmoid" -> {
                Node s = g.unary(Op.SIGMOID, g.mul(g.constant(a), x));
                yield g.mul(g.constant(a), g.mul(s, g.sub(g.constant(1), s)));
            }
            case "relu" -> g.mul(g.constant(a), g.max(g.sub(g.constant(b), g.unary(Op.ABS, x)), g.constant(0)));
            case "fast_sigmoid" -> {
                Node d = g.add(g.constant(1), g.mul(g.constant(a), g.unary(Op.ABS, x)));
                yield g.div(g.constant(1), g.powi(d, 2));
            }
            case "arctan" -> {
                Node u = g.mul(g.constant(Math.PI / 2 * a), x);
                yield g.div(g.constant(a / 2), g.add(g.constant(1), g.powi(u, 2)));
            }
            case "gaussian" -> g.mul(g.constant(a / (Math.sqrt(2 * Math.PI) * b)),
                    g.unary(Op.EXP, g.mul(g.constant(-1 / (2 * b * b)), g.powi(x, 2))));
            default -> throw new IllegalStateException("surrogate " + kind);
        };
    }
}
