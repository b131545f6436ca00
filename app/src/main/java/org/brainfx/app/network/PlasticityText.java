package org.brainfx.app.network;

import java.util.Locale;
import org.brainfx.engine.net.PlasticitySpec;

/**
 * A projection's short-term plasticity as one line of text for the property sheet, both ways:
 * {@code tsodyks_markram(U, tauF, tauD)} (utilization increment, facilitation and depression time constants in
 * ms); blank means static synapses. Parsing refuses what the engine would refuse, with the reason.
 */
final class PlasticityText {
    /** The form accepted, for messages. */
    static final String FORM = "tsodyks_markram(U, tauF, tauD), U in (0, 1], times in ms > 0, e.g. tsodyks_markram(0.5, 50, 200)";

    private PlasticityText() {
    }

    /** The text of {@code p} ("" for none). */
    static String format(PlasticitySpec p) {
        if (p == null) {
            return "";
        }
        return p.kind() + "(" + ValueText.n(p.u()) + ", " + ValueText.n(p.tauF()) + ", " + ValueText.n(p.tauD()) + ")";
    }

    /**
     * The plasticity {@code text} names; blank gives null (static synapses).
     *
     * @throws IllegalArgumentException saying what is wrong and the form accepted
     */
    static PlasticitySpec parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        int open = t.indexOf('(');
        if (open < 0 || !t.endsWith(")")) {
            throw new IllegalArgumentException("'" + t + "' is not a plasticity rule; write " + FORM);
        }
        String kind = t.substring(0, open).trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("tsodyks_markram")) {
            throw new IllegalArgumentException("unknown plasticity '" + kind + "'; write " + FORM);
        }
        String[] args = t.substring(open + 1, t.length() - 1).split(",");
        if (args.length != 3) {
            throw new IllegalArgumentException("tsodyks_markram takes three numbers (U, tauF, tauD); write " + FORM);
        }
        double u = ValueText.number(args[0].trim(), "U");
        double tauF = ValueText.number(args[1].trim(), "tauF");
        double tauD = ValueText.number(args[2].trim(), "tauD");
        if (!(u > 0 && u <= 1)) {
            throw new IllegalArgumentException("U = " + args[0].trim() + "; the utilization increment must be in (0, 1]");
        }
        if (!(tauF > 0) || !(tauD > 0)) {
            throw new IllegalArgumentException("tauF and tauD must be times > 0 ms");
        }
        return PlasticitySpec.tsodyksMarkram(u, tauF, tauD);
    }
}
