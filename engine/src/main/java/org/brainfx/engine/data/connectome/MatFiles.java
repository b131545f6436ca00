package org.brainfx.engine.data.connectome;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sparse;

/**
 * Reads the variables of a MATLAB {@code .mat} file that a connectome can use: numeric and
 * logical matrices (dense or sparse), char arrays and cell arrays of char (labels). Version 5
 * files go through MFL (mfl-core), version 7.3 files (HDF5) through jHDF. Structs, objects
 * (such as a {@code containers.Map}), function handles and complex matrices are skipped and named.
 */
final class MatFiles {
    private static final Set<String> NUMERIC_CLASSES = Set.of("double", "single", "int8", "uint8", "int16", "uint16",
            "int32", "uint32", "int64", "uint64", "logical");

    private MatFiles() {
    }

    /**
     * What a .mat file holds.
     *
     * @param format  {@code mat-v5} or {@code mat-v7.3}
     * @param arrays  the usable variables, in file order
     * @param skipped the variables left out, each with its kind
     */
    record Contents(String format, List<NamedArray> arrays, List<String> skipped) { }

    static Contents read(Path file) throws ConnectomeException {
        byte[] head = new byte[128];
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            got = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new ConnectomeException(file + ": no such file");
        } catch (IOException e) {
            throw new ConnectomeException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        String text = new String(head, 0, got, StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3") || text.startsWith("\u0089HDF")) {
            return readV73(file);
        }
        if (text.startsWith("MATLAB 5.0") || got == 128 && (head[126] == 'I' || head[126] == 'M')) {
            return readV5(file);
        }
        throw new ConnectomeException(file + ": not a MATLAB .mat file of version 5 or 7.3 (a version 4 file? save it"
                + " again in MATLAB with save(..., '-v7') or '-v7.3')");
    }

    private static Contents readV5(Path file) throws ConnectomeException {
        List<NamedArray> arrays = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            for (MatFile.Entry entry : mat.getEntries()) {
                String name = entry.getName();
                us.hebi.matlab.mat.types.Array value = entry.getValue();
                int[] dims = value.getDimensions();
                if (value instanceof Sparse sparse) {
                    arrays.add(sparse(name, sparse));
                } else if (value instanceof Matrix m && !m.isComplex() && dims.length == 2) {
                    arrays.add(dense(name, m));
                } else if (value instanceof Char c) {
                    arrays.add(NamedArray.texts(name, rows(c), "char"));
                } else if (value instanceof Cell cell && allChar(cell)) {
                    List<String> texts = new ArrayList<>();
                    for (int k = 0; k < cell.getNumElements(); k++) {
                        texts.add(((Char) cell.get(k)).getString().strip());
                    }
                    arrays.add(NamedArray.texts(name, texts, "cell"));
                } else {
                    skipped.add(name + " (" + value.getType() + (value instanceof Matrix m && m.isComplex() ? ", complex"
                            : "") + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ConnectomeException(file + ": not a readable MATLAB v5 .mat file (" + e.getMessage() + ")", e);
        }
        return new Contents("mat-v5", arrays, skipped);
    }

    private static boolean allChar(Cell cell) {
        for (int k = 0; k < cell.getNumElements(); k++) {
            if (!(cell.get(k) instanceof Char)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> rows(Char c) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < c.getNumRows(); i++) {
            texts.add(c.getRow(i).strip());
        }
        return texts;
    }

    private static NamedArray dense(String name, Matrix m) {
        int rows = m.getNumRows();
        int cols = m.getNumCols();
        double[] values = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                values[i * cols + j] = m.getDouble(i, j);
            }
        }
        return NamedArray.numbers(name, new int[] {rows, cols}, values, m.getType().toString());
    }

    private static NamedArray sparse(String name, Sparse s) {
        int count = s.getNumNonZero();
        int[] r = new int[count];
        int[] c = new int[count];
        double[] v = new double[count];
        int[] k = {0};
        s.forEach((i, j, real, imaginary) -> {
            r[k[0]] = i;
            c[k[0]] = j;
            v[k[0]++] = real;
        });
        return NamedArray.sparse(name, s.getNumRows(), s.getNumCols(), Arrays.copyOf(r, k[0]), Arrays.copyOf(c, k[0]),
                Arrays.copyOf(v, k[0]), "sparse " + s.getType());
    }

    private static Contents readV73(Path file) throws ConnectomeException {
        List<NamedArray> arrays = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (HdfFile hdf = new HdfFile(file)) {
            for (Node node : hdf) {
                String name = node.getName();
                if (name.startsWith("#")) {
                    continue;
                }
                String matlabClass = text(node.getAttribute("MATLAB_class"));
                Attribute empty = node.getAttribute("MATLAB_empty");
                if (matlabClass == null || (empty != null && number(empty.getData()) != 0)) {
                    skipped.add(name + " (" + (matlabClass == null ? "no MATLAB class" : "empty") + ")");
                } else if (node instanceof Group g && g.getAttribute("MATLAB_sparse") != null) {
                    arrays.add(sparse73(name, g, matlabClass));
                } else if (node instanceof Dataset d && NUMERIC_CLASSES.contains(matlabClass)
                        && d.getDimensions().length == 2 && !d.isCompound()) {
                    arrays.add(dense73(name, d, matlabClass));
                } else if (node instanceof Dataset d && matlabClass.equals("char")) {
                    arrays.add(NamedArray.texts(name, chars73(d), "char"));
                } else if (node instanceof Dataset d && matlabClass.equals("cell") && cellOfChar73(hdf, d)) {
                    List<String> texts = new ArrayList<>();
                    for (long address : (long[]) d.getDataFlat()) {
                        texts.add(String.join("", chars73((Dataset) hdf.getNodeByAddress(address))));
                    }
                    arrays.add(NamedArray.texts(name, texts, "cell"));
                } else {
                    skipped.add(name + " (" + matlabClass + ")");
                }
            }
        } catch (RuntimeException e) {
            throw new ConnectomeException(file + ": not a readable MATLAB v7.3 (HDF5) .mat file (" + e.getMessage()
                    + ")", e);
        }
        return new Contents("mat-v7.3", arrays, skipped);
    }

    /** MATLAB stores column-major, so HDF5 sees the transpose: MATLAB (i, j) is flat[j * rows + i]. */
    private static NamedArray dense73(String name, Dataset d, String matlabClass) {
        int[] hdfDims = d.getDimensions();
        int rows = hdfDims[1];
        int cols = hdfDims[0];
        Object flat = d.getDataFlat();
        double[] values = new double[rows * cols];
        if (flat instanceof double[] doubles) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    values[i * cols + j] = doubles[j * rows + i];
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    values[i * cols + j] = element(flat, j * rows + i);
                }
            }
        }
        return NamedArray.numbers(name, new int[] {rows, cols}, values, matlabClass);
    }

    private static NamedArray sparse73(String name, Group g, String matlabClass) {
        int rows = (int) number(g.getAttribute("MATLAB_sparse").getData());
        Object jc = ((Dataset) g.getChild("jc")).getDataFlat();
        int cols = Array.getLength(jc) - 1;
        Node irNode = g.getChild("ir");
        Node dataNode = g.getChild("data");
        Object ir = irNode == null ? new long[0] : ((Dataset) irNode).getDataFlat();
        Object data = dataNode == null ? null : ((Dataset) dataNode).getDataFlat();
        int count = Array.getLength(ir);
        int[] r = new int[count];
        int[] c = new int[count];
        double[] v = new double[count];
        for (int j = 0; j < cols; j++) {
            for (int k = (int) element(jc, j); k < (int) element(jc, j + 1); k++) {
                r[k] = (int) element(ir, k);
                c[k] = j;
                v[k] = data == null ? 1 : element(data, k);
            }
        }
        return NamedArray.sparse(name, rows, cols, r, c, v, "sparse " + matlabClass);
    }

    private static boolean cellOfChar73(HdfFile hdf, Dataset d) {
        if (!(d.getDataFlat() instanceof long[] addresses)) {
            return false;
        }
        for (long address : addresses) {
            Node target = hdf.getNodeByAddress(address);
            if (!(target instanceof Dataset) || !"char".equals(text(target.getAttribute("MATLAB_class")))) {
                return false;
            }
        }
        return true;
    }

    /** The rows of a MATLAB char matrix (HDF5 dims are (columns, rows); one string per row). */
    private static List<String> chars73(Dataset d) {
        int[] hdfDims = d.getDimensions();
        int rows = hdfDims.length < 2 ? 1 : hdfDims[1];
        int cols = hdfDims.length == 0 ? 1 : hdfDims[0];
        Object flat = d.getDataFlat();
        List<String> texts = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            StringBuilder s = new StringBuilder(cols);
            for (int j = 0; j < cols; j++) {
                s.append((char) element(flat, j * rows + i));
            }
            texts.add(s.toString().strip());
        }
        return texts;
    }

    private static double element(Object flat, int k) {
        Object v = Array.get(flat, k);
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).doubleValue();
    }

    private static double number(Object data) {
        return data.getClass().isArray() ? element(data, 0) : ((Number) data).doubleValue();
    }

    private static String text(Attribute attribute) {
        if (attribute == null) {
            return null;
        }
        Object data = attribute.getData();
        return data instanceof String s ? s : data.getClass().isArray() ? String.valueOf(Array.get(data, 0)) : null;
    }
}
