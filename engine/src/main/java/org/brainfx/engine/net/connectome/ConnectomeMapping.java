package org.brainfx.engine.net.connectome;

/**
 * How a connectome becomes a network, saved in a network project beside the network it generates
 * (the project's {@code connectome}): {@code mode} {@code neurons} (each node a neuron, {@link NeuronMapping})
 * or {@code areas} (each node a cortical area of E and I neurons, {@link AreaMapping}).
 */
public record ConnectomeMapping(String mode, NeuronMapping neurons, AreaMapping areas) {
    /** The mode of a node-per-neuron mapping. */
    public static final String NEURONS = "neurons";
    /** The mode of a node-per-area mapping. */
    public static final String AREAS = "areas";

    /** A node-per-neuron mapping. */
    public static ConnectomeMapping of(NeuronMapping neurons) {
        return new ConnectomeMapping(NEURONS, neurons, null);
    }

    /** A node-per-area mapping. */
    public static ConnectomeMapping of(AreaMapping areas) {
        return new ConnectomeMapping(AREAS, null, areas);
    }
}
