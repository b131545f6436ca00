package org.brainfx.engine.data;

import java.util.Map;

/** Recognises the unit strings ABF files use and gives factors to BrainFX's units: mV for voltage, nA for current. */
final class AbfUnits {
    static final String MILLIVOLT = "mV";
    static final String NANOAMPERE = "nA";

    private static final Map<String, Double> TO_MILLIVOLTS = Map.of("V", 1e3, "mV", 1.0, "uV", 1e-3, "\u00b5V", 1e-3);
    private static final Map<String, Double> TO_NANOAMPERES = Map.of("A", 1e9, "mA", 1e6, "uA", 1e3, "\u00b5A", 1e3,
            "nA", 1.0, "pA", 1e-3, "fA", 1e-6);

    private AbfUnits() {
    }

    static boolean isVoltage(String unit) {
        return TO_MILLIVOLTS.containsKey(unit);
    }

    /** A unit a membrane potential is recorded in: mV or µV, never V (the unit of monitors and triggers). */
    static boolean isMembranePotential(String unit) {
        return isVoltage(unit) && !"V".equals(unit);
    }

    static boolean isCurrent(String unit) {
        return TO_NANOAMPERES.containsKey(unit);
    }

    /** The factor that converts a value in {@code unit} to mV or nA, whichever {@code unit} measures. */
    static double toBrainFx(String unit) {
        Double f = TO_MILLIVOLTS.get(unit);
        return f != null ? f : TO_NANOAMPERES.get(unit);
    }

    /** BrainFX's unit for the quantity {@code unit} measures. */
    static String brainFxUnit(String unit) {
        return isVoltage(unit) ? MILLIVOLT : NANOAMPERE;
    }
}
