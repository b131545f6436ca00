package org.brainfx.app.network;

/**
 * What is selected in the network editor: a population or source (by name) or a projection (by its
 * index in the spec's list, since projections need not be named).
 */
public record Selection(Kind kind, String name, int index) {
    /** The kinds of things one can select. */
    public enum Kind { POPULATION, SOURCE, PROJECTION }

    /** The population or source called {@code name}. */
    public static Selection node(org.brainfx.engine.net.NetworkSpec spec, String name) {
        return new Selection(spec.population(name) != null ? Kind.POPULATION : Kind.SOURCE, name, -1);
    }

    /** The projection at {@code index}. */
    public static Selection projection(int index) {
        return new Selection(Kind.PROJECTION, null, index);
    }

    /** True for a population or source. */
    public boolean isNode() {
        return kind != Kind.PROJECTION;
    }

    /** True while the selected thing is in {@code spec}. */
    public boolean existsIn(org.brainfx.engine.net.NetworkSpec spec) {
        return switch (kind) {
            case POPULATION -> spec.population(name) != null;
            case SOURCE -> spec.source(name) != null;
            case PROJECTION -> index >= 0 && index < spec.projections().size();
        };
    }
}
