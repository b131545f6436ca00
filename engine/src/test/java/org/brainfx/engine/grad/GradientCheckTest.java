package org.brainfx.engine.grad;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reverse-mode gradients of every built-in model and integrator against finite differences. */
class GradientCheckTest {

    static Stream<Arguments> modelsAndIntegrators() {
        return ModelLibrary.names().stream()
                .flatMap(name -> ModelSpec.INTEGRATORS.stream().map(integrator -> Arguments.of(name, integrator)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("modelsAndIntegrators")
    void reverseGradientMatchesFiniteDifferences(String name, String integrator) {
        ModelSpec spec = ModelLibrary.get(name);
        List<GradientCheck.Check> checks = GradientCheck.run(spec, integrator);
        assertFalse(checks.isEmpty());
        for (GradientCheck.Check c : checks) {
            assertTrue(c.passed(), () -> c.protocol() + " " + c.variable() + ": reverse " + c.reverse() + " vs finite difference "
                    + c.finiteDifference() + ", relative error " + c.relError());
        }
        if (!"hh".equals(name)) {
            assertTrue(checks.stream().anyMatch(c -> c.protocol().equals("spiking")), "a spiking protocol was found");
        }
    }
}
