package org.brainfx.app.network.connectome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.junit.jupiter.api.Test;

/** The adjacency picture: nodes sorted by population, a pixel per node or per block, population boundaries. */
class AdjacencyHeatmapTest {
    private static final int WHITE = 0xFFFFFFFF;

    @Test
    void orderIsByPopulationInTheGivenOrderAndStableWithinOne() {
        String[] population = {"E", "I", "E", "M", "I", "E"};
        assertArrayEquals(new int[] {1, 4, 0, 2, 5, 3}, AdjacencyHeatmap.order(population, List.of("I", "E", "M")));
        assertArrayEquals(new int[] {0, 2, 5, 1, 4, 3}, AdjacencyHeatmap.order(population, List.of("E", "I", "M")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdjacencyHeatmap.order(population, List.of("E", "I")));
        assertEquals("node 3 is in population 'M', which is not one of [E, I]", e.getMessage());
    }

    @Test
    void eachEdgeLandsOnItsSortedRowAndColumnAndStrongerIsDarker() {
        // nodes a (I), b (E), c (I), d (E); sorted I, E: a c b d
        double[][] w = new double[4][4];
        w[0][1] = 1;   // a -> b : sorted (0, 2)
        w[3][2] = 20;  // d -> c : sorted (3, 1)
        Connectome c = connectome(w);
        AdjacencyHeatmap h = AdjacencyHeatmap.of(c, new String[] {"I", "E", "I", "E"}, List.of("I", "E"), 100);
        assertEquals(4, h.size(), "one pixel per node when they fit");
        assertArrayEquals(new int[] {0, 2, 1, 3}, h.order());
        assertEquals(List.of("I", "E"), h.populations());
        assertArrayEquals(new int[] {0, 2}, h.starts());
        int weak = h.argb()[0 * 4 + 2];
        int strong = h.argb()[3 * 4 + 1];
        assertNotEquals(WHITE, weak);
        assertEquals(AdjacencyHeatmap.colour(1.0), strong, "the largest weight gets the darkest colour");
        assertEquals(AdjacencyHeatmap.colour(Math.log1p(1) / Math.log1p(20)), weak);
        assertEquals(WHITE, h.argb()[0], "no connection is white");
        assertEquals(AdjacencyHeatmap.BOUNDARY, h.argb()[2 * 4 + 0], "row 2 starts the second population");
        assertEquals(AdjacencyHeatmap.BOUNDARY, h.argb()[3 * 4 + 2], "so does column 2, drawn over the empty cell");
    }

    @Test
    void moreNodesThanPixelsSumBlocksOfNodes() {
        double[][] w = new double[6][6];
        w[0][1] = 2;
        w[1][0] = 3;   // both in block (0, 0) when 6 nodes share 3 pixels
        w[5][4] = 1;   // block (2, 2)
        AdjacencyHeatmap h = AdjacencyHeatmap.of(connectome(w), new String[] {"A", "A", "A", "A", "A", "A"}, List.of("A"),
                3);
        assertEquals(3, h.size());
        assertEquals(AdjacencyHeatmap.colour(1.0), h.argb()[0], "2 + 3 summed is the largest block");
        assertEquals(AdjacencyHeatmap.colour(Math.log1p(1) / Math.log1p(5)), h.argb()[8]);
        assertEquals(WHITE, h.argb()[4]);
    }

    private static Connectome connectome(double[][] w) {
        List<String> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            nodes.add("n" + i);
        }
        return new Connectome("test", "npy", nodes, null, List.of(EdgeLayer.ofDense("weight", false, w)), Map.of());
    }
}
