package org.brainfx.app.network;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.NeuronRef;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.ValueSpec;

/**
 * The files a network spec names by relative path (model and synapse files, value files, connection
 * files), rewritten so they name the same files from another folder when a project is saved elsewhere.
 */
final class NetworkPaths {

    private NetworkPaths() {
    }

    /** {@code project} with every relative file name that starts from {@code from} made to start from {@code to}. */
    static NetworkProject rebase(NetworkProject project, Path from, Path to) {
        if (from.equals(to)) {
            return project;
        }
        NetworkSpec s = project.network();
        NetworkSpec moved = new NetworkSpec(s.name(), s.description(), s.dt(), s.duration(), s.seed(),
                s.populations().stream().map(p -> population(p, from, to)).toList(), s.sources(),
                s.projections().stream().map(p -> projection(p, from, to)).toList(), s.currents(), s.monitors());
        return new NetworkProject(project.schemaVersion(), project.name(), project.description(), moved);
    }

    private static PopulationSpec population(PopulationSpec p, Path from, Path to) {
        NeuronRef m = p.model();
        NeuronRef model = m == null || m.file() == null ? m : new NeuronRef(m.builtin(), path(m.file(), from, to), m.spec());
        return new PopulationSpec(p.name(), p.size(), p.type(), model, values(p.parameters(), from, to),
                values(p.initial(), from, to), p.positions(), p.voltage());
    }

    private static ProjectionSpec projection(ProjectionSpec p, Path from, Path to) {
        String synapse = p.synapse().endsWith(".synapse") ? path(p.synapse(), from, to) : p.synapse();
        ConnectivitySpec c = p.connectivity();
        ConnectivitySpec rule = c == null || c.file() == null ? c : new ConnectivitySpec(c.rule(), c.p(), c.degree(),
                c.allowSelf(), c.sigma(), c.peak(), c.pre(), c.post(), path(c.file(), from, to));
        return new ProjectionSpec(p.name(), p.pre(), p.post(), synapse, p.synapseParameters(), p.output(), p.reversal(),
                p.receptor(), p.target(), rule, value(p.weights(), from, to), value(p.delays(), from, to), p.sign(),
                p.trainable(), p.plasticity());
    }

    private static Map<String, ValueSpec> values(Map<String, ValueSpec> values, Path from, Path to) {
        Map<String, ValueSpec> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, value(v, from, to)));
        return m;
    }

    private static ValueSpec value(ValueSpec v, Path from, Path to) {
        if (v == null || v.file() == null) {
            return v;
        }
        return new ValueSpec(v.kind(), v.value(), v.low(), v.high(), v.mean(), v.sd(), v.mu(), v.sigma(), v.scale(),
                path(v.file(), from, to));
    }

    /** The relative name of the same file from {@code to}, with '/' separators; absolute names stay. */
    static String path(String name, Path from, Path to) {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return name;
        }
        Path target = from.resolve(p).toAbsolutePath().normalize();
        Path rel;
        try {
            rel = to.toAbsolutePath().normalize().relativize(target);
        } catch (IllegalArgumentException e) {
            return target.toString();
        }
        return rel.toString().replace('\\', '/');
    }
}
