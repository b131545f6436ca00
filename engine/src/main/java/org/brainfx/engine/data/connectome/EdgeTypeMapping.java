package org.brainfx.engine.data.connectome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which row types of a typed edge list go into which layer, e.g. the Varshney table's
 * {@code chemical=S+Sp,electrical=EJ:symmetric}: chemical synapses from the sender's rows (S and
 * Sp; the R and Rp rows repeat them from the receiver's side), gap junctions from EJ rows as one
 * undirected connection per pair. Types that no layer names are skipped (and counted).
 *
 * @param layers the layers in order; a type belongs to at most one
 */
public record EdgeTypeMapping(List<Layer> layers) {

    /** The Varshney et al. 2011 table's mapping: chemical = S + Sp, electrical = EJ (undirected). */
    public static final EdgeTypeMapping VARSHNEY = parse("chemical=S+Sp,electrical=EJ:symmetric");

    /** The row types of the Varshney table (WormAtlas NeuronConnect). */
    public static final Set<String> VARSHNEY_TYPES = Set.of("S", "Sp", "R", "Rp", "EJ", "NMJ");

    /**
     * One layer and the row types it takes.
     *
     * @param symmetric the rows are undirected connections (gap junctions), possibly listed in both directions
     */
    public record Layer(String name, List<String> types, boolean symmetric) {
        /** Copies the types, each once, in order. */
        public Layer {
            types = List.copyOf(new LinkedHashSet<>(types));
        }

        // equals and hashCode written out, here and in the mapping: a record's generated ones are linked through
        // invokedynamic on first use, which cost a command's first read of an edge list ~10 ms.
        @Override
        public boolean equals(Object other) {
            return other instanceof Layer l && name.equals(l.name) && types.equals(l.types) && symmetric == l.symmetric;
        }

        @Override
        public int hashCode() {
            return (name.hashCode() * 31 + types.hashCode()) * 31 + Boolean.hashCode(symmetric);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EdgeTypeMapping m && layers.equals(m.layers);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }

    /** Copies the layers and checks that names and types are not used twice. */
    public EdgeTypeMapping {
        layers = List.copyOf(layers);
        Set<String> names = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        for (Layer layer : layers) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("edge type mapping: layer '" + layer.name() + "' is named twice");
            }
            for (String type : layer.types()) {
                if (!types.add(type)) {
                    throw new IllegalArgumentException("edge type mapping: type '" + type
                            + "' is given to two layers; a row goes into one layer");
                }
            }
        }
    }

    /**
     * Parses {@code layer=TYPE+TYPE[:symmetric],…}, e.g. {@code chemical=S+Sp,electrical=EJ:symmetric}.
     *
     * @throws IllegalArgumentException naming the part that does not parse and the expected form
     */
    public static EdgeTypeMapping parse(String text) {
        List<Layer> layers = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("edge type mapping '" + text + "': '" + p + "' is not LAYER=TYPE+TYPE"
                        + " (for example chemical=S+Sp,electrical=EJ:symmetric)");
            }
            String name = p.substring(0, eq).strip();
            String rest = p.substring(eq + 1).strip();
            boolean symmetric = false;
            int colon = rest.lastIndexOf(':');
            if (colon >= 0) {
                String flag = rest.substring(colon + 1).strip();
                if (!flag.equals("symmetric")) {
                    throw new IllegalArgumentException("edge type mapping '" + text + "': unknown flag ':" + flag
                            + "' (the only flag is :symmetric, for undirected connections such as gap junctions)");
                }
                symmetric = true;
                rest = rest.substring(0, colon);
            }
            Set<String> types = new LinkedHashSet<>();
            for (String type : rest.split("\\+", -1)) {
                if (type.isBlank()) {
                    throw new IllegalArgumentException("edge type mapping '" + text + "': layer '" + name
                            + "' has an empty type");
                }
                types.add(type.strip());
            }
            layers.add(new Layer(name, new ArrayList<>(types), symmetric));
        }
        return new EdgeTypeMapping(layers);
    }

    /**
     * The mapping a typed edge list gets when none is given: {@link #VARSHNEY} when every type is one
     * of the Varshney table's, else {@linkplain #identity each type its own layer}.
     */
    public static EdgeTypeMapping auto(Collection<String> types) {
        return VARSHNEY_TYPES.containsAll(types) ? VARSHNEY : identity(types);
    }

    /** Each type its own directed layer, named as the type. */
    public static EdgeTypeMapping identity(Iterable<String> types) {
        List<Layer> layers = new ArrayList<>();
        for (String type : types) {
            layers.add(new Layer(type, List.of(type), false));
        }
        return new EdgeTypeMapping(layers);
    }

    /** Index of the layer that takes {@code type}, or -1 if none does. */
    public int layerOf(String type) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).types().contains(type)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Layer layer : layers) {
            parts.add(layer.name() + "=" + String.join("+", layer.types()) + (layer.symmetric() ? ":symmetric" : ""));
        }
        return String.join(",", parts);
    }
}
