package org.brainfx.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkSpec;
import org.junit.jupiter.api.Test;

/** Auto-layout: inputs left of what they drive, no two boxes on top of each other, given positions kept. */
class AutoLayoutTest {

    private static void noOverlaps(NetworkLayout layout) {
        List<NodePosition> all = List.copyOf(layout.positions().values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                NodePosition a = all.get(i);
                NodePosition b = all.get(j);
                assertTrue(Math.abs(a.x() - b.x()) >= NetworkCanvas.NODE_WIDTH || Math.abs(a.y() - b.y()) >= NetworkCanvas.NODE_HEIGHT,
                        a + " overlaps " + b);
            }
        }
    }

    @Test
    void theSamplesAreLaidOutWithoutOverlapsAndInputsFirst() {
        for (String sample : List.of("ei-network", "brunel-balanced", "celegans-connectome", "drosophila-mushroom-body",
                "macaque-multiarea/macaque-strong-gba.brainfx.json")) {
            NetworkSpec spec = NetworkProjectFiles.read(Path.of("..", "sample-projects", sample)).network();
            NetworkLayout layout = AutoLayout.of(spec);
            assertEquals(spec.populations().size() + spec.sources().size(), layout.positions().size(), sample);
            noOverlaps(layout);
            for (var p : spec.projections()) {
                if (spec.source(p.pre()) != null) {
                    assertTrue(layout.of(p.pre()).x() < layout.of(p.post()).x(), sample + ": " + p.pre() + " left of " + p.post());
                }
            }
        }
    }

    @Test
    void completingKeepsWhatWasPlacedAndPlacesTheRestApart() {
        NetworkSpec spec = NetworkEdits.addPopulation(NetworkEdits.addPopulation(
                new NetworkSpec("t", null, null, null, null, null, null, null, null, null), "A"), "B");
        NodePosition whereBWouldGo = AutoLayout.of(spec).of("B");
        NetworkLayout given = new NetworkLayout(java.util.Map.of("A", whereBWouldGo, "gone", new NodePosition(1, 1)));
        NetworkLayout done = AutoLayout.complete(spec, given);
        assertEquals(whereBWouldGo, done.of("A"), "a placed node stays");
        assertEquals(null, done.of("gone"), "names not in the spec are dropped");
        noOverlaps(done);
    }
}
