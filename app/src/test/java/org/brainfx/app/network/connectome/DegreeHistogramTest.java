package org.brainfx.app.network.connectome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeSummary;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.junit.jupiter.api.Test;

/** Degrees counted as {@code inspect} counts them, and their histograms. */
class DegreeHistogramTest {

    @Test
    void binsOfEqualWidthFromZeroHoldEveryNode() {
        DegreeHistogram h = DegreeHistogram.of(new int[] {0, 1, 1, 5, 9}, 5);
        assertEquals(2, h.binWidth(), "10 degrees (0..9) in 5 bins");
        assertArrayEquals(new int[] {3, 0, 1, 0, 1}, h.counts());
        assertEquals(9, h.max());
        assertEquals(5, h.total());
        assertEquals(3, h.peak());
        DegreeHistogram fine = DegreeHistogram.of(new int[] {0, 1, 1, 5, 9}, 40);
        assertEquals(1, fine.binWidth(), "one degree a bin when they fit");
        assertEquals(10, fine.counts().length);
        assertEquals(2, fine.counts()[1]);
        assertArrayEquals(new int[] {0}, DegreeHistogram.of(new int[0], 3).counts(), "no nodes: one empty bin");
        assertThrows(IllegalArgumentException.class, () -> DegreeHistogram.of(new int[] {-1}, 3));
    }

    @Test
    void degreesSumOverLayersAndAgreeWithTheInspectSummary() {
        double[][] chemical = {{0, 2, 1}, {0, 0, 4}, {0, 0, 0}};
        double[][] gap = {{0, 1, 0}, {1, 0, 0}, {0, 0, 0}};
        Connectome c = new Connectome("t", "npz", List.of("a", "b", "c"), null,
                List.of(EdgeLayer.ofDense("chemical", false, chemical), EdgeLayer.ofDense("gap", true, gap)), Map.of());
        NodeDegrees d = NodeDegrees.of(c);
        assertArrayEquals(new int[] {3, 2, 0}, d.out());
        assertArrayEquals(new int[] {1, 2, 2}, d.in());
        ConnectomeSummary s = ConnectomeSummary.of(c);
        assertEquals(s.outDegree().max(), Arrays.stream(d.out()).max().orElseThrow());
        assertEquals(s.inDegree().min(), Arrays.stream(d.in()).min().orElseThrow());
        assertEquals(s.outDegree().mean(), Arrays.stream(d.out()).average().orElseThrow(), 1e-15);
        ConnectomePreview p = ConnectomePreview.of(c, 1);
        assertArrayEquals(new int[] {1, 0, 1, 1}, p.out().counts());
        assertArrayEquals(new int[] {0, 1, 2}, p.in().counts());
    }
}
