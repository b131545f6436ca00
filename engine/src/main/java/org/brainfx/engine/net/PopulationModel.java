package org.brainfx.engine.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.DefinitionSpec;
import org.brainfx.engine.model.EquationSpec;
import org.brainfx.engine.model.InputSpec;
import org.brainfx.engine.model.ModelChecker;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.model.StateSpec;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.model.unit.Units;

/**
 * A population's neuron model with its receptors merged in, as one model for the kernel compiler:
 * each receptor's states, parameters and equations are added under suffixed names, and each input
 * that synapses feed becomes a definition {@code I = I_ext + Σ out (+ Σ out·(E − V))}, where
 * {@code I_ext} is the input left for injected currents. Conductances thus sit inside the voltage
 * equation, so exponential Euler sees them in its linear term as the reference does. A state
 * {@link CheckedModel#CARRIED_SPIKE_STATE} carries the output spike to the next step's reset.
 */
final class PopulationModel {
    static final String EXTERNAL_SUFFIX = "_ext";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PopulationModel() {
    }

    /** The merged model, checked; {@code voltage} names the neuron's membrane potential. */
    static CheckedModel merge(ModelSpec neuron, String voltage, List<Receptor> receptors, String population) {
        List<StateSpec> states = new ArrayList<>(neuron.states());
        List<ParameterSpec> parameters = new ArrayList<>(neuron.parameters());
        List<InputSpec> inputs = new ArrayList<>();
        List<DefinitionSpec> definitions = new ArrayList<>();
        List<EquationSpec> equations = new ArrayList<>(neuron.equations());
        Map<String, StringBuilder> feeds = new LinkedHashMap<>();
        for (Receptor r : receptors) {
            InputSpec target = neuron.inputs().stream().filter(i -> i.name().equals(r.target())).findFirst().orElse(null);
            if (target == null) {
                throw new NetworkException("population '" + population + "': receptor '" + r.name() + "' feeds input '"
                        + r.target() + "', which model '" + neuron.name() + "' does not have (inputs: "
                        + String.join(", ", neuron.inputs().stream().map(InputSpec::name).toList())
                        + "); set the projection's 'target' to one of them");
            }
            if (!r.synapse().hasStates()) {
                continue;
            }
            String voltageUnit = neuron.states().stream().filter(st -> st.name().equals(voltage)).findFirst()
                    .map(StateSpec::unit).orElse("mV");
            Unit weightUnit = weightUnit(target, r.conductance(), voltageUnit, population, r.name());
            Map<String, String> rename = new LinkedHashMap<>();
            ModelSpec syn = r.synapse().dynamics();
            syn.states().forEach(s -> rename.put(s.name(), s.name() + "_" + r.name()));
            syn.parameters().forEach(p -> rename.put(p.name(), p.name() + "_" + r.name()));
            syn.constants().forEach(c -> rename.put(c.name(), c.name() + "_" + r.name()));
            syn.definitions().forEach(d -> rename.put(d.name(), d.name() + "_" + r.name()));
            rename.put("V", voltage);
            String unitName = Units.internalName(weightUnit.dimension());
            for (StateSpec s : syn.states()) {
                states.add(new StateSpec(rename.get(s.name()), 0, unitName));
            }
            for (ParameterSpec p : syn.parameters()) {
                Double value = r.parameters().get(p.name());
                parameters.add(new ParameterSpec(rename.get(p.name()), value == null ? p.value() : value, p.unit(), p.lower(),
                        p.upper(), false, 0));
            }
            r.parameters().keySet().stream().filter(k -> syn.parameter(k) == null).findFirst().ifPresent(k -> {
                throw new NetworkException("population '" + population + "', receptor '" + r.name() + "': synapse '"
                        + r.synapse().name() + "' has no parameter '" + k + "' (parameters: "
                        + String.join(", ", syn.parameters().stream().map(ParameterSpec::name).toList()) + ")");
            });
            syn.constants().forEach(c -> parameters.add(new ParameterSpec(rename.get(c.name()), c.value(), c.unit(), null,
                    null, false, 0)));
            syn.definitions().forEach(d -> definitions.add(new DefinitionSpec(rename.get(d.name()), rename(d.expression(), rename), 0)));
            syn.equations().forEach(e -> equations.add(new EquationSpec(rename.get(e.state()), rename(e.rhs(), rename), 0)));
            String out = "(" + rename(r.synapse().output(), rename) + ")";
            if (r.conductance()) {
                String e = "E_" + r.name();
                parameters.add(new ParameterSpec(e, r.reversal(), voltageUnit, null, null, false, 0));
                out = out + "*(" + e + " - " + voltage + ")";
            }
            feeds.computeIfAbsent(r.target(), k -> new StringBuilder()).append(" + ").append(out);
        }
        for (InputSpec in : neuron.inputs()) {
            StringBuilder feed = feeds.get(in.name());
            if (feed == null) {
                inputs.add(in);
            } else {
                inputs.add(new InputSpec(in.name() + EXTERNAL_SUFFIX, in.unit(), 0));
                definitions.add(0, new DefinitionSpec(in.name(), in.name() + EXTERNAL_SUFFIX + feed, 0));
            }
        }
        if (neuron.spike() != null) {
            states.add(new StateSpec(CheckedModel.CARRIED_SPIKE_STATE, 0, "1"));
        }
        List<DefinitionSpec> allDefinitions = new ArrayList<>(definitions);
        allDefinitions.addAll(neuron.definitions());
        ModelSpec merged = neuron.withParts(states, parameters, inputs, allDefinitions, equations);
        try {
            return ModelChecker.check(merged);
        } catch (ModelException e) {
            throw new NetworkException("population '" + population + "': its model '" + neuron.name()
                    + "' with its synapses merged in does not check: " + e.getMessage(), e);
        }
    }

    /**
     * The model with every parameter that has one value in the whole population turned into a
     * constant of that value (in internal units), so the compiler folds it into the kernel instead
     * of loading it per neuron: fewer loads and operations per neuron-step. Such parameters then
     * have no gradient.
     */
    static ModelSpec withUniformParametersFixed(ModelSpec merged, CheckedModel checked, Map<String, double[]> values) {
        List<ParameterSpec> kept = new ArrayList<>();
        List<org.brainfx.engine.model.ConstantSpec> constants = new ArrayList<>(merged.constants());
        for (int i = 0; i < merged.parameters().size(); i++) {
            ParameterSpec p = merged.parameters().get(i);
            double[] v = values.get(p.name());
            boolean uniform = true;
            for (int k = 1; k < v.length && uniform; k++) {
                uniform = Double.doubleToLongBits(v[k]) == Double.doubleToLongBits(v[0]);
            }
            if (uniform) {
                Unit unit = checked.parameters().get(i).unit();
                constants.add(new org.brainfx.engine.model.ConstantSpec(p.name(), v[0], Units.internalName(unit.dimension()), 0));
            } else {
                kept.add(p);
            }
        }
        return new ModelSpec(merged.name(), merged.description(), merged.states(), kept, constants, merged.inputs(),
                merged.definitions(), merged.equations(), merged.spike(), merged.resets(), merged.after(), merged.surrogate(),
                merged.integrator(), merged.update(), merged.detachReset(), merged.refractory());
    }

    /**
     * The unit of a receptor's states: the input's for a current, the input's per unit of voltage for a
     * conductance (µS for an nA input and a mV voltage; dimensionless for a model in reduced units).
     */
    static Unit weightUnit(InputSpec target, boolean conductance, String voltageUnit, String population, String receptor) {
        try {
            Unit input = Units.parse(target.unit() == null ? "1" : target.unit());
            return conductance ? input.divide(Units.parse(voltageUnit == null ? "1" : voltageUnit)) : input;
        } catch (ModelException e) {
            throw new NetworkException("population '" + population + "', receptor '" + receptor + "': " + e.getMessage(), e);
        }
    }

    /** The expression with every identifier in {@code names} replaced, leaving other names and numbers alone. */
    static String rename(String expression, Map<String, String> names) {
        Matcher m = IDENTIFIER.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean partOfNumber = m.start() > 0 && (Character.isDigit(expression.charAt(m.start() - 1))
                    || expression.charAt(m.start() - 1) == '.');
            String replacement = partOfNumber ? m.group() : names.getOrDefault(m.group(), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
