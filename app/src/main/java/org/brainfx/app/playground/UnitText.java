package org.brainfx.app.playground;

/** Units as a reader expects them on a label: {@code uS} as µS, {@code MOhm} as MΩ. */
final class UnitText {

    private UnitText() {
    }

    /** The unit with micro and ohm written as symbols; "" stays "". */
    static String pretty(String unit) {
        if (unit == null || unit.isEmpty()) {
            return "";
        }
        String u = unit.replace("Ohm", "\u03a9");
        return u.startsWith("u") && u.length() > 1 ? "\u00b5" + u.substring(1) : u;
    }
}
