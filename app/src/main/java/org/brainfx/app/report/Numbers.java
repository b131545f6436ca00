package org.brainfx.app.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers as fit reports show them, the same in the terminal and in the workbench. */
public final class Numbers {

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private Numbers() {
    }

    /** "2026-12-07 16:05" (UTC) for an ISO-8601 instant (a kept result's date); the text itself when it is not one. */
    public static String shortDate(String iso) {
        try {
            return DATE.format(java.time.Instant.parse(iso));
        } catch (RuntimeException e) {
            return String.valueOf(iso);
        }
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
