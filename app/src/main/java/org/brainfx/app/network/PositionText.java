package org.brainfx.app.network;

import java.util.Locale;
import org.brainfx.engine.net.PositionSpec;
import org.brainfx.engine.net.Positions;

/**
 * A population's positions as one line of text for the property sheet, both ways: {@code grid 1000 x 1000},
 * {@code random 2000 x 2000 periodic} (a layout, the sheet's width and height in µm, and whether distances
 * wrap around its edges); blank means no positions. Parsing refuses what the engine would refuse, with the reason.
 */
final class PositionText {
    /** The form accepted, for messages. */
    static final String FORM = "grid|random WIDTH x HEIGHT [periodic], in µm, e.g. grid 1000 x 1000";

    private PositionText() {
    }

    /** The text of {@code p} ("" for none). */
    static String format(PositionSpec p) {
        if (p == null) {
            return "";
        }
        return p.layout() + " " + ValueText.n(p.width()) + " x " + ValueText.n(p.height()) + (p.periodic() ? " periodic" : "");
    }

    /**
     * The positions {@code text} names; blank gives null (no positions).
     *
     * @throws IllegalArgumentException saying what is wrong and the form accepted
     */
    static PositionSpec parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return null;
        }
        String[] words = t.replace("×", " x ").replaceAll("(?<=\\d)x", " x ").replaceAll("x(?=\\d)", "x ").split("\\s+");
        if (words.length < 4 || words.length > 5 || !words[2].equals("x")) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a sheet; write " + FORM);
        }
        if (!Positions.LAYOUTS.contains(words[0])) {
            throw new IllegalArgumentException("unknown layout '" + words[0] + "'; use one of " + Positions.LAYOUTS);
        }
        boolean periodic = false;
        if (words.length == 5) {
            if (!words[4].equals("periodic")) {
                throw new IllegalArgumentException("'" + words[4] + "' after the sheet's size: only 'periodic' may follow; write "
                        + FORM);
            }
            periodic = true;
        }
        return new PositionSpec(words[0], length(words[1], "width"), length(words[3], "height"), periodic);
    }

    private static double length(String word, String what) {
        double v;
        try {
            v = Double.parseDouble(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the sheet's " + what + " '" + word + "' is not a number; write " + FORM);
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("the sheet's " + what + " must be a finite length > 0 µm, not " + word);
        }
        return v;
    }
}
