package org.brainfx.engine.model.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainfx.engine.model.ModelException;
import org.junit.jupiter.api.Test;

class UnitsTest {

    private static double internal(String unit) {
        return Units.parse(unit).toInternal(1.0);
    }

    @Test
    void internalUnitsConvertToExactlyOne() {
        for (String unit : new String[] {"mV", "ms", "nA", "uS", "nF", "MOhm", "um", "µS", "MΩ"}) {
            assertEquals(1.0, internal(unit), 0.0, unit);
        }
    }

    @Test
    void prefixedUnitsConvertExactly() {
        assertEquals(0.001, internal("pA"), 0.0);
        assertEquals(0.001, internal("Hz"), 0.0);
        assertEquals(1000.0, internal("V"), 0.0);
        assertEquals(0.001, internal("uV"), 0.0);
        assertEquals(1000.0, internal("s"), 0.0);
        assertEquals(0.001, internal("us"), 0.0);
        assertEquals(1000.0, internal("uA"), 0.0);
        assertEquals(0.001, internal("nS"), 0.0);
        assertEquals(1000.0, internal("mS"), 0.0);
        assertEquals(1e6, internal("S"), 0.0);
        assertEquals(0.001, internal("pF"), 0.0);
        assertEquals(1000.0, internal("uF"), 0.0);
        assertEquals(1000.0, internal("GOhm"), 0.0);
        assertEquals(0.001, internal("kOhm"), 0.0);
        assertEquals(1e-6, internal("Ohm"), 0.0);
        assertEquals(1.0, internal("kHz"), 0.0);
        assertEquals(1e4, internal("cm"), 0.0);
        assertEquals(1e6, internal("m"), 0.0);
        assertEquals(1e8, internal("cm2"), 0.0);
        assertEquals(1e6, internal("mm2"), 0.0);
        assertEquals(1.0, internal("um2"), 0.0);
    }

    @Test
    void compositeUnitsCombineScaleAndDimension() {
        Unit conductanceDensity = Units.parse("mS/cm2");
        Unit conductance = conductanceDensity.times(Units.parse("cm2"));
        assertTrue(conductance.sameDimension(Units.parse("uS")));
        assertEquals(1000.0, conductance.toInternal(1.0), 0.0);
        assertEquals(1000.0, Units.parse("uF/cm2").times(Units.parse("cm2")).toInternal(1.0), 0.0);
        assertTrue(Units.parse("nA*MOhm").sameDimension(Units.parse("mV")));
        assertEquals(1.0, internal("nA*MOhm"), 0.0);
        assertTrue(Units.parse("1/ms").sameDimension(Units.parse("Hz")));
        assertTrue(Units.parse("/ms").sameDimension(Units.parse("kHz")));
        assertEquals(1.0, internal("mV/ms"), 0.0);
        assertTrue(Units.parse("mV^2").sameDimension(Units.parse("mV*mV")));
        assertTrue(Units.parse("ms^-1").sameDimension(Units.parse("Hz")));
        assertTrue(Units.parse("uS/(um*um)").sameDimension(Units.parse("uS/um2")));
        assertTrue(Units.parse("1").isDimensionless());
        assertTrue(Units.parse("").isDimensionless());
        assertEquals("mS/cm2", conductanceDensity.symbol());
    }

    @Test
    void lookupFindsOnlyExactSymbols() {
        assertTrue(Units.lookup("mV").isPresent());
        assertTrue(Units.lookup("cm2").isPresent());
        assertFalse(Units.lookup("mS/cm2").isPresent());
        assertFalse(Units.lookup("gNa").isPresent());
    }

    @Test
    void unknownUnitNamesItAndListsKnownOnes() {
        ModelException e = assertThrows(ModelException.class, () -> Units.parse("mS/cm3x"));
        assertTrue(e.getMessage().contains("unknown unit 'cm3x'"), e.getMessage());
        assertTrue(e.getMessage().contains("mV"), e.getMessage());
    }

    @Test
    void malformedUnitSaysWhatWasExpected() {
        ModelException e = assertThrows(ModelException.class, () -> Units.parse("mV^"));
        assertTrue(e.getMessage().contains("expected an integer power after '^' but found the end"), e.getMessage());
        e = assertThrows(ModelException.class, () -> Units.parse("mV ms"));
        assertTrue(e.getMessage().contains("expected '*', '/' or the end but found 'm'"), e.getMessage());
    }

    @Test
    void internalNamesAreReadable() {
        assertEquals("mV/ms", Units.internalName(Units.parse("V/s").dimension()));
        assertEquals("uS", Units.internalName(Units.parse("nA/mV").dimension()));
        assertEquals("1/ms", Units.internalName(Units.parse("Hz").dimension()));
        assertEquals("nA/ms", Units.internalName(Units.parse("pA/s").dimension()));
        assertEquals("1", Units.internalName(Dimension.NONE));
        assertEquals("mV^3", Units.internalName(Units.parse("mV^3").dimension()));
    }
}
