package org.brainfx.engine.data.connectome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The wiring read from a connectome file: named nodes (neurons or areas), their attributes, and
 * one or more directed weighted {@linkplain EdgeLayer layers} (row = presynaptic) over the same
 * nodes. This is what a network builder consumes; it knows nothing of the file it came from
 * beyond {@code source} and {@code format}.
 *
 * @param source     the file read (for messages and summaries)
 * @param format     the file format: {@code edge-list}, {@code adjacency-matrix}, {@code npy}, {@code npz},
 *                   {@code mat-v5} or {@code mat-v7.3}
 * @param nodes      node names, unique, in index order
 * @param attributes per-node attributes, in the same order
 * @param layers     edge layers with distinct names, each over all nodes
 * @param rowTypes   how many rows of each type an edge list held as written (for example the Varshney
 *                   table's S, Sp, R, Rp, EJ and NMJ), including the types no layer uses; empty for other formats
 */
public record Connectome(String source, String format, List<String> nodes, NodeAttributes attributes,
                         List<EdgeLayer> layers, Map<String, Integer> rowTypes) {

    /** Copies the lists and checks that names are unique and every part has one entry per node. */
    public Connectome {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        nodes = List.copyOf(nodes);
        layers = List.copyOf(layers);
        rowTypes = Map.copyOf(rowTypes);
        attributes = attributes == null ? NodeAttributes.none(nodes.size()) : attributes;
        Set<String> seen = new HashSet<>();
        for (String node : nodes) {
            if (!seen.add(node)) {
                throw new IllegalArgumentException(source + ": node '" + node + "' is named twice");
            }
        }
        if (attributes.nodeCount() != nodes.size()) {
            throw new IllegalArgumentException(source + ": attributes for " + attributes.nodeCount() + " nodes, but "
                    + nodes.size() + " nodes");
        }
        Set<String> layerNames = new HashSet<>();
        for (EdgeLayer layer : layers) {
            if (layer.nodeCount() != nodes.size() || !layerNames.add(layer.name())) {
                throw new IllegalArgumentException(source + ": layer '" + layer.name() + "' is over "
                        + layer.nodeCount() + " nodes (the connectome has " + nodes.size() + ") or its name repeats");
            }
        }
    }

    /** Number of nodes. */
    public int nodeCount() {
        return nodes.size();
    }

    /** Index of the node named {@code name}, or -1. */
    public int indexOf(String name) {
        return nodes.indexOf(name);
    }

    /** A map from node name to index. */
    public Map<String, Integer> nodeIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        return index;
    }

    /** The layer named {@code name}, or null. */
    public EdgeLayer layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    /** Stored directed entries over all layers. */
    public long edgeCount() {
        long count = 0;
        for (EdgeLayer layer : layers) {
            count += layer.edgeCount();
        }
        return count;
    }

    /** This connectome with other attributes (same node order). */
    public Connectome withAttributes(NodeAttributes newAttributes) {
        return new Connectome(source, format, nodes, newAttributes, layers, rowTypes);
    }

    /** This connectome with one more layer over the same nodes (in this node order), e.g. a second file's matrix. */
    public Connectome withLayer(EdgeLayer layer) {
        List<EdgeLayer> more = new ArrayList<>(layers);
        more.add(layer);
        return new Connectome(source, format, nodes, attributes, more, rowTypes);
    }

    /**
     * The same connectome with its nodes in {@code order} (the same names, rearranged), so that
     * layers read from files that list the nodes differently can be put side by side.
     *
     * @throws IllegalArgumentException naming a node that is missing, unknown or repeated
     */
    public Connectome reordered(List<String> order) {
        Map<String, Integer> index = nodeIndex();
        int[] newIndex = new int[nodes.size()];
        Arrays.fill(newIndex, -1);
        if (order.size() != nodes.size()) {
            throw new IllegalArgumentException(source + ": " + order.size() + " names to order " + nodes.size()
                    + " nodes");
        }
        for (int i = 0; i < order.size(); i++) {
            Integer old = index.get(order.get(i));
            if (old == null || newIndex[old] >= 0) {
                throw new IllegalArgumentException(source + ": '" + order.get(i) + "' is "
                        + (old == null ? "not a node" : "named twice") + " in the new node order");
            }
            newIndex[old] = i;
        }
        List<EdgeLayer> moved = new ArrayList<>(layers.size());
        for (EdgeLayer layer : layers) {
            moved.add(layer.renumbered(newIndex));
        }
        return new Connectome(source, format, order, attributes.renumbered(newIndex), moved, rowTypes);
    }

    /** Whether {@code other} holds the same nodes, attributes and layers (the file it came from aside). */
    public boolean sameWiring(Connectome other) {
        return nodes.equals(other.nodes) && attributes.equals(other.attributes) && layers.equals(other.layers);
    }
}
