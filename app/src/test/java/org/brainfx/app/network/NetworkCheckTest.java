package org.brainfx.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.NeuronRef;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live check finds every broken element (not only the builder's first) and names it. */
class NetworkCheckTest {

    @TempDir
    Path dir;

    private static NetworkSpec ei() {
        NetworkSpec s = new NetworkSpec("t", null, null, 100.0, null, null, null, null, null, null);
        s = NetworkEdits.addPopulation(NetworkEdits.addPopulation(NetworkEdits.addPoissonInput(s, "in"), "E"), "I");
        return NetworkEdits.connect(NetworkEdits.connect(NetworkEdits.connect(s, "in", "E"), "E", "I"), "I", "E");
    }

    @Test
    void aBuildableNetworkHasNoProblemsAndItsModelsAreRead() {
        NetworkCheck.Result r = NetworkCheck.run(ei(), dir);
        assertTrue(r.ok(), r.toString());
        assertTrue(r.models().get("E").parameters().stream().anyMatch(p -> p.name().equals("tau")), r.models().toString());
        assertTrue(r.synapses().containsKey("exp"));
    }

    @Test
    void unknownModelZeroSizeAndAnImpossibleRuleAreEachShownOnTheirElement() {
        NetworkSpec s = NetworkEdits.population(ei(), "E", p -> new PopulationSpec(p.name(), p.size(), p.type(),
                NeuronRef.builtin("lfi"), null, null, null, null));
        s = NetworkEdits.source(s, "in", src -> new org.brainfx.engine.net.SourceSpec(src.name(), src.kind(), 0, src.rateHz(),
                null, null));
        s = NetworkEdits.connect(s, "I", "I");
        int last = s.projections().size() - 1;
        s = NetworkEdits.projection(s, last, p -> new ProjectionSpec(p.name(), p.pre(), p.post(), p.synapse(), null, p.output(),
                null, null, null, ConnectivitySpec.fixedInDegree(500), p.weights(), null, null, null, null));
        NetworkCheck.Result r = NetworkCheck.run(s, dir);
        assertTrue(r.nodes().get("E").contains("lfi"), r.toString());
        assertTrue(r.nodes().get("in").contains("size 0"), r.toString());
        assertTrue(r.projections().containsKey(last), r.toString());
        assertTrue(r.projections().get(last).contains("I->I"), r.toString());
        assertEquals(3, r.count(), "the projections touching a broken node are not blamed: " + r);
    }

    @Test
    void aConflictOnlyTheWholeNetworkShowsLandsOnTheProjectionItNames() {
        NetworkSpec s = ei();
        // Two projections into E from inhibitory I would share receptor "i": make them disagree.
        s = NetworkEdits.connect(s, "I", "E");
        int last = s.projections().size() - 1;
        s = NetworkEdits.projection(s, last, p -> new ProjectionSpec(p.name(), p.pre(), p.post(), "alpha", null, p.output(),
                null, null, null, p.connectivity(), p.weights(), null, null, null, null));
        NetworkCheck.Result r = NetworkCheck.run(s, dir);
        assertEquals("", r.network(), r.toString());
        assertEquals(1, r.projections().size(), r.toString());
        assertTrue(r.projections().values().iterator().next().contains("receptor"), r.toString());
    }

    @Test
    void theSamplesBuild() {
        for (String sample : java.util.List.of("ei-network", "coba-benchmark", "celegans-connectome")) {
            Path file = Path.of("..", "sample-projects", sample);
            NetworkCheck.Result r = NetworkCheck.run(NetworkProjectFiles.read(file).network(), NetworkProjectFiles.baseDir(file));
            assertTrue(r.ok(), sample + ": " + r);
        }
    }
}
