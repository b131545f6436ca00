package org.brainfx.engine.net.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkBuilder;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.ValueSpec;
import org.junit.jupiter.api.Test;

/** A built network's wiring as a connectome: signed, summed where projections share a pair, cancelled pairs left out, gap junctions both ways. */
class NetworkConnectivityTest {
    @Test
    void projectionsOntoOnePairSumAndCancelAndGapJunctionsAreSymmetric() {
        ConnectivitySpec zeroToOne = ConnectivitySpec.explicit(List.of(0), List.of(1));
        NetworkSpec spec = NetworkBuilder.network("pairs")
                .population("A", 2, "other", "lif").add()
                .population("B", 2, "inhibitory", "lif").add()
                .projection("A", "B").name("a1").synapse("delta", Map.of()).connectivity(zeroToOne)
                .weights(ValueSpec.constant(1)).add()
                .projection("A", "B").name("a2").synapse("delta", Map.of()).connectivity(zeroToOne)
                .weights(ValueSpec.constant(2)).add()
                .projection("A", "A").name("plus").synapse("delta", Map.of()).connectivity(zeroToOne)
                .weights(ValueSpec.constant(0.5)).add()
                .projection("A", "A").name("minus").synapse("delta", Map.of()).connectivity(zeroToOne)
                .weights(ValueSpec.constant(0.5)).sign(-1).add()
                .projection("B", "A").name("inh").synapse("delta", Map.of()).connectivity(ConnectivitySpec.oneToOne())
                .weights(ValueSpec.constant(0.25)).add()
                .projection("A", "B").name("gap").synapse(ProjectionSpec.GAP_JUNCTION, Map.of())
                .connectivity(ConnectivitySpec.explicit(List.of(1), List.of(0))).weights(ValueSpec.constant(0.1)).add()
                .build();
        Network net = NetworkFactory.build(spec, null);
        Connectome c = NetworkConnectivity.of(net, null);
        assertEquals(List.of("A:0", "A:1", "B:0", "B:1"), c.nodes());
        EdgeLayer chemical = c.layer(NetworkConnectivity.CHEMICAL);
        assertEquals(3.0, chemical.weight(0, 3), "A0 -> B1 from two projections, summed");
        assertEquals(0.0, chemical.weight(0, 1), "+0.5 and -0.5 onto one pair cancel");
        assertEquals(-0.25, chemical.weight(2, 0), "inhibitory by Dale's law");
        assertEquals(-0.25, chemical.weight(3, 1));
        assertEquals(3, chemical.edgeCount());
        EdgeLayer gap = c.layer(NetworkConnectivity.ELECTRICAL);
        assertTrue(gap.symmetric());
        assertEquals(0.1, gap.weight(1, 2), 1e-7);
        assertEquals(gap.weight(1, 2), gap.weight(2, 1));
        assertEquals(2, gap.edgeCount());
    }
}
