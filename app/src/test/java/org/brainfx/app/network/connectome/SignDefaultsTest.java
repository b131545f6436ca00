package org.brainfx.app.network.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.NodeAttributes;
import org.junit.jupiter.api.Test;

/** The signs suggested for populations, and the groupings offered. */
class SignDefaultsTest {

    @Test
    void transmitterOfMostNeuronsDecidesThenTheNameThenExcitatory() {
        String[] population = {"PN", "PN", "LN", "LN", "LN", "DAN", "X"};
        NodeAttributes attributes = NodeAttributes.of(7, Map.of(NodeAttributes.NEUROTRANSMITTER,
                Arrays.asList("ACh", "ACh", "GABA", "GABA", "Glu", null, null)), Map.of());
        PopulationGrouping byType = new PopulationGrouping(PopulationGrouping.Kind.ATTRIBUTE, "type", Map.of(), "other");
        Map<String, SignDefaults.Suggestion> s = SignDefaults.suggest(byType, List.of("PN", "LN", "DAN", "X"), population,
                attributes);
        assertEquals(new SignDefaults.Suggestion(1, SignDefaults.Basis.TRANSMITTER, "ACh"), s.get("PN"));
        assertEquals(new SignDefaults.Suggestion(-1, SignDefaults.Basis.TRANSMITTER, "GABA"), s.get("LN"),
                "two of three LNs are GABAergic");
        assertEquals(SignDefaults.Basis.NONE, s.get("DAN").basis(), "'DAN' is no transmitter word");
        assertEquals(1, s.get("X").sign());
        assertEquals(0.0, SignDefaults.signOf("dopaminergic"));
        assertEquals(-1.0, SignDefaults.signOf(" Glycine "));
        assertEquals(1.0, SignDefaults.signOf("glutamate"));
        assertNull(SignDefaults.signOf("Kenyon cell"));
    }

    @Test
    void mushroomBodyTypesTakeTheLiteratureSigns() {
        String[] population = {"K", "P", "O", "I"};
        PopulationGrouping byType = new PopulationGrouping(PopulationGrouping.Kind.ATTRIBUTE, "type", Map.of(), "other");
        Map<String, SignDefaults.Suggestion> s = SignDefaults.suggest(byType, List.of("K", "P", "O", "I"), population,
                NodeAttributes.none(4));
        assertEquals(List.of(1.0, 1.0, -1.0, 0.0), List.of(s.get("K").sign(), s.get("P").sign(), s.get("O").sign(),
                s.get("I").sign()));
        assertEquals(SignDefaults.Basis.MUSHROOM_BODY, s.get("O").basis());
    }

    @Test
    void celegansNodesOfferTheGabaergicListFirstWithoutTypes() {
        List<String> nodes = new ArrayList<>(PopulationGrouping.CELEGANS_GABAERGIC);
        nodes.addAll(List.of("AVAL", "AVAR", "ASHL"));
        Connectome c = new Connectome("worm", "edge-list", nodes, null, List.of(), Map.of());
        List<PopulationGrouping> choices = PopulationGrouping.choices(c);
        assertEquals(List.of(PopulationGrouping.Kind.CELEGANS_GABA, PopulationGrouping.Kind.ONE),
                choices.stream().map(PopulationGrouping::kind).toList());
        assertEquals(26, choices.get(0).groups().get(PopulationGrouping.GABAERGIC).size());
        String[] population = new String[nodes.size()];
        Arrays.fill(population, "other");
        Arrays.fill(population, 0, 26, PopulationGrouping.GABAERGIC);
        Map<String, SignDefaults.Suggestion> s = SignDefaults.suggest(choices.get(0),
                List.of(PopulationGrouping.GABAERGIC, "other"), population, c.attributes());
        assertEquals(-1, s.get(PopulationGrouping.GABAERGIC).sign());
        assertEquals(1, s.get("other").sign());
        Connectome typed = c.withAttributes(NodeAttributes.of(nodes.size(), Map.of("area", nodes, "type", nodes), Map.of()));
        assertEquals(List.of("type", "area"), PopulationGrouping.choices(typed).stream().limit(2)
                .map(PopulationGrouping::attribute).toList(), "the cell type first, then other attributes");
    }
}
