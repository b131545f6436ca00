package org.brainfx.app.network.connectome;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.brainfx.engine.data.connectome.NodeAttributes;

/**
 * The sign a population's synapses get unless the user says otherwise: from the neurotransmitter
 * its neurons make (the most common among them), else from words in its name, else from what the
 * literature says of a known connectome's cell types, else excitatory.
 */
public final class SignDefaults {

    /** Where a suggested sign comes from. */
    public enum Basis {
        /** The C. elegans GABAergic list. */
        CELEGANS_GABA,
        /** The larval Drosophila mushroom body's cell types K, P, O, I. */
        MUSHROOM_BODY,
        /** The neurotransmitter attribute of the population's neurons. */
        TRANSMITTER,
        /** A transmitter or role named in the population's name. */
        NAME,
        /** Nothing known: excitatory. */
        NONE
    }

    /**
     * A suggested sign: +1 excitatory, −1 inhibitory, 0 modulatory.
     *
     * @param detail the transmitter or name it was read from ("" when none)
     */
    public record Suggestion(double sign, Basis basis, String detail) { }

    /**
     * The larval mushroom body's types (Eichler et al. 2017, Nature 548:175–182; the graspologic labels):
     * Kenyon cells (K) and projection neurons (P) are cholinergic; output neurons (O) are of mixed
     * transmitter and taken as inhibitory, a choice (glutamate inhibits through GluClα in the fly);
     * input neurons (I) are dopaminergic or octopaminergic, modulatory. The drosophila-mushroom-body
     * sample's README gives the sources.
     */
    private static final Map<String, Double> MUSHROOM_BODY = Map.of("K", 1.0, "P", 1.0, "O", -1.0, "I", 0.0);

    private SignDefaults() {
    }

    /**
     * The suggested sign of each population.
     *
     * @param grouping    how the neurons were grouped
     * @param populations the populations
     * @param population  each node's population, in node order
     * @param attributes  the nodes' attributes (for the neurotransmitter)
     */
    public static Map<String, Suggestion> suggest(PopulationGrouping grouping, List<String> populations,
                                                  String[] population, NodeAttributes attributes) {
        Map<String, Suggestion> signs = new HashMap<>();
        boolean mushroomBody = grouping.kind() == PopulationGrouping.Kind.ATTRIBUTE
                && Set.copyOf(populations).equals(MUSHROOM_BODY.keySet());
        List<String> transmitters = attributes.text(NodeAttributes.NEUROTRANSMITTER);
        for (String p : populations) {
            Suggestion s;
            if (grouping.kind() == PopulationGrouping.Kind.CELEGANS_GABA) {
                s = PopulationGrouping.GABAERGIC.equals(p) ? new Suggestion(-1, Basis.CELEGANS_GABA, "GABA")
                        : new Suggestion(1, Basis.NONE, "");
            } else if (mushroomBody) {
                s = new Suggestion(MUSHROOM_BODY.get(p), Basis.MUSHROOM_BODY, p);
            } else {
                String transmitter = transmitters == null ? null : commonest(transmitters, population, p);
                Double fromTransmitter = transmitter == null ? null : signOf(transmitter);
                Double fromName = signOf(p);
                s = fromTransmitter != null ? new Suggestion(fromTransmitter, Basis.TRANSMITTER, transmitter)
                        : fromName != null ? new Suggestion(fromName, Basis.NAME, p)
                        : new Suggestion(1, Basis.NONE, "");
            }
            signs.put(p, s);
        }
        return signs;
    }

    /**
     * The sign a transmitter or a role word implies, or null for none known: GABA and glycine
     * inhibit; acetylcholine and glutamate excite (glutamate inhibits through GluCl channels in
     * invertebrates: change it where that holds); the monoamines and peptides modulate.
     */
    static Double signOf(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.contains("gaba") || t.contains("glycin") || t.equals("gly") || t.contains("inhib")) {
            return -1.0;
        }
        if (t.contains("dopamin") || t.contains("serotonin") || t.contains("5-ht") || t.equals("5ht")
                || t.contains("octopamin") || t.contains("tyramin") || t.contains("histamin") || t.contains("peptid")
                || t.contains("modulat") || t.equals("da") || t.equals("oa")) {
            return 0.0;
        }
        if (t.contains("acetylcholin") || t.contains("cholinergic") || t.equals("ach") || t.contains("glutamat")
                || t.equals("glu") || t.contains("excit")) {
            return 1.0;
        }
        return null;
    }

    private static String commonest(List<String> values, String[] population, String p) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (int i = 0; i < population.length; i++) {
            String v = values.get(i);
            if (population[i].equals(p) && v != null && !v.isBlank()) {
                int c = counts.merge(v.strip(), 1, Integer::sum);
                if (best == null || c > counts.get(best)) {
                    best = v.strip();
                }
            }
        }
        return best;
    }
}
