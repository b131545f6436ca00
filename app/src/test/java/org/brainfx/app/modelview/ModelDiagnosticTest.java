package org.brainfx.app.modelview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelText;
import org.junit.jupiter.api.Test;

class ModelDiagnosticTest {

    @Test
    void theEnginesPlaceBecomesTheDiagnosticsLineAndColumn() {
        ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class,
                () -> ModelText.check("state V = -65 mV\nparam x = 1 bogus\n"));
        ModelDiagnostic d = ModelDiagnostic.of(e);
        assertEquals(2, d.line());
        assertEquals(13, d.column());
        assertEquals("line 2, col 13: " + d.message(), d.display());
        assertEquals(false, d.message().startsWith("line"));
    }

    @Test
    void aPlaceWithoutAColumnShowsTheLineOnly() {
        assertEquals("line 4: parameter 'x' (line 4): bad", new ModelDiagnostic(4, 0, "parameter 'x' (line 4): bad").display());
        assertEquals("bad", new ModelDiagnostic(0, 0, "bad").display());
    }
}
