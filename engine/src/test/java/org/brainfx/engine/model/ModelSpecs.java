package org.brainfx.engine.model;

/** Test helpers for comparing specs. */
final class ModelSpecs {
    private ModelSpecs() {
    }

    /** The spec with every source line set to 0, so that specs read from different texts compare equal. */
    static ModelSpec withoutLines(ModelSpec s) {
        return new ModelSpec(s.name(), s.description(),
                s.states().stream().map(x -> new StateSpec(x.name(), x.initial(), x.unit())).toList(),
                s.parameters().stream().map(p -> new ParameterSpec(p.name(), p.value(), p.unit(), p.lower(), p.upper(), p.trainable())).toList(),
                s.constants().stream().map(c -> new ConstantSpec(c.name(), c.value(), c.unit())).toList(),
                s.inputs().stream().map(i -> new InputSpec(i.name(), i.unit())).toList(),
                s.definitions().stream().map(d -> new DefinitionSpec(d.name(), d.expression())).toList(),
                s.equations().stream().map(e -> new EquationSpec(e.state(), e.rhs())).toList(),
                s.spike(),
                s.resets().stream().map(a -> new AssignmentSpec(a.state(), a.expression())).toList(),
                s.after().stream().map(a -> new AssignmentSpec(a.state(), a.expression())).toList(),
                s.surrogate(), s.integrator(), s.update(), s.detachReset());
    }
}
