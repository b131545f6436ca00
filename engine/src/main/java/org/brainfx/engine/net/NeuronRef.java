package org.brainfx.engine.net;

import org.brainfx.engine.model.ModelSpec;

/** A population's neuron model: exactly one of a built-in name, a {@code .model} file (relative to the project) or an inline spec. */
public record NeuronRef(String builtin, String file, ModelSpec spec) {
    /** A built-in model. */
    public static NeuronRef builtin(String name) {
        return new NeuronRef(name, null, null);
    }

    /** An inline model. */
    public static NeuronRef of(ModelSpec spec) {
        return new NeuronRef(null, null, spec);
    }
}
