package org.brainfx.app.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeOptions;
import org.brainfx.engine.data.connectome.ConnectomeSummary;
import org.brainfx.engine.data.connectome.Connectomes;
import org.brainfx.engine.data.connectome.EdgeTypeMapping;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The connectome half of {@code brainfx inspect}: reads an edge list, adjacency matrix, .npy/.npz or
 * .mat connectome and prints nodes, edges, weight, density, degrees, reciprocity, self-loops and
 * the edge and node type counts, optionally as JSON.
 */
final class ConnectomeInspection {

    /** The inspect options that only connectomes take. */
    static final class Options {
        @Option(names = "--labels", paramLabel = "FILE", description = "Connectome: one label per node (matrix order,"
                + " or an edge list's node order); labels that repeat are cell types.")
        Path labels;

        @Option(names = "--nodes", paramLabel = "FILE", description = "Connectome: node attributes (a table with a"
                + " name column and type, neurotransmitter, area, x, y, z, …; or a .mat/.npz of per-node vectors).")
        Path nodes;

        @Option(names = "--edge-types", paramLabel = "MAPPING", description = "Connectome: typed rows to layers, e.g."
                + " chemical=S+Sp,electrical=EJ:symmetric (the default for the Varshney table's types).")
        String edgeTypes;

        @Option(names = "--rows", paramLabel = "pre|post", description = "Connectome: what a matrix row is (default:"
                + " presynaptic, unless the corner cell says target\\source).")
        String rows;

        @Option(names = "--duplicates", paramLabel = "sum|refuse", description = "Connectome: repeated edges are"
                + " summed (default) or refused.")
        String duplicates;

        @Option(names = "--self-loops", paramLabel = "keep|drop", description = "Connectome: connections of a node to"
                + " itself are kept (default) or dropped.")
        String selfLoops;

        @Option(names = "--signed", description = "Connectome: accept negative weights (a signed weight matrix).")
        boolean signed;

        /** Whether {@code file} is to be inspected as a connectome: it looks like one, or a connectome option is given. */
        boolean applies(Path file) {
            return labels != null || nodes != null || edgeTypes != null || rows != null || duplicates != null
                    || selfLoops != null || signed || Connectomes.recognizes(file);
        }

        ConnectomeOptions toOptions(CommandSpec spec) {
            ConnectomeOptions o = ConnectomeOptions.DEFAULT.withLabels(labels).withNodeAttributes(nodes)
                    .withSignedWeights(signed)
                    .withRows(choice(spec, "--rows", rows, ConnectomeOptions.Rows.AUTO, ConnectomeOptions.Rows.class))
                    .withDuplicates(choice(spec, "--duplicates", duplicates, ConnectomeOptions.Duplicates.SUM,
                            ConnectomeOptions.Duplicates.class))
                    .withSelfLoops(choice(spec, "--self-loops", selfLoops, ConnectomeOptions.SelfLoops.KEEP,
                            ConnectomeOptions.SelfLoops.class));
            if (edgeTypes != null) {
                try {
                    o = o.withMapping(EdgeTypeMapping.parse(edgeTypes));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--edge-types: " + e.getMessage());
                }
            }
            return o;
        }

        private static <E extends Enum<E>> E choice(CommandSpec spec, String option, String value, E fallback,
                                                    Class<E> type) {
            if (value == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ", got '" + value + "'");
            }
        }
    }

    private ConnectomeInspection() {
    }

    /** Reads {@code file}, prints its summary (or JSON to standard output when {@code json} is "-"), writes JSON. */
    static int run(CommandSpec spec, Path file, Options options, Path json) throws IOException {
        ConnectomeOptions read = options.toOptions(spec);
        EdgeTypeMapping mapping = read.mapping();
        long start = System.nanoTime();
        Connectome connectome = Connectomes.read(file, read);
        double readMs = (System.nanoTime() - start) / 1e6;
        ConnectomeSummary summary = ConnectomeSummary.of(connectome);
        PrintWriter out = spec.commandLine().getOut();
        if (json != null && json.toString().equals("-")) {
            out.println(toJson(connectome, summary));
        } else {
            printText(out, connectome, summary, readMs, mapping);
            if (json != null) {
                Path parent = json.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(json, toJson(connectome, summary) + System.lineSeparator(), StandardCharsets.UTF_8);
                out.printf(Locale.ROOT, "wrote       %s%n", json);
            }
        }
        out.flush();
        return 0;
    }

    private static void printText(PrintWriter o, Connectome c, ConnectomeSummary s, double readMs,
                                  EdgeTypeMapping given) {
        o.printf(Locale.ROOT, "file        %s%n", c.source());
        o.printf(Locale.ROOT, "format      %s (connectome)%n", c.format());
        o.printf(Locale.ROOT, "nodes       %d%n", s.nodes());
        o.printf(Locale.ROOT, "edges       %d%n", s.edges());
        o.printf(Locale.ROOT, "weight      %s%n", SimulateCommand.number(s.weightSum()));
        o.printf(Locale.ROOT, "density     %s%n", SimulateCommand.number(s.density()));
        o.printf(Locale.ROOT, "out-degree  min %d, max %d, mean %s%n", s.outDegree().min(), s.outDegree().max(),
                SimulateCommand.number(s.outDegree().mean()));
        o.printf(Locale.ROOT, "in-degree   min %d, max %d, mean %s%n", s.inDegree().min(), s.inDegree().max(),
                SimulateCommand.number(s.inDegree().mean()));
        o.printf(Locale.ROOT, "reciprocity %s%n", SimulateCommand.number(s.reciprocity()));
        o.printf(Locale.ROOT, "self-loops  %d%n", s.selfLoops());
        if (!s.nodeTypes().isEmpty()) {
            o.printf(Locale.ROOT, "node types  %s%n", counts(s.nodeTypes()));
        }
        if (!s.rowTypes().isEmpty()) {
            EdgeTypeMapping mapping = given != null ? given : EdgeTypeMapping.auto(s.rowTypes().keySet());
            List<String> unused = s.rowTypes().keySet().stream().filter(t -> mapping.layerOf(t) < 0).toList();
            o.printf(Locale.ROOT, "row types   %s%n", counts(s.rowTypes()));
            o.printf(Locale.ROOT, "layers      %s%s%n", mapping, unused.isEmpty() ? ""
                    : " (rows of " + String.join(", ", unused) + " not used)");
        }
        List<String> attributes = new ArrayList<>(c.attributes().textNames());
        attributes.addAll(c.attributes().numberNames());
        if (!attributes.isEmpty()) {
            o.printf(Locale.ROOT, "attributes  %s%n", String.join(", ", attributes));
        }
        o.printf(Locale.ROOT, "read in     %s ms%n", SimulateCommand.number(Math.round(readMs * 10) / 10.0));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "edges", "weight", "density", "reciprocity", "self-loops"});
        for (ConnectomeSummary.LayerSummary l : s.layers()) {
            rows.add(new String[] {l.name() + (l.symmetric() ? " (undirected)" : ""), Long.toString(l.edges()),
                    SimulateCommand.number(l.weightSum()), SimulateCommand.number(l.density()),
                    SimulateCommand.number(l.reciprocity()), Long.toString(l.selfLoops())});
        }
        o.println();
        TextTable.print(o, rows, 1);
    }

    private static String counts(Map<String, ? extends Number> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The summary as the JSON that scripts read; field names are a stable interface. */
    static String toJson(Connectome c, ConnectomeSummary s) {
        JsonObject root = new JsonObject();
        root.addProperty("kind", "connectome");
        root.addProperty("format", c.format());
        root.addProperty("nodes", s.nodes());
        root.addProperty("edges", s.edges());
        root.addProperty("weightSum", s.weightSum());
        JsonObject edgeTypes = new JsonObject();
        s.edgeTypes().forEach(edgeTypes::addProperty);
        root.add("edgeTypes", edgeTypes);
        JsonObject nodeTypes = new JsonObject();
        s.nodeTypes().forEach(nodeTypes::addProperty);
        root.add("nodeTypes", nodeTypes);
        root.addProperty("density", s.density());
        root.add("outDegree", degree(s.outDegree()));
        root.add("inDegree", degree(s.inDegree()));
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root);
    }

    private static JsonObject degree(ConnectomeSummary.Degree d) {
        JsonObject o = new JsonObject();
        o.addProperty("min", d.min());
        o.addProperty("max", d.max());
        o.addProperty("mean", d.mean());
        return o;
    }
}
