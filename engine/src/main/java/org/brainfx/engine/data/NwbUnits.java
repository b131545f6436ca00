package org.brainfx.engine.data;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.model.unit.Units;

/**
 * Reads the unit strings that recording files use, symbols ({@code V}, {@code mV}, {@code pA}) or
 * words ({@code volts}, {@code amperes}), and gives the factor into BrainFX's internal units
 * (mV, nA, ms).
 */
final class NwbUnits {
    /** Writers such as pynwb's users spell SI units out; the model's unit table knows only symbols. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("volt", "V"), Map.entry("volts", "V"),
            Map.entry("millivolt", "mV"), Map.entry("millivolts", "mV"),
            Map.entry("microvolt", "uV"), Map.entry("microvolts", "uV"),
            Map.entry("ampere", "A"), Map.entry("amperes", "A"), Map.entry("amp", "A"), Map.entry("amps", "A"),
            Map.entry("milliampere", "mA"), Map.entry("milliamperes", "mA"),
            Map.entry("microampere", "uA"), Map.entry("microamperes", "uA"),
            Map.entry("nanoampere", "nA"), Map.entry("nanoamperes", "nA"),
            Map.entry("picoampere", "pA"), Map.entry("picoamperes", "pA"),
            Map.entry("second", "s"), Map.entry("seconds", "s"),
            Map.entry("millisecond", "ms"), Map.entry("milliseconds", "ms"));

    private static final Unit MILLIVOLT = Units.parse("mV");
    private static final Unit NANOAMPERE = Units.parse("nA");
    private static final Unit MILLISECOND = Units.parse("ms");

    private NwbUnits() {
    }

    /** The unit a string names, if it is a known symbol or word (case is ignored for words). */
    static Optional<Unit> lookup(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Optional<Unit> symbol = Units.lookup(t);
        if (symbol.isPresent()) {
            return symbol;
        }
        String word = WORDS.get(t.toLowerCase(Locale.ROOT));
        return word == null ? Optional.empty() : Units.lookup(word);
    }

    /** True for a potential (response in current clamp, command in voltage clamp). */
    static boolean isVoltage(Unit unit) {
        return unit.sameDimension(MILLIVOLT);
    }

    /** True for a current. */
    static boolean isCurrent(Unit unit) {
        return unit.sameDimension(NANOAMPERE);
    }

    /** True for a time. */
    static boolean isTime(Unit unit) {
        return unit.sameDimension(MILLISECOND);
    }

    /**
     * The factor from {@code scale × unit} to the internal unit, snapped to a power of ten when
     * within round-off of one, so that {@code conversion = 1e-9} with {@code amperes} is exactly 1.
     */
    static double toInternal(Unit unit, double scale) {
        double f = scale * unit.toInternalFactor();
        double p = Math.rint(Math.log10(Math.abs(f)));
        double snapped = Math.copySign(Double.parseDouble("1e" + (long) p), f);
        return Math.abs(f / snapped - 1) < 1e-12 ? snapped : f;
    }
}
