package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inspect figures of a small connectome worked out by hand. */
class ConnectomeSummaryTest {

    @Test
    void figuresOfATwoLayerGraph() {
        // chemical: a->b 2, b->a 1, a->c 3, c->c 1 (self-loop); electrical: b-c 5 both ways
        double[][] chemical = {{0, 2, 3}, {1, 0, 0}, {0, 0, 1}};
        double[][] electrical = {{0, 0, 0}, {0, 0, 5}, {0, 5, 0}};
        Map<String, List<String>> texts = new LinkedHashMap<>();
        texts.put(NodeAttributes.TYPE, java.util.Arrays.asList("E", "E", null));
        Connectome c = new Connectome("hand", "test", List.of("a", "b", "c"), NodeAttributes.of(3, texts, Map.of()),
                List.of(EdgeLayer.ofDense("chemical", false, chemical), EdgeLayer.ofDense("electrical", true,
                        electrical)), Map.of());
        ConnectomeSummary s = ConnectomeSummary.of(c);
        assertEquals(3, s.nodes());
        assertEquals(6, s.edges());
        assertEquals(17, s.weightSum());
        assertEquals(Map.of("chemical", 4L, "electrical", 2L), s.edgeTypes());
        assertEquals(Map.of("E", 2, "(none)", 1), s.nodeTypes());
        assertEquals(1, s.selfLoops());
        assertEquals(5.0 / (2 * 3 * 2), s.density(), 1e-15);
        assertEquals(4.0 / 5, s.reciprocity(), 1e-15, "a<->b twice, b<->c twice; a->c alone");
        assertEquals(new ConnectomeSummary.Degree(2, 2, 2), s.outDegree(), "a: b, c; b: a, c; c: c, b");
        assertEquals(new ConnectomeSummary.Degree(1, 3, 2), s.inDegree());
        assertEquals(3.0 / 6, s.layers().get(0).density(), 1e-15);
        assertEquals(2.0 / 3, s.layers().get(0).reciprocity(), 1e-15);
    }
}
