package org.brainfx.app.network.connectome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.NodeAttributes;

/**
 * One way to put a connectome's neurons into populations, as a {@code NeuronMapping} says it: by a
 * text node attribute ({@code attribute}), or by named lists with the rest in {@code otherGroup}.
 *
 * @param kind       {@link Kind#ATTRIBUTE}, {@link Kind#CELEGANS_GABA} or {@link Kind#ONE}
 * @param attribute  the node attribute for {@code ATTRIBUTE}, else null
 * @param groups     population → neuron names for list groupings (empty otherwise)
 * @param otherGroup the population of neurons in no list
 */
public record PopulationGrouping(Kind kind, String attribute, Map<String, List<String>> groups, String otherGroup) {

    /** What a grouping is based on. */
    public enum Kind { ATTRIBUTE, CELEGANS_GABA, ONE }

    /**
     * The 26 GABAergic neurons of the C. elegans hermaphrodite: McIntire, Jorgensen &amp; Horvitz (1993),
     * Nature 364:334–337, confirmed as the GABA-synthesising (unc-25/GAD) set by Gendrel, Atlas &amp;
     * Hobert (2016), eLife 5:e17686 (the list of the celegans-connectome sample).
     */
    public static final List<String> CELEGANS_GABAERGIC = List.of("DD1", "DD2", "DD3", "DD4", "DD5", "DD6", "VD1",
            "VD2", "VD3", "VD4", "VD5", "VD6", "VD7", "VD8", "VD9", "VD10", "VD11", "VD12", "VD13", "RMED", "RMEV",
            "RMEL", "RMER", "AVL", "DVB", "RIS");

    /** The C. elegans population of {@link #CELEGANS_GABAERGIC}. */
    public static final String GABAERGIC = "GABAergic";

    /** Copies the lists. */
    public PopulationGrouping {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /**
     * The groupings that fit {@code c}, the suggested one first: by cell type, by the other text
     * attributes, by the C. elegans GABAergic list when most of its neurons are nodes, and all in one
     * population.
     */
    public static List<PopulationGrouping> choices(Connectome c) {
        List<PopulationGrouping> choices = new ArrayList<>();
        List<String> names = new ArrayList<>(c.attributes().textNames());
        // The cell type makes the populations of a typed connectome; a transmitter or area comes next.
        names.sort((a, b) -> Boolean.compare(!a.equals(NodeAttributes.TYPE), !b.equals(NodeAttributes.TYPE)));
        for (String name : names) {
            choices.add(new PopulationGrouping(Kind.ATTRIBUTE, name, Map.of(), "other"));
        }
        Set<String> nodes = Set.copyOf(c.nodes());
        List<String> gaba = CELEGANS_GABAERGIC.stream().filter(nodes::contains).toList();
        if (gaba.size() * 2 > CELEGANS_GABAERGIC.size()) {
            choices.add(new PopulationGrouping(Kind.CELEGANS_GABA, null, Map.of(GABAERGIC, gaba), "other"));
        }
        choices.add(new PopulationGrouping(Kind.ONE, null, Map.of(), "neurons"));
        return choices;
    }
}
