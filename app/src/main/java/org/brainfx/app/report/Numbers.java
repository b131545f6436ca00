package org.brainfx.app.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers as fit reports show them, the same in the terminal and in the workbench. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Six significant digits without trailing zeros or round-off noise, e.g. 0.0083637 or 40;
     * scientific notation for very small or large magnitudes, which plain digits would bury in zeros.
     */
    public static String significant(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v != 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e7)) {
            return String.format(Locale.ROOT, "%.5e", v);
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
