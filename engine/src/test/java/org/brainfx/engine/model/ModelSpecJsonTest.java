package org.brainfx.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;
import org.brainfx.engine.model.library.ModelLibrary;
import org.junit.jupiter.api.Test;

class ModelSpecJsonTest {
    private final Gson gson = new GsonBuilder().create();

    @Test
    void everyLibraryModelSurvivesJson() {
        for (String name : ModelLibrary.names()) {
            ModelSpec spec = ModelLibrary.get(name);
            assertEquals(spec, gson.fromJson(gson.toJson(spec), ModelSpec.class), name);
        }
    }

    @Test
    void handWrittenJsonGetsDefaults() {
        String json = "{\"name\": \"decay\", \"states\": [{\"name\": \"V\", \"initial\": -65, \"unit\": \"mV\"}],"
                + " \"parameters\": [{\"name\": \"tau\", \"value\": 10, \"unit\": \"ms\", \"upper\": 100, \"trainable\": true}],"
                + " \"equations\": [{\"state\": \"V\", \"rhs\": \"-V/tau\"}],"
                + " \"surrogate\": {\"kind\": \"arctan\", \"params\": {\"alpha\": 2}}}";
        ModelSpec spec = gson.fromJson(json, ModelSpec.class);
        assertEquals(List.of(), spec.resets());
        assertEquals("exp_euler", spec.integrator());
        assertEquals("simultaneous", spec.update());
        assertEquals(new ParameterSpec("tau", 10, "ms", null, 100.0, true), spec.parameters().get(0));
        assertEquals(2.0, spec.surrogate().params().get("alpha"));
        assertEquals(1, ModelChecker.check(spec).equations().size());
    }
}
