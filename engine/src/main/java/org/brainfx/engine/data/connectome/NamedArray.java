package org.brainfx.engine.data.connectome;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One array read from a binary file (a .npy, an .npz entry, a MATLAB variable): numbers, dense
 * in row-major order or sparse as (row, column, value) triplets, or texts (a column of labels).
 *
 * @param name       the array's name in its file
 * @param shape      its dimensions (a 1-D array has one)
 * @param values     dense: every element, row-major ({@code values[i * cols + j]}); sparse: the non-zero
 *                   values; null for texts
 * @param sparseRows sparse: the row of each value; null when dense
 * @param sparseCols sparse: the column of each value; null when dense
 * @param texts      texts in order; null for numbers
 * @param kind       what the file called the element type (for messages), e.g. {@code <f8} or {@code double}
 */
record NamedArray(String name, int[] shape, double[] values, int[] sparseRows, int[] sparseCols, List<String> texts,
                  String kind) {

    static NamedArray numbers(String name, int[] shape, double[] values, String kind) {
        return new NamedArray(name, shape.clone(), values, null, null, null, kind);
    }

    /** A 2-D sparse matrix; a large sparse connectome never becomes dense. */
    static NamedArray sparse(String name, int rows, int cols, int[] r, int[] c, double[] v, String kind) {
        return new NamedArray(name, new int[] {rows, cols}, v, r, c, null, kind);
    }

    static NamedArray texts(String name, List<String> texts, String kind) {
        return new NamedArray(name, new int[] {texts.size()}, null, null, null, List.copyOf(texts), kind);
    }

    boolean numeric() {
        return values != null;
    }

    boolean sparse() {
        return sparseRows != null;
    }

    /** Rows of a 2-D array (a 1-D array is one column). */
    int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Whether this is a square numeric matrix of at least 2 × 2. */
    boolean square() {
        return numeric() && shape.length == 2 && shape[0] == shape[1] && shape[0] >= 2;
    }

    /** Entries of a numeric vector (n, n × 1 or 1 × n), or -1 for anything else. */
    int vectorLength() {
        if (shape.length == 1) {
            return shape[0];
        }
        if (shape.length == 2 && (shape[0] == 1 || shape[1] == 1)) {
            return shape[0] * shape[1];
        }
        return -1;
    }

    /** The entries of a numeric vector, zeros included. */
    double[] vector() {
        if (!sparse()) {
            return values.clone();
        }
        double[] v = new double[vectorLength()];
        for (int k = 0; k < values.length; k++) {
            v[sparseRows[k] + sparseCols[k]] = values[k];
        }
        return v;
    }

    /** The dimensions as numpy prints them, e.g. {@code 3 × 4}, with the element type. */
    String shapeText() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? " × " : "").append(shape[i]);
        }
        return s.append(' ').append(kind).toString();
    }

    /** Name, dimensions and element type, for messages. */
    String describe() {
        return name + " (" + shapeText() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedArray a && name.equals(a.name) && Arrays.equals(shape, a.shape)
                && Arrays.equals(values, a.values) && Arrays.equals(sparseRows, a.sparseRows)
                && Arrays.equals(sparseCols, a.sparseCols) && Objects.equals(texts, a.texts);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return describe();
    }
}
