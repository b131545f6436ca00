package org.brainfx.engine.model;

import java.util.List;
import org.brainfx.engine.model.expr.Expr;
import org.brainfx.engine.model.unit.Unit;

/**
 * A model whose expressions parsed, whose names resolved and whose units agree: the compiler's
 * input. Every {@link Expr.Num} in it holds its value already converted to the internal unit
 * system, and every unit name used as a quantity (e.g. {@code ms} in {@code 5/ms}) has been
 * replaced by such a number; every {@link Expr.Name} refers to a state, parameter, constant,
 * input or definition of this model.
 *
 * @param spikeArgument     the spike condition as one expression that is positive where the neuron
 *                          spikes ({@code left − right} of {@code left > right}), or null
 * @param refractoryPeriod  the refractory period in ms, NaN for none; then the last state is
 *                          {@link #REFRACTORY_STATE}, the time left in it
 * @param held              indices of the states held while refractory
 */
public record CheckedModel(
        ModelSpec spec,
        List<Symbol> states,
        List<Symbol> parameters,
        List<Symbol> constants,
        List<Symbol> inputs,
        List<Definition> definitions,
        List<Equation> equations,
        Expr spikeArgument,
        List<Assignment> resets,
        List<Assignment> after,
        double refractoryPeriod,
        List<Integer> held) {

    /** The state added to a model with a refractory period: the time left in it (ms). */
    public static final String REFRACTORY_STATE = "refractory_left";

    /**
     * A model declaring a state of this name carries its output spike in it: the next step's reset
     * reads the stored spike instead of re-evaluating the spike condition, so that a network's
     * synapses may change the state between steps (a voltage jump) without hiding or inventing a reset.
     */
    public static final String CARRIED_SPIKE_STATE = "spike_out";

    /** Index of {@link #REFRACTORY_STATE}, or -1 without a refractory period. */
    public int refractoryState() {
        return Double.isNaN(refractoryPeriod) ? -1 : states.size() - 1;
    }

    /**
     * A named quantity; {@code value}, {@code lower} and {@code upper} are internal-unit values
     * (initial value for states; bounds are ±infinity when absent; {@code trainable} only for parameters).
     */
    public record Symbol(String name, Unit unit, double value, double lower, double upper, boolean trainable) { }

    /** A checked named sub-expression and its unit. */
    public record Definition(String name, Expr expression, Unit unit) { }

    /** A checked {@code dstate/dt = rhs}; {@code state} indexes {@link #states()}. */
    public record Equation(int state, Expr rhs) { }

    /** A checked assignment to the state at index {@code state}. */
    public record Assignment(int state, Expr expression) { }

    /** Index of the state of that name, or -1. */
    public int stateIndex(String name) {
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the parameter of that name, or -1. */
    public int parameterIndex(String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
