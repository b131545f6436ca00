package org.brainfx.app.playground;

import java.util.List;

/**
 * One simulation as the playground draws it: every state's trace in its declared unit, the
 * input current and, for a project sweep with a recording or target, the trace to compare with.
 * Sample {@code k} of a state is its value after step {@code k}, at {@code t = (k + 1)·dt}.
 *
 * @param states      the model's state names, in model order (the first is the membrane potential)
 * @param stateUnits  each state's declared unit ("" when dimensionless)
 * @param values      {@code [state][step]}, declared units
 * @param input       input current at each step, nA (zeros for a model without input)
 * @param target      the target trace of {@code states.get(0)} for this sweep, or null
 * @param spikes      number of spikes
 * @param wallMillis  simulation time
 */
public record PlaygroundTrace(double dt, List<String> states, List<String> stateUnits, double[][] values,
                              double[] input, double[] target, int spikes, double wallMillis) {

    /** Number of steps. */
    public int steps() {
        return values[0].length;
    }

    /** The trace of a state by name. */
    public double[] state(String name) {
        int i = states.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no state '" + name + "' in the trace; states: " + states);
        }
        return values[i];
    }

    /** The unit of a state by name ("" when dimensionless). */
    public String unit(String name) {
        return stateUnits.get(states.indexOf(name));
    }
}
