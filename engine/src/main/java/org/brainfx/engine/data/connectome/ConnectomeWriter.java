package org.brainfx.engine.data.connectome;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a connectome's wiring out in forms the readers take back unchanged: an edge list
 * ({@code pre,post,weight,type}, the type being the layer's name) with a labels file for the node
 * order, a node attributes table, one layer as a {@code .npy} matrix, or everything as an
 * {@code .npz} archive ({@code nodes}, one matrix per layer, one vector per attribute). Weights
 * are written so that they read back bit for bit.
 */
public final class ConnectomeWriter {

    private ConnectomeWriter() {
    }

    /**
     * Writes every layer's entries as rows {@code pre,post,weight,type} (both directions of a
     * symmetric layer, as stored); reading it back needs {@link #mapping} for symmetric layers and
     * the labels file for the node order and nodes without edges.
     */
    public static void writeEdgeList(Connectome connectome, Path file) throws IOException {
        try (Writer out = writer(file)) {
            out.write("pre,post,weight,type\n");
            List<String> nodes = connectome.nodes();
            StringBuilder line = new StringBuilder();
            for (EdgeLayer layer : connectome.layers()) {
                String type = cell(layer.name());
                for (int i = 0; i < layer.nodeCount(); i++) {
                    for (int k = layer.rowStart(i); k < layer.rowStart(i + 1); k++) {
                        line.setLength(0);
                        line.append(cell(nodes.get(i))).append(',').append(cell(nodes.get(layer.post(k)))).append(',')
                                .append(number(layer.weight(k))).append(',').append(type).append('\n');
                        out.write(line.toString());
                    }
                }
            }
        }
    }

    /** The mapping that reads an edge list written by {@link #writeEdgeList} back into the same layers. */
    public static EdgeTypeMapping mapping(Connectome connectome) {
        List<EdgeTypeMapping.Layer> layers = new ArrayList<>();
        for (EdgeLayer layer : connectome.layers()) {
            layers.add(new EdgeTypeMapping.Layer(layer.name(), List.of(layer.name()), layer.symmetric()));
        }
        return new EdgeTypeMapping(layers);
    }

    /** Writes the node names, one per line, in node order. */
    public static void writeLabels(List<String> nodes, Path file) throws IOException {
        try (Writer out = writer(file)) {
            for (String node : nodes) {
                if (node.isBlank() || node.contains("\n")) {
                    throw new IOException(file + ": node name '" + node + "' cannot be written one per line");
                }
                out.write(node + "\n");
            }
        }
    }

    /** Writes the node attributes as a table: {@code name} and one column per attribute (empty = none). */
    public static void writeNodeAttributes(Connectome connectome, Path file) throws IOException {
        NodeAttributes a = connectome.attributes();
        try (Writer out = writer(file)) {
            List<String> header = new ArrayList<>(List.of("name"));
            header.addAll(a.textNames());
            header.addAll(a.numberNames());
            out.write(String.join(",", header.stream().map(ConnectomeWriter::cell).toList()) + "\n");
            List<double[]> numbers = new ArrayList<>();
            for (String name : a.numberNames()) {
                numbers.add(a.number(name));
            }
            for (int i = 0; i < connectome.nodeCount(); i++) {
                StringBuilder line = new StringBuilder(cell(connectome.nodes().get(i)));
                for (String name : a.textNames()) {
                    String v = a.text(name).get(i);
                    line.append(',').append(v == null ? "" : cell(v));
                }
                for (double[] column : numbers) {
                    line.append(',').append(Double.isNaN(column[i]) ? "" : number(column[i]));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    /** Writes one layer as a dense {@code <f8} matrix, row = presynaptic. */
    public static void writeNpy(EdgeLayer layer, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            NpyFormat.writeMatrix(out, layer.nodeCount(), layer.nodeCount(), rowMajor(layer));
        }
    }

    /**
     * Writes nodes, layers and attributes as an {@code .npz} archive: {@code nodes.npy} (text),
     * one {@code <layer>.npy} matrix per layer, one vector per attribute (text attributes with an
     * empty text for a node without one).
     */
    public static void writeNpz(Connectome connectome, Path file) throws IOException {
        NodeAttributes a = connectome.attributes();
        Set<String> used = new HashSet<>(Set.of("nodes"));
        for (EdgeLayer layer : connectome.layers()) {
            unique(used, layer.name(), file);
        }
        for (String name : a.textNames()) {
            unique(used, name, file);
        }
        for (String name : a.numberNames()) {
            unique(used, name, file);
        }
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            zip.putNextEntry(new ZipEntry("nodes.npy"));
            NpyFormat.writeTexts(zip, connectome.nodes());
            zip.closeEntry();
            for (EdgeLayer layer : connectome.layers()) {
                zip.putNextEntry(new ZipEntry(layer.name() + ".npy"));
                NpyFormat.writeMatrix(zip, layer.nodeCount(), layer.nodeCount(), rowMajor(layer));
                zip.closeEntry();
            }
            for (String name : a.textNames()) {
                zip.putNextEntry(new ZipEntry(name + ".npy"));
                NpyFormat.writeTexts(zip, a.text(name).stream().map(v -> v == null ? "" : v).toList());
                zip.closeEntry();
            }
            for (String name : a.numberNames()) {
                double[] column = a.number(name);
                zip.putNextEntry(new ZipEntry(name + ".npy"));
                NpyFormat.writeMatrix(zip, column.length, 1, column);
                zip.closeEntry();
            }
        }
    }

    private static void unique(Set<String> used, String name, Path file) throws IOException {
        if (!used.add(name)) {
            throw new IOException(file + ": two arrays would be named '" + name + "' (a layer, an attribute or"
                    + " 'nodes'); rename one before writing");
        }
    }

    private static double[] rowMajor(EdgeLayer layer) {
        int n = layer.nodeCount();
        double[] values = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = layer.rowStart(i); k < layer.rowStart(i + 1); k++) {
                values[i * n + layer.post(k)] = layer.weight(k);
            }
        }
        return values;
    }

    private static Writer writer(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** A whole number without a fraction, anything else in Java's shortest round-trip form. */
    static String number(double w) {
        return w == Math.rint(w) && Math.abs(w) < 1e15 ? Long.toString((long) w) : Double.toString(w);
    }

    private static String cell(String text) {
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || !text.equals(text.strip())) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
