package org.brainfx.engine.net;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.model.expr.Pos;

/**
 * Reads the text form of a synapse model: a model text whose first line is {@code synapse NAME "…"}
 * and which has one {@code on_pre X += w [unless refractory]} line and at most one {@code output expr}
 * line (see {@link SynapseSpec}). Errors name the line.
 */
public final class SynapseText {
    private static final Pattern ON_PRE = Pattern.compile(
            "\\s*on_pre\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\+=\\s*(.*?)(\\s+unless\\s+refractory)?\\s*(#.*)?");
    private static final Pattern OUTPUT = Pattern.compile("\\s*output\\s+(.*?)\\s*(#.*)?");
    private static final Pattern HEADER = Pattern.compile("(\\s*)synapse(\\s.*)");

    private SynapseText() {
    }

    /**
     * Parses a synapse model.
     *
     * @throws ModelException naming the line of the first problem and the fix
     */
    public static SynapseSpec parse(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        String onPre = null;
        String output = null;
        boolean unlessRefractory = false;
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = ON_PRE.matcher(line)).matches()) {
                if (onPre != null) {
                    throw new ModelException("a second 'on_pre' line; a synapse has one", new Pos(i + 1, 1));
                }
                if (!m.group(2).equals("w")) {
                    throw new ModelException("'on_pre " + m.group(1) + " += " + m.group(2) + "': a merged (linear) synapse adds"
                            + " its weight as it is; write 'on_pre " + m.group(1) + " += w' and scale the weights instead",
                            new Pos(i + 1, 1));
                }
                onPre = m.group(1);
                unlessRefractory = m.group(3) != null;
                lines.set(i, "");
            } else if ((m = OUTPUT.matcher(line)).matches()) {
                if (output != null) {
                    throw new ModelException("a second 'output' line; a synapse has one", new Pos(i + 1, 1));
                }
                output = m.group(1);
                lines.set(i, "");
            } else if (!header && (m = HEADER.matcher(line)).matches()) {
                lines.set(i, m.group(1) + "model" + m.group(2));
                header = true;
            }
        }
        if (!header) {
            throw new ModelException("a synapse model starts with 'synapse NAME \"description\"'", new Pos(1, 1));
        }
        if (onPre == null) {
            throw new ModelException("the synapse has no 'on_pre X += w' line: say which state a spike increases");
        }
        String increased = onPre;
        ModelSpec dynamics = ModelText.parse(String.join("\n", lines));
        if (dynamics.spike() != null || !dynamics.resets().isEmpty()) {
            throw new ModelException("synapse '" + dynamics.name() + "' has a spike or reset line; synapses have neither");
        }
        if (!dynamics.inputs().isEmpty()) {
            throw new ModelException("synapse '" + dynamics.name() + "' declares inputs; a synapse's only input is its weight w");
        }
        boolean ownState = dynamics.states().stream().anyMatch(s -> s.name().equals(increased));
        if (!dynamics.states().isEmpty() && !ownState) {
            throw new ModelException("synapse '" + dynamics.name() + "': 'on_pre " + onPre + " += w' names no state of the synapse"
                    + " (states: " + String.join(", ", dynamics.states().stream().map(s -> s.name()).toList()) + ")");
        }
        if (!dynamics.states().isEmpty() && output == null) {
            throw new ModelException("synapse '" + dynamics.name() + "' has states but no 'output' line: say what it delivers,"
                    + " e.g. 'output g'");
        }
        if (unlessRefractory && !dynamics.states().isEmpty()) {
            throw new ModelException("synapse '" + dynamics.name() + "': 'unless refractory' applies to a jump of the post neuron's"
                    + " voltage (a synapse without states); remove it");
        }
        return new SynapseSpec(dynamics.name(), dynamics.description(), dynamics, onPre, output, unlessRefractory);
    }
}
