package org.brainfx.app.network.sim;

import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.ValueSpec;

/**
 * Applies the teaching knobs to a network spec, as a pure function: spike-source rates times the input
 * scale; every synaptic weight (electrical coupling aside) times the weight scale; weights from
 * inhibitory populations times g over the project's own g (Brunel's w_I = −g·w_E). Weight
 * distributions scale as their values would: bounds, mean and sd of normals, μ + ln s for log-normals,
 * the gain (by s²) for Kaiming weights; weights read from a file and timed spike lists cannot, and are named.
 */
public final class SpecScaling {

    /** The scaled spec, and the projections and sources it had to leave as they were. */
    public record Scaled(NetworkSpec spec, List<String> unscaled) { }

    private SpecScaling() {
    }

    /**
     * The project's g: the mean weight from inhibitory populations over the mean weight from excitatory
     * ones (projections between populations), or NaN when either has none or a weight has no nominal size
     * (Kaiming, file).
     */
    public static double baselineG(NetworkSpec spec) {
        double e = 0;
        double i = 0;
        int ne = 0;
        int ni = 0;
        for (ProjectionSpec p : spec.projections()) {
            PopulationSpec pre = spec.population(p.pre());
            if (pre == null || p.gapJunction()) {
                continue;
            }
            double w = nominal(p.weights());
            if ("excitatory".equals(pre.type())) {
                e += w;
                ne++;
            } else if ("inhibitory".equals(pre.type())) {
                i += w;
                ni++;
            }
        }
        if (ne == 0 || ni == 0 || !(e > 0) || Double.isNaN(i)) {
            return Double.NaN;
        }
        return (i / ni) / (e / ne);
    }

    /** True when the spec has a spike source whose rate the input knob scales. */
    public static boolean hasRateSources(NetworkSpec spec) {
        return spec.sources().stream().anyMatch(s -> "poisson".equals(s.kind()));
    }

    /**
     * The spec with the knobs applied. {@code baselineG}: the g the project has as it stands (see
     * {@link #baselineG}); NaN makes {@code knobs.g()} a plain factor on inhibitory weights.
     */
    public static Scaled apply(NetworkSpec spec, TeachingKnobs knobs, double baselineG) {
        double inhibitory = Double.isNaN(baselineG) ? knobs.g() : baselineG == 0 ? 1 : knobs.g() / baselineG;
        List<String> unscaled = new ArrayList<>();
        List<SourceSpec> sources = new ArrayList<>();
        for (SourceSpec s : spec.sources()) {
            sources.add(scaleRate(s, knobs.inputScale(), unscaled));
        }
        List<ProjectionSpec> projections = new ArrayList<>();
        for (ProjectionSpec p : spec.projections()) {
            if (p.gapJunction()) {
                projections.add(p);
                continue;
            }
            PopulationSpec pre = spec.population(p.pre());
            double factor = knobs.weightScale() * (pre != null && "inhibitory".equals(pre.type()) ? inhibitory : 1);
            ValueSpec w = scale(p.weights(), factor);
            if (w == null) {
                unscaled.add("projection '" + p.name() + "' (weights from a file)");
                w = p.weights();
            }
            projections.add(new ProjectionSpec(p.name(), p.pre(), p.post(), p.synapse(), p.synapseParameters(), p.output(),
                    p.reversal(), p.receptor(), p.target(), p.connectivity(), w, p.delays(), p.sign(), p.trainable(),
                    p.plasticity()));
        }
        return new Scaled(new NetworkSpec(spec.name(), spec.description(), spec.dt(), spec.duration(), spec.seed(),
                spec.populations(), sources, projections, spec.currents(), spec.monitors()), List.copyOf(unscaled));
    }

    private static SourceSpec scaleRate(SourceSpec s, double f, List<String> unscaled) {
        if (!"poisson".equals(s.kind())) {
            if (f != 1) {
                unscaled.add("source '" + s.name() + "' (" + s.kind() + ")");
            }
            return s;
        }
        List<List<Double>> schedule = null;
        if (s.schedule() != null) {
            schedule = new ArrayList<>();
            for (List<Double> row : s.schedule()) {
                schedule.add(row.size() < 2 ? row : List.of(row.get(0), row.get(1) * f));
            }
        }
        return new SourceSpec(s.name(), s.kind(), s.size(), s.rateHz() == null ? null : s.rateHz() * f, schedule, s.spikes());
    }

    /** The distribution of {@code f} times a value drawn from {@code v}, or null when it cannot be said. */
    static ValueSpec scale(ValueSpec v, double f) {
        if (v == null || f == 1) {
            return v;
        }
        return switch (v.kind()) {
            case "constant" -> ValueSpec.constant(v.value() * f);
            case "uniform" -> ValueSpec.uniform(v.low() * f, v.high() * f);
            case "normal" -> ValueSpec.normal(v.mean() * f, v.sd() * f);
            // ln(f·X) = ln f + ln X; f = 0 has no log-normal: a constant 0.
            case "lognormal" -> f == 0 ? ValueSpec.constant(0) : ValueSpec.lognormal(v.mu() + Math.log(f), v.sigma());
            // sd = sqrt(scale / fan_in) / 0.8796: f·sd needs f²·scale.
            case "kaiming" -> ValueSpec.kaiming(v.scale() * f * f);
            default -> null;
        };
    }

    /** The mean of a weight distribution, NaN when it has no nominal size without the connectivity (Kaiming, file). */
    static double nominal(ValueSpec v) {
        if (v == null) {
            return Double.NaN;
        }
        return switch (v.kind()) {
            case "constant" -> v.value();
            case "uniform" -> (v.low() + v.high()) / 2;
            case "normal" -> v.mean();
            case "lognormal" -> Math.exp(v.mu() + v.sigma() * v.sigma() / 2);
            default -> Double.NaN;
        };
    }
}
