package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad network input is refused with a message that names the element, the field and the fix. */
class NetworkBadInputTest {
    @TempDir
    Path dir;

    /** A valid two-population network whose one projection the tests spoil. */
    private static NetworkBuilder base(UnaryOperator<NetworkBuilder.ProjectionBuilder> projection) {
        NetworkBuilder b = NetworkBuilder.network("bad").dt(0.1).duration(10)
                .population("E", 8, "excitatory", "lif").add()
                .population("I", 2, "inhibitory", "lif").add();
        return projection.apply(b.projection("E", "I").connectivity(ConnectivitySpec.fixedProbability(0.5))
                .weights(ValueSpec.constant(0.1))).add();
    }

    private void refused(NetworkSpec spec, String... expected) {
        NetworkException e = assertThrows(NetworkException.class, () -> NetworkFactory.build(spec, dir));
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void theBaseNetworkBuilds() {
        assertTrue(NetworkFactory.build(base(p -> p).build(), dir).synapseCount() > 0);
    }

    @Test
    void unknownPopulationsAndModels() {
        refused(NetworkBuilder.network("x").population("E", 4, "excitatory", "lif").add()
                .projection("E", "X").connectivity(ConnectivitySpec.oneToOne()).weights(ValueSpec.constant(1)).add().build(),
                "projection 'E->X'", "unknown post population 'X'", "populations: E");
        refused(NetworkBuilder.network("x").population("E", 4, "excitatory", "lif").add()
                .projection("Y", "E").connectivity(ConnectivitySpec.oneToOne()).weights(ValueSpec.constant(1)).add().build(),
                "unknown presynaptic population or source 'Y'");
        refused(NetworkBuilder.network("x").population("E", 4, "excitatory", "lifx").add().build(),
                "population 'E'", "no built-in model 'lifx'", "lif, gif");
        refused(new NetworkSpec("x", null, null, null, null, List.of(new PopulationSpec("E", 4, "excitatory",
                new NeuronRef(null, "missing.model", null), null, null, null, null)), null, null, null, null),
                "model file", "missing.model", "does not exist");
    }

    @Test
    void sizesTypesAndParameters() {
        refused(NetworkBuilder.network("x").population("E", 0, "excitatory", "lif").add().build(),
                "population 'E': size 0", "at least 1 neuron");
        refused(NetworkBuilder.network("x").population("E", 4, "exciting", "lif").add().build(), "type 'exciting'");
        refused(NetworkBuilder.network("x").population("E", 4, "excitatory", "lif").parameter("taux", ValueSpec.constant(1)).add()
                .build(), "population 'E', parameters", "no parameter 'taux'");
        refused(NetworkBuilder.network("x").population("E", 4, "excitatory", "lif").initial("W", ValueSpec.constant(1)).add()
                .build(), "no state 'W'");
        refused(NetworkBuilder.network("x").dt(0).population("E", 4, "excitatory", "lif").add().build(), "dt = 0.0");
    }

    @Test
    void connectivityWeightsAndDelays() {
        refused(base(p -> p.connectivity(ConnectivitySpec.fixedProbability(1.5))).build(), "projection 'E->I'", "1.5");
        refused(base(p -> p.connectivity(ConnectivitySpec.explicit(List.of(0, 1), List.of(0)))).build(), "projection 'E->I'");
        refused(base(p -> p.weights(ValueSpec.constant(-0.1))).build(), "projection 'E->I'", "magnitudes");
        refused(base(p -> p.weights(ValueSpec.constant(Double.NaN))).build(), "projection 'E->I'");
        refused(base(p -> p.delays(ValueSpec.constant(0.01))).build(), "projection 'E->I'", "dt");
        refused(base(p -> p.connectivity(null)).build(), "has no 'connectivity'");
        refused(base(p -> p.weights(null)).build(), "has no 'weights'");
    }

    @Test
    void synapsesOutputsAndSigns() throws IOException {
        refused(base(p -> p.synapse("ampa", Map.of())).build(), "projection 'E->I'", "no built-in synapse 'ampa'");
        refused(base(p -> p.synapse("exp", Map.of("tau_x", 1.0))).build(), "synapse 'exp' has no parameter 'tau_x'");
        Path bad = dir.resolve("bad.synapse");
        Files.writeString(bad, "synapse bad\nstate g = 0\nparam tau = 5 ms\ndg/dt = -g\non_pre g += w\noutput g\n");
        refused(base(p -> p.synapse("bad.synapse", Map.of())).build(), "projection 'E->I'", "synapse 'bad.synapse'", "dg/dt",
                "line 4");
        refused(base(p -> p.conductance(0).synapse("exp", Map.of())).projection("E", "I").name("second")
                .connectivity(ConnectivitySpec.oneToOne()).weights(ValueSpec.constant(1)).synapse("alpha", Map.of()).add().build(),
                "both feed receptor 'e'");
        refused(base(p -> p.sign(-1)).build(), "contradicts Dale's law");
        refused(base(p -> p.plasticity(PlasticitySpec.tsodyksMarkram(1.5, 100, 100))).build(), "plasticity", "(0, 1]");
        refused(base(p -> p.plasticity(new PlasticitySpec("stdp", 0.5, 1.0, 1.0))).build(), "kind 'stdp'");
        NetworkSpec noReversal = base(p -> p).build();
        ProjectionSpec pr = noReversal.projections().get(0);
        refused(new NetworkSpec("x", null, null, null, null, noReversal.populations(), null, List.of(new ProjectionSpec(pr.name(),
                pr.pre(), pr.post(), "exp", null, "conductance", null, null, null, pr.connectivity(), pr.weights(), null, null, null, null)),
                null, null), "needs 'reversal'");
    }

    @Test
    void aPopulationWithoutSpikesCannotSendSpikes() {
        org.brainfx.engine.model.ModelSpec passive = org.brainfx.engine.model.ModelText.parse(String.join("\n", "model passive",
                "state V = 0 mV", "param tau = 10 ms fixed", "input I : mV", "dV/dt = (I - V)/tau"));
        refused(NetworkBuilder.network("x").population("P", 3, "other", passive).add().population("Q", 3, "other", passive).add()
                .projection("P", "Q").connectivity(ConnectivitySpec.oneToOne()).weights(ValueSpec.constant(1)).add().build(),
                "projection 'P->Q'", "has no spike condition");
    }

    @Test
    void sourcesCurrentsAndMonitors() {
        refused(base(p -> p).source(new SourceSpec("S", "poisson", 10, -1.0, null, null)).build(), "source 'S'", "rateHz = -1.0");
        refused(base(p -> p).source(new SourceSpec("S", "burst", 10, 1.0, null, null)).build(), "kind 'burst'");
        refused(base(p -> p).current(new CurrentSpec("X", null, "step", 1.0, 0.0, 1.0, null, null, null, null)).build(),
                "unknown population 'X'");
        refused(base(p -> p).current(new CurrentSpec("E", "J", "step", 1.0, 0.0, 1.0, null, null, null, null)).build(),
                "has no input 'J'");
        refused(base(p -> p).current(new CurrentSpec("E", null, "ou", null, null, null, 0.0, 1.0, 0.0, null)).build(), "tau > 0");
        refused(base(p -> p).monitor(MonitorSpec.states("E", List.of("Q"), List.of(0))).build(), "no state 'Q'");
        refused(base(p -> p).monitor(MonitorSpec.states("E", List.of("V"), List.of(99))).build(), "neuron 99 is outside 0..7");
    }
}
