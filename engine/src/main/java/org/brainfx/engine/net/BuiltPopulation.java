package org.brainfx.engine.net;

import org.brainfx.engine.compile.CompiledModel;

/**
 * A population ready to run: its compiled (merged) model, per-neuron parameters {@code p[parameter][neuron]}
 * and initial states {@code initial[state][neuron]} in internal units, and where its voltage and
 * injected inputs sit in the model.
 *
 * @param excitatorySign +1 for excitatory, −1 for inhibitory, 0 for other (the projection decides)
 */
public record BuiltPopulation(String name, String type, int size, CompiledModel model, double[][] parameters,
                              double[][] initial, int voltage, Positions positions, int excitatorySign) {

    /** Index of the model input that injected currents into {@code input} go to, or -1. */
    public int externalInput(String input) {
        java.util.List<org.brainfx.engine.model.CheckedModel.Symbol> inputs = model.checked().inputs();
        for (int i = 0; i < inputs.size(); i++) {
            String n = inputs.get(i).name();
            if (n.equals(input) || n.equals(input + PopulationModel.EXTERNAL_SUFFIX)) {
                return i;
            }
        }
        return -1;
    }
}
