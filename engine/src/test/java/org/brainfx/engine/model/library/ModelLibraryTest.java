package org.brainfx.engine.model.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.ModelChecker;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.model.ParameterSpec;
import org.junit.jupiter.api.Test;

class ModelLibraryTest {

    @Test
    void namesTheBuiltInModels() {
        assertEquals(List.of("lif", "gif", "adex", "izhikevich", "hh"), ModelLibrary.names());
    }

    @Test
    void everyModelChecks() {
        for (String name : ModelLibrary.names()) {
            ModelSpec spec = ModelLibrary.get(name);
            assertEquals(name, spec.name());
            CheckedModel checked = ModelChecker.check(spec, ModelLibrary.text(name));
            assertNotNull(checked.spikeArgument(), name);
            assertTrue(checked.parameters().stream().anyMatch(CheckedModel.Symbol::trainable), name);
        }
    }

    @Test
    void unknownNameListsTheModels() {
        ModelException e = assertThrows(ModelException.class, () -> ModelLibrary.get("hodgkin"));
        assertEquals("no built-in model 'hodgkin' (built-in models: lif, gif, adex, izhikevich, hh)", e.getMessage());
    }

    @Test
    void gifIsTheReferenceModel() {
        ModelSpec gif = ModelLibrary.get("gif");
        assertEquals(List.of("I1", "I2", "Vth", "V"), gif.equations().stream().map(e -> e.state()).toList());
        assertEquals("sequential", gif.update());
        assertEquals("exp_euler", gif.integrator());
        assertEquals("(V - Vth)/abs(Vth) > 0", gif.spike());
        assertEquals(List.of("a", "b", "k1", "k2"),
                gif.parameters().stream().filter(ParameterSpec::trainable).map(ParameterSpec::name).toList());
        assertEquals(new ParameterSpec("b", 0.01, "/ms", 0.0, 0.1, true), withoutLine(gif.parameter("b")));
        CheckedModel checked = ModelChecker.check(gif);
        assertEquals(-50.0, checked.states().get(checked.stateIndex("Vth")).value(), 0.0);
        assertEquals(20.0, checked.parameters().get(checked.parameterIndex("R")).value(), 0.0);
    }

    @Test
    void hhCarriesTheReferenceTargetParameters() {
        CheckedModel hh = ModelChecker.check(ModelLibrary.get("hh"));
        assertEquals(0.008363657201143428, hh.parameters().get(hh.parameterIndex("gL")).value(), 0.0);
        assertEquals(24.697737655778038, hh.parameters().get(hh.parameterIndex("gNa")).value(), 0.0);
        assertEquals(5.814895041093182, hh.parameters().get(hh.parameterIndex("gK")).value(), 0.0);
        assertEquals(-55.31094455202257, hh.parameters().get(hh.parameterIndex("Vth")).value(), 0.0);
        assertEquals(0.2, hh.parameters().get(hh.parameterIndex("C")).value(), 0.0);
        assertTrue(hh.resets().isEmpty());
    }

    @Test
    void paperVariantDiffersOnlyInAlphaH() throws IOException {
        String variant;
        try (InputStream in = ModelLibraryTest.class.getResourceAsStream("/models/hh_paper_variant.model")) {
            variant = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ModelSpec paper = ModelText.parse(variant);
        ModelSpec standard = ModelLibrary.get("hh");
        ModelText.check(variant);
        assertEquals("0.128*exprel((17 mV - V + Vth)/(18 mV))/ms", paper.definitions().get(2).expression());
        assertEquals("0.128*exp((17 mV - V + Vth)/(18 mV))/ms", standard.definitions().get(2).expression());
        assertEquals(standard.equations().stream().map(e -> e.rhs()).toList(), paper.equations().stream().map(e -> e.rhs()).toList());
        assertEquals(standard.parameters().stream().map(ParameterSpec::value).toList(), paper.parameters().stream().map(ParameterSpec::value).toList());
    }

    private static ParameterSpec withoutLine(ParameterSpec p) {
        return new ParameterSpec(p.name(), p.value(), p.unit(), p.lower(), p.upper(), p.trainable());
    }
}
