package org.brainfx.engine.data.connectome;

import java.util.Arrays;
import java.util.List;

/**
 * One array read from a binary file (a .npy, an .npz entry, a MATLAB variable): numbers in
 * row-major order, or texts (a column of labels).
 *
 * @param name   the array's name in its file
 * @param shape  its dimensions (a 1-D array has one)
 * @param values numbers, row-major ({@code values[i * cols + j]}); null for texts
 * @param texts  texts in order; null for numbers
 * @param kind   what the file called the element type (for messages), e.g. {@code <f8} or {@code double}
 */
record NamedArray(String name, int[] shape, double[] values, List<String> texts, String kind) {

    static NamedArray numbers(String name, int[] shape, double[] values, String kind) {
        return new NamedArray(name, shape.clone(), values, null, kind);
    }

    static NamedArray texts(String name, List<String> texts, String kind) {
        return new NamedArray(name, new int[] {texts.size()}, null, List.copyOf(texts), kind);
    }

    boolean numeric() {
        return values != null;
    }

    /** Rows of a 2-D array (a 1-D array is one column). */
    int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Columns of a 2-D array (1 for a 1-D array). */
    int cols() {
        return shape.length < 2 ? 1 : shape[1];
    }

    /** Whether this is a square numeric matrix of at least 2 × 2. */
    boolean square() {
        return numeric() && shape.length == 2 && shape[0] == shape[1] && shape[0] >= 2;
    }

    /** Entries of a vector (n, n × 1 or 1 × n), or -1 for anything else. */
    int vectorLength() {
        if (shape.length == 1) {
            return shape[0];
        }
        if (shape.length == 2 && (shape[0] == 1 || shape[1] == 1)) {
            return shape[0] * shape[1];
        }
        return -1;
    }

    /** The shape as numpy prints it, with the element type. */
    String describe() {
        StringBuilder s = new StringBuilder(name).append(" (");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? " × " : "").append(shape[i]);
        }
        return s.append(' ').append(kind).append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedArray a && name.equals(a.name) && Arrays.equals(shape, a.shape)
                && Arrays.equals(values, a.values) && java.util.Objects.equals(texts, a.texts);
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
