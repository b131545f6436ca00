package org.brainfx.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SliderScaleTest {

    @Test
    void boundsSpanningDecadesGetALogarithmicSlider() {
        SliderScale gNa = SliderScale.around(24.7, 0.01, 40.0);
        assertTrue(gNa.logarithmic());
        assertEquals(0.01, gNa.lower());
        assertEquals(40, gNa.upper());
        assertEquals(0.5, gNa.position(Math.sqrt(0.01 * 40)), 1e-12, "the geometric mean sits in the middle");
        assertFalse(SliderScale.around(-55, -65.0, -50.0).logarithmic());
    }

    @Test
    void positionAndValueAreInverse() {
        for (SliderScale s : new SliderScale[] {new SliderScale(-1, 3, false), new SliderScale(1e-4, 0.1, true)}) {
            for (double p = 0; p <= 1; p += 0.125) {
                assertEquals(p, s.position(s.value(p)), 1e-12);
            }
            assertEquals(s.lower(), s.value(-2));
            assertEquals(1, s.position(s.upper() * 10));
        }
    }

    @Test
    void unboundedParametersGetARangeAroundTheirValue() {
        SliderScale capacitance = SliderScale.around(0.2, null, null);
        assertEquals(0.02, capacitance.lower(), 1e-15);
        assertEquals(2, capacitance.upper(), 1e-12);
        assertTrue(capacitance.logarithmic());
        SliderScale rest = SliderScale.around(-70, null, null);
        assertEquals(-105, rest.lower());
        assertEquals(-35, rest.upper());
        SliderScale zero = SliderScale.around(0, null, null);
        assertEquals(-1, zero.lower());
        assertEquals(1, zero.upper());
    }

    @Test
    void aValueOutsideItsBoundsWidensTheRange() {
        SliderScale s = SliderScale.around(50, 0.01, 40.0);
        assertEquals(50, s.upper());
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SliderScale(1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new SliderScale(0, 1, true));
    }
}
