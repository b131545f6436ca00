package org.brainfx.engine.data.connectome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognizes an archive written by {@code scipy.sparse.save_npz} (entries {@code format},
 * {@code shape}, {@code data} and {@code indices}/{@code indptr} for CSR and CSC, {@code row}/{@code col}
 * for COO) and turns it into one sparse matrix named {@code weight}, as a large connectome is often
 * saved from Python.
 */
final class ScipySparseNpz {
    private static final Set<String> PARTS = Set.of("format", "shape", "data", "indices", "indptr", "row", "col");

    private ScipySparseNpz() {
    }

    /** {@code arrays} with a scipy sparse matrix's parts replaced by the matrix; other archives unchanged. */
    static List<NamedArray> combined(List<NamedArray> arrays, String where) throws ConnectomeException {
        Map<String, NamedArray> byName = new HashMap<>();
        for (NamedArray a : arrays) {
            byName.put(a.name(), a);
        }
        NamedArray format = byName.get("format");
        NamedArray shape = byName.get("shape");
        NamedArray data = byName.get("data");
        if (format == null || format.numeric() || format.texts().size() != 1 || shape == null || !shape.numeric()
                || shape.values().length != 2 || data == null || !data.numeric()) {
            return arrays;
        }
        int rows = (int) shape.values()[0];
        int cols = (int) shape.values()[1];
        double[] v = data.values();
        int[] r = new int[v.length];
        int[] c = new int[v.length];
        String kind = format.texts().get(0);
        switch (kind) {
            case "csr", "csc" -> {
                int[] indices = ints(byName.get("indices"), v.length, where, "indices");
                int[] indptr = ints(byName.get("indptr"), (kind.equals("csr") ? rows : cols) + 1, where, "indptr");
                for (int outer = 0; outer + 1 < indptr.length; outer++) {
                    for (int k = indptr[outer]; k < indptr[outer + 1]; k++) {
                        r[k] = kind.equals("csr") ? outer : indices[k];
                        c[k] = kind.equals("csr") ? indices[k] : outer;
                    }
                }
            }
            case "coo" -> {
                r = ints(byName.get("row"), v.length, where, "row");
                c = ints(byName.get("col"), v.length, where, "col");
            }
            default -> throw new ConnectomeException(where + ": a scipy.sparse '" + kind + "' matrix; save it as CSR,"
                    + " CSC or COO (scipy.sparse.save_npz(file, matrix.tocsr()))");
        }
        for (int k = 0; k < v.length; k++) {
            if (r[k] < 0 || r[k] >= rows || c[k] < 0 || c[k] >= cols) {
                throw new ConnectomeException(where + ": scipy.sparse entry " + k + " at (" + r[k] + ", " + c[k]
                        + ") lies outside its " + rows + " × " + cols + " shape; the archive is damaged");
            }
        }
        List<NamedArray> out = new ArrayList<>();
        out.add(NamedArray.sparse("weight", rows, cols, r, c, v, "scipy.sparse " + kind));
        for (NamedArray a : arrays) {
            if (!PARTS.contains(a.name())) {
                out.add(a);
            }
        }
        return out;
    }

    private static int[] ints(NamedArray array, int length, String where, String name) throws ConnectomeException {
        if (array == null || !array.numeric() || array.values().length != length) {
            throw new ConnectomeException(where + ": a scipy.sparse archive whose '" + name + "' is "
                    + (array == null ? "missing" : "not " + length + " numbers") + "; the archive is damaged");
        }
        int[] out = new int[length];
        for (int k = 0; k < length; k++) {
            out[k] = (int) array.values()[k];
        }
        return out;
    }
}
