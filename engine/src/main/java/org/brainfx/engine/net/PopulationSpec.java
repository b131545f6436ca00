package org.brainfx.engine.net;

import java.util.Map;

/**
 * A group of neurons of one model: its name, size, type ({@code excitatory}, {@code inhibitory} or
 * {@code other}: Dale's law takes a projection's sign from it), per-neuron parameter values and
 * initial states (in the model's declared units; absent ones keep the model's), optional positions,
 * and which state is the membrane potential (default {@code V}, else {@code v}, else the first state).
 */
public record PopulationSpec(String name, int size, String type, NeuronRef model, Map<String, ValueSpec> parameters,
                             Map<String, ValueSpec> initial, PositionSpec positions, String voltage) {
    /** Types accepted in {@link #type()}. */
    public static final java.util.List<String> TYPES = java.util.List.of("excitatory", "inhibitory", "other");

    /** Null maps become empty; a missing type is {@code other}. */
    public PopulationSpec {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        initial = initial == null ? Map.of() : Map.copyOf(initial);
        type = type == null ? "other" : type;
    }
}
