package org.brainfx.engine.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;

/**
 * The standard network benchmarks of Brette et al. (2007), J Comput Neurosci 23:349–398, as Brian2
 * and BrainPy define them: COBA-LIF (benchmark 1, Vogels–Abbott), CUBA-LIF (benchmark 2) and COBA-HH
 * (benchmark 3). 80 % excitatory, dt 0.1 ms, 1 s. At 4 000 neurons every pair connects with p = 0.02
 * (no self-connections); bigger networks keep each neuron's inputs instead (fixed in-degree:
 * 0.02 × 3 200 = 64 excitatory and 16 inhibitory), so that rates stay those of the 4 000 network.
 */
public final class BenchmarkNetworks {
    /** The benchmark names. */
    public static final List<String> NAMES = List.of("coba", "cuba", "cobahh");
    private static final int REFERENCE_SIZE = 4000;
    private static final double P = 0.02;

    private BenchmarkNetworks() {
    }

    /** The named benchmark with {@code neurons} neurons. */
    public static NetworkSpec of(String name, int neurons, long seed) {
        return switch (name) {
            case "coba" -> coba(neurons, seed);
            case "cuba" -> cuba(neurons, seed);
            case "cobahh" -> cobaHh(neurons, seed);
            default -> throw new NetworkException("no benchmark network '" + name + "' (benchmarks: " + String.join(", ", NAMES) + ")");
        };
    }

    /** COBA-LIF: conductances of 6 nS (E, τ 5 ms, E 0 mV) and 67 nS (I, τ 10 ms, E −80 mV) over a 10 nS leak. */
    public static NetworkSpec coba(int neurons, long seed) {
        ModelSpec model = model("coba_lif");
        NetworkBuilder b = twoPopulations("coba-lif", neurons, seed, model, ValueSpec.normal(-55, 5), Map.of());
        connect(b, "E", neurons, p -> p.conductance(0).synapse("exp", Map.of("tau", 5.0)).weights(ValueSpec.constant(0.6)));
        connect(b, "I", neurons, p -> p.conductance(-80).synapse("exp", Map.of("tau", 10.0)).weights(ValueSpec.constant(6.7)));
        return b.build();
    }

    /** CUBA-LIF: current-based exponential synapses of 1.62 mV (E, τ 5 ms) and −9 mV (I, τ 10 ms). */
    public static NetworkSpec cuba(int neurons, long seed) {
        ModelSpec model = model("cuba_lif");
        NetworkBuilder b = twoPopulations("cuba-lif", neurons, seed, model, ValueSpec.uniform(-60, -50), Map.of());
        connect(b, "E", neurons, p -> p.synapse("exp", Map.of("tau", 5.0)).weights(ValueSpec.constant(1.62)));
        connect(b, "I", neurons, p -> p.synapse("exp", Map.of("tau", 10.0)).weights(ValueSpec.constant(9.0)));
        return b.build();
    }

    /** COBA-HH: Traub–Miles neurons with conductances of 6 nS (E) and 67 nS (I), initial conductances drawn as Brian2's example does. */
    public static NetworkSpec cobaHh(int neurons, long seed) {
        ModelSpec model = model("coba_hh");
        Map<String, ValueSpec> initial = Map.of("g_e", ValueSpec.normal(0.04, 0.015), "g_i", ValueSpec.normal(0.2, 0.12));
        NetworkBuilder b = twoPopulations("coba-hh", neurons, seed, model, ValueSpec.normal(-65, 5), initial);
        connect(b, "E", neurons, p -> p.conductance(0).synapse("exp", Map.of("tau", 5.0)).weights(ValueSpec.constant(0.006)));
        connect(b, "I", neurons, p -> p.conductance(-80).synapse("exp", Map.of("tau", 10.0)).weights(ValueSpec.constant(0.067)));
        return b.build();
    }

    private static NetworkBuilder twoPopulations(String name, int neurons, long seed, ModelSpec model, ValueSpec v0,
                                                 Map<String, ValueSpec> initial) {
        if (neurons < 5) {
            throw new NetworkException("benchmark '" + name + "': " + neurons + " neurons; use at least 5 (80 % E, 20 % I)");
        }
        int e = neurons * 4 / 5;
        NetworkBuilder b = NetworkBuilder.network(name).description("Brette et al. (2007) benchmark, " + neurons + " neurons")
                .dt(0.1).duration(1000).seed(seed);
        NetworkBuilder.PopulationBuilder pe = b.population("E", e, "excitatory", model).initial("v", v0);
        NetworkBuilder.PopulationBuilder pi = b.population("I", neurons - e, "inhibitory", model).initial("v", v0);
        initial.forEach((k, v) -> {
            pe.initial(k, v);
            pi.initial(k, v);
        });
        pe.add();
        pi.add();
        b.monitor(MonitorSpec.spikes()).monitor(MonitorSpec.rates(1.0));
        return b;
    }

    private static void connect(NetworkBuilder b, String pre, int neurons, java.util.function.UnaryOperator<NetworkBuilder.ProjectionBuilder> kind) {
        int e = neurons * 4 / 5;
        int referenceE = REFERENCE_SIZE * 4 / 5;
        for (String post : List.of("E", "I")) {
            ConnectivitySpec rule;
            if (neurons == REFERENCE_SIZE) {
                rule = ConnectivitySpec.fixedProbability(P);
            } else {
                int preSize = pre.equals("E") ? e : neurons - e;
                int degree = (int) Math.round(P * (pre.equals("E") ? referenceE : REFERENCE_SIZE - referenceE));
                rule = ConnectivitySpec.fixedInDegree(Math.min(degree, preSize - (pre.equals(post) ? 1 : 0)));
            }
            kind.apply(b.projection(pre, post).name(pre + "->" + post).connectivity(rule)).add();
        }
    }

    /** A benchmark neuron model shipped with the engine ({@code net/models/NAME.model}). */
    public static ModelSpec model(String name) {
        String resource = "models/" + name + ".model";
        try (InputStream in = BenchmarkNetworks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("benchmark model resource " + resource + " is missing from the engine jar");
            }
            return ModelText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark model resource " + resource, e);
        }
    }
}
