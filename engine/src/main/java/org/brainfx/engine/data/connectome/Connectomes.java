package org.brainfx.engine.data.connectome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a connectome of any supported format: edge lists and adjacency matrices as text
 * (.csv, .tsv, .txt, …), NumPy .npy/.npz, MATLAB .mat (v5 and v7.3); then applies a node
 * attributes file if one is given.
 */
public final class Connectomes {
    private static final int SNIFF_ROWS = 2;
    /** Extensions of text tables that may hold a connectome; other files are never sniffed. */
    private static final List<String> TEXT_EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".tab", ".dat", ".ssv", ".adj",
            ".edges", ".edgelist", ".el");

    private Connectomes() {
    }

    /** Reads {@code file} with {@link ConnectomeOptions#DEFAULT}. */
    public static Connectome read(Path file) throws ConnectomeException {
        return read(file, ConnectomeOptions.DEFAULT);
    }

    /** Reads {@code file} as its extension and content say; fails naming the file, the place and the fix. */
    public static Connectome read(Path file, ConnectomeOptions options) throws ConnectomeException {
        if (!Files.isRegularFile(file)) {
            throw new ConnectomeException(file + ": no such file");
        }
        String name = lowerName(file);
        Connectome connectome;
        if (name.endsWith(".npy")) {
            NamedArray array = NpyFormat.read(bytes(file), file.toString(), "weight");
            if (!array.square()) {
                throw new ConnectomeException(file + ": holds a (" + array.shapeText() + ") array; an adjacency matrix is"
                        + " square (n × n, row = presynaptic node)");
            }
            connectome = ArrayConnectome.build(file.toString(), "npy", List.of(array), options);
        } else if (name.endsWith(".npz")) {
            connectome = ArrayConnectome.build(file.toString(), "npz",
                    ScipySparseNpz.combined(npz(file), file.toString()), options);
        } else if (name.endsWith(".mat")) {
            MatFiles.Contents contents = MatFiles.read(file);
            connectome = ArrayConnectome.build(file.toString(), contents.format(), contents.arrays(), options);
        } else {
            connectome = isMatrix(file, options.delimiter()) ? AdjacencyMatrixReader.read(file, options)
                    : EdgeListReader.read(file, options);
        }
        if (options.nodeAttributes() != null) {
            connectome = connectome.withAttributes(connectome.attributes()
                    .with(NodeAttributeReader.read(options.nodeAttributes(), connectome)));
        }
        return connectome;
    }

    /**
     * Whether {@code file} looks like a connectome rather than a recording: a .npy, .npz or .mat
     * file, or a text table (.csv, .tsv, .txt, …) whose header names pre and post columns, whose
     * first rows pair node names, or that is a square matrix. Reads only the first rows.
     */
    public static boolean recognizes(Path file) {
        String name = lowerName(file);
        if (name.endsWith(".npy") || name.endsWith(".npz") || name.endsWith(".mat")) {
            return true;
        }
        if (TEXT_EXTENSIONS.stream().noneMatch(name::endsWith)) {
            return false;
        }
        try {
            DelimitedText head = DelimitedText.read(file, SNIFF_ROWS);
            if (head.rows().isEmpty()) {
                return false;
            }
            if (EdgeListReader.hasEdgeListHeader(head)) {
                return true;
            }
            DelimitedText.Row probe = head.rows().get(head.rows().size() - 1);
            if (probe.size() >= 2 && !DelimitedText.isNumber(probe.cell(0)) && !DelimitedText.isNumber(probe.cell(1))) {
                return true;
            }
            int width = head.rows().get(0).size();
            DelimitedText rows = DelimitedText.read(file, width + 2);
            return AdjacencyMatrixReader.looksSquare(rows, rows.rows().size());
        } catch (ConnectomeException e) {
            return false;
        }
    }

    /**
     * A table is a matrix when its first data row is all numbers (after an optional label) and it
     * is too wide to be an edge list, or square; anything else is an edge list. Reads the first rows.
     */
    private static boolean isMatrix(Path file, Character delimiter) throws ConnectomeException {
        DelimitedText head = DelimitedText.read(file, SNIFF_ROWS, delimiter);
        List<DelimitedText.Row> rows = head.rows();
        if (rows.size() < 2 || EdgeListReader.hasEdgeListHeader(head)) {
            return false;
        }
        DelimitedText.Row data = rows.get(1);
        for (int c = 1; c < data.size(); c++) {
            if (!DelimitedText.isNumber(data.cell(c))) {
                return false;
            }
        }
        int width = data.size() - (DelimitedText.isNumber(data.cell(0)) ? 0 : 1);
        if (width >= 4) {
            return true;
        }
        // two or three numeric columns: an edge list of node numbers, unless it is a 2 × 2 or 3 × 3 matrix
        DelimitedText few = DelimitedText.read(file, width + 3, delimiter);
        return AdjacencyMatrixReader.looksSquare(few, few.rows().size());
    }

    /** The arrays of an .npz archive, named by entry without {@code .npy}. */
    static List<NamedArray> npz(Path file) throws ConnectomeException {
        List<NamedArray> arrays = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".npy")) {
                    continue;
                }
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
                arrays.add(NpyFormat.read(bytes, file + " (entry " + entry.getName() + ")", name));
            }
        } catch (java.util.zip.ZipException e) {
            throw new ConnectomeException(file + ": not a NumPy .npz archive (" + e.getMessage() + "); save it with"
                    + " numpy.savez", e);
        } catch (IOException e) {
            throw new ConnectomeException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return arrays;
    }

    static byte[] bytes(Path file) throws ConnectomeException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConnectomeException(file + ": no such file");
        } catch (IOException e) {
            throw new ConnectomeException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String lowerName(Path file) {
        return file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
