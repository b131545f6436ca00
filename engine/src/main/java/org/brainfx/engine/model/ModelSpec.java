package org.brainfx.engine.model;

import java.util.List;

/**
 * A neuron model written as equations: plain data that Gson serializes and the text form
 * ({@link ModelText}) reads and writes; compiled to kernels by {@code org.brainfx.engine.compile}.
 *
 * <p>One simulation step, the same for every model: (1) the spike {@code z} is evaluated from the
 * previous state; (2) resets {@code x ← x + z·(reset − x)}; (3) the equations advance by the
 * integrator (all at once for {@code simultaneous}, or one after the other, each seeing the
 * states already advanced, for {@code sequential}); (4) the {@code after} assignments (e.g. a
 * threshold floor); (5) the output spike is evaluated on the new state.
 *
 * @param name        identifier of the model (e.g. {@code hh})
 * @param description one line for humans
 * @param states      state variables with initial values
 * @param parameters  parameters, trainable or fixed, with bounds
 * @param constants   fixed named values
 * @param inputs      external inputs (injected current …), supplied per lane and step
 * @param definitions named sub-expressions, in order; each may use the ones before it
 * @param equations   {@code dX/dt = rhs}, one per integrated state
 * @param spike       spike condition such as {@code V > Vth}, or null for a model without spikes;
 *                    the surrogate sees {@code left − right}
 * @param resets      assignments applied where a spike occurred
 * @param after       assignments applied after integration (e.g. {@code Vth = max(Vth_reset, Vth)})
 * @param surrogate   surrogate gradient of the spike
 * @param integrator  {@code euler}, {@code exp_euler}, {@code rk2} or {@code rk4}
 * @param update      {@code simultaneous} or {@code sequential}
 * @param detachReset true stops the gradient through the spike in the reset
 * @param refractory  the refractory period after a spike, or null for none
 */
public record ModelSpec(
        String name,
        String description,
        List<StateSpec> states,
        List<ParameterSpec> parameters,
        List<ConstantSpec> constants,
        List<InputSpec> inputs,
        List<DefinitionSpec> definitions,
        List<EquationSpec> equations,
        String spike,
        List<AssignmentSpec> resets,
        List<AssignmentSpec> after,
        SurrogateSpec surrogate,
        String integrator,
        String update,
        boolean detachReset,
        RefractorySpec refractory) {

    /** Integrator names accepted in {@link #integrator()}. */
    public static final List<String> INTEGRATORS = List.of("euler", "exp_euler", "rk2", "rk4");

    /** A model without a refractory period. */
    public ModelSpec(String name, String description, List<StateSpec> states, List<ParameterSpec> parameters,
                     List<ConstantSpec> constants, List<InputSpec> inputs, List<DefinitionSpec> definitions,
                     List<EquationSpec> equations, String spike, List<AssignmentSpec> resets, List<AssignmentSpec> after,
                     SurrogateSpec surrogate, String integrator, String update, boolean detachReset) {
        this(name, description, states, parameters, constants, inputs, definitions, equations, spike, resets, after,
                surrogate, integrator, update, detachReset, null);
    }

    /** Null lists (from hand-written JSON) become empty lists. */
    public ModelSpec {
        states = states == null ? List.of() : List.copyOf(states);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        constants = constants == null ? List.of() : List.copyOf(constants);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        definitions = definitions == null ? List.of() : List.copyOf(definitions);
        equations = equations == null ? List.of() : List.copyOf(equations);
        resets = resets == null ? List.of() : List.copyOf(resets);
        after = after == null ? List.of() : List.copyOf(after);
        integrator = integrator == null ? "exp_euler" : integrator;
        update = update == null ? "simultaneous" : update;
        surrogate = surrogate == null ? SurrogateSpec.DEFAULT : surrogate;
    }

    /** This model with another integrator. */
    public ModelSpec withIntegrator(String newIntegrator) {
        return new ModelSpec(name, description, states, parameters, constants, inputs, definitions,
                equations, spike, resets, after, surrogate, newIntegrator, update, detachReset, refractory);
    }

    /** This model with other parameters (e.g. new values or bounds). */
    public ModelSpec withParameters(List<ParameterSpec> newParameters) {
        return new ModelSpec(name, description, states, newParameters, constants, inputs, definitions,
                equations, spike, resets, after, surrogate, integrator, update, detachReset, refractory);
    }

    /** This model with other states (e.g. new initial values). */
    public ModelSpec withStates(List<StateSpec> newStates) {
        return new ModelSpec(name, description, newStates, parameters, constants, inputs, definitions,
                equations, spike, resets, after, surrogate, integrator, update, detachReset, refractory);
    }

    /** This model with another surrogate gradient. */
    public ModelSpec withSurrogate(SurrogateSpec newSurrogate) {
        return new ModelSpec(name, description, states, parameters, constants, inputs, definitions,
                equations, spike, resets, after, newSurrogate, integrator, update, detachReset, refractory);
    }

    /** This model with the gradient through the reset's spike stopped, or not. */
    public ModelSpec withDetachReset(boolean detach) {
        return new ModelSpec(name, description, states, parameters, constants, inputs, definitions, equations, spike,
                resets, after, surrogate, integrator, update, detach, refractory);
    }

    /** This model with another refractory period (null: none). */
    public ModelSpec withRefractory(RefractorySpec newRefractory) {
        return new ModelSpec(name, description, states, parameters, constants, inputs, definitions, equations, spike,
                resets, after, surrogate, integrator, update, detachReset, newRefractory);
    }

    /** This model with other states, parameters, inputs, definitions and equations (e.g. synapses merged in). */
    public ModelSpec withParts(List<StateSpec> newStates, List<ParameterSpec> newParameters, List<InputSpec> newInputs,
                               List<DefinitionSpec> newDefinitions, List<EquationSpec> newEquations) {
        return new ModelSpec(name, description, newStates, newParameters, constants, newInputs, newDefinitions,
                newEquations, spike, resets, after, surrogate, integrator, update, detachReset, refractory);
    }

    /** The parameter of that name, or null. */
    public ParameterSpec parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst().orElse(null);
    }
}
