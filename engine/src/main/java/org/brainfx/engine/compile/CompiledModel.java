package org.brainfx.engine.compile;

import java.util.List;
import org.brainfx.engine.model.CheckedModel;

/**
 * A model ready to simulate and differentiate: its checked form, the generated kernel and
 * the generated source (for inspection), and what compiling cost.
 *
 * @param forwardNodes  graph nodes computed per lane-step by the forward kernel
 * @param backwardNodes graph nodes computed per lane-step by the reverse kernel
 */
public record CompiledModel(CheckedModel checked, StepKernel kernel, String source, double compileMillis,
                            int forwardNodes, int backwardNodes) {

    /** The model's name. */
    public String name() {
        return checked.spec().name();
    }

    /** Number of state variables. */
    public int stateCount() {
        return checked.states().size();
    }

    /** Number of parameters (trainable and fixed). */
    public int parameterCount() {
        return checked.parameters().size();
    }

    /** Number of inputs. */
    public int inputCount() {
        return checked.inputs().size();
    }

    /** True when the model has a spike condition. */
    public boolean hasSpike() {
        return checked.spikeArgument() != null;
    }

    /** State names in kernel order. */
    public List<String> stateNames() {
        return checked.states().stream().map(CheckedModel.Symbol::name).toList();
    }

    /** Parameter names in kernel order. */
    public List<String> parameterNames() {
        return checked.parameters().stream().map(CheckedModel.Symbol::name).toList();
    }

    /** Indices of the trainable parameters. */
    public int[] trainableIndices() {
        List<CheckedModel.Symbol> ps = checked.parameters();
        return java.util.stream.IntStream.range(0, ps.size()).filter(i -> ps.get(i).trainable()).toArray();
    }

    /** Index of the named state; fails naming the known states. */
    public int stateIndex(String name) {
        int i = checked.stateIndex(name);
        if (i < 0) {
            throw new IllegalArgumentException("model '" + name() + "' has no state '" + name + "'; states: " + stateNames());
        }
        return i;
    }

    /** Index of the named parameter; fails naming the known parameters. */
    public int parameterIndex(String name) {
        int i = checked.parameterIndex(name);
        if (i < 0) {
            throw new IllegalArgumentException("model '" + name() + "' has no parameter '" + name + "'; parameters: "
                    + parameterNames());
        }
        return i;
    }
}
