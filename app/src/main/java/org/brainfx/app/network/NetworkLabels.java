package org.brainfx.app.network;

import java.nio.file.Path;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.NeuronRef;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;

/** The short texts the editor's canvas draws: a node's model and size, a projection's rule and synapse. */
final class NetworkLabels {

    private NetworkLabels() {
    }

    /** "160 × ei_alif": size and model (a built-in's name, a file's base name, an inline model's name). */
    static String population(PopulationSpec p) {
        return p.size() + " \u00d7 " + model(p.model());
    }

    /** The model's short name. */
    static String model(NeuronRef m) {
        if (m == null) {
            return "no model";
        }
        if (m.builtin() != null) {
            return m.builtin();
        }
        if (m.file() != null) {
            String f = Path.of(m.file()).getFileName().toString();
            return f.endsWith(".model") ? f.substring(0, f.length() - ".model".length()) : f;
        }
        return m.spec() != null && m.spec().name() != null ? m.spec().name() : "inline model";
    }

    /** "100 × 10 Hz" (Poisson trains and their rate) or "5 trains" (spike times). */
    static String source(SourceSpec s) {
        if ("poisson".equals(s.kind())) {
            return s.size() + " \u00d7 " + (s.rateHz() != null ? ValueText.n(s.rateHz()) + " Hz" : "scheduled Hz");
        }
        return s.size() + " trains";
    }

    /** "Poisson input" or "spike times". */
    static String sourceKind(SourceSpec s) {
        return "poisson".equals(s.kind()) ? "Poisson input" : String.valueOf(s.kind()).replace('_', ' ');
    }

    /** The connectivity rule and its numbers: "p 0.1", "in-degree 800", "Gaussian σ 100 µm", "explicit: file.csv". */
    static String rule(ConnectivitySpec c) {
        if (c == null || c.rule() == null) {
            return "no rule";
        }
        return switch (c.rule()) {
            case "all_to_all" -> "all-to-all";
            case "fixed_probability" -> "p " + ValueText.n(c.p());
            case "fixed_in_degree" -> "in-degree " + (c.degree() == null ? "?" : c.degree());
            case "fixed_out_degree" -> "out-degree " + (c.degree() == null ? "?" : c.degree());
            case "one_to_one" -> "one-to-one";
            case "gaussian" -> "Gaussian \u03c3 " + ValueText.n(c.sigma()) + " \u00b5m";
            case "explicit" -> c.file() != null ? "explicit: " + shortName(c.file())
                    : "explicit: " + (c.pre() == null ? 0 : c.pre().size()) + " pairs";
            default -> c.rule();
        };
    }

    /** A file's name without folder and extension, at most 24 characters (the full name is in the properties). */
    static String shortName(String file) {
        String f = Path.of(file).getFileName().toString();
        int dot = f.lastIndexOf('.');
        String base = dot > 0 ? f.substring(0, dot) : f;
        return base.length() <= 24 ? base : base.substring(0, 23) + "\u2026";
    }

    /** "exp · w 0.1" or "exp (g) · w kaiming(1)": the synapse, conductance marked, and the weights. */
    static String synapse(ProjectionSpec p) {
        String s = p.gapJunction() ? "gap junction" : p.synapse();
        if (s.endsWith(".synapse")) {
            s = Path.of(s).getFileName().toString();
        }
        return s + (p.conductance() ? " (g)" : "") + (p.weights() == null ? "" : " \u00b7 w " + ValueText.format(p.weights()));
    }
}
