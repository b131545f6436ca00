package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written .npy/.npz reader against files NumPy wrote (fixtures/make_fixtures.py), and its writer. */
class NpyFormatTest {
    /** The fixtures' matrix: A[i][j] = (4i + j) mod 5. */
    static final double[][] A = {{0, 1, 2, 3}, {4, 0, 1, 2}, {3, 4, 0, 1}, {2, 3, 4, 0}};
    static final double[][] G = {{0, 2, 0, 0}, {2, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}};
    static final List<String> NAMES = List.of("AVAL", "AVAR", "PVCL", "DVA");

    @TempDir
    Path dir;

    static void assertLayer(double[][] expected, EdgeLayer layer) {
        double[][] got = layer.toDense();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got[i], layer.name() + " row " + i);
        }
    }

    @Test
    void everyDtypeByteOrderAndElementOrderReadsTheSameMatrix() throws Exception {
        for (String name : List.of("a_f8_c", "a_f8_fortran", "a_i2_big", "a_f4_fortran_big", "a_u1", "a_u8", "a_i8",
                "a_f2", "a_f8_v2", "a_f8_v3")) {
            Connectome c = Connectomes.read(TestFiles.resource("fixtures/" + name + ".npy"));
            assertEquals("npy", c.format());
            assertLayer(A, c.layer("weight"));
        }
        double[][] binary = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                binary[i][j] = A[i][j] != 0 ? 1 : 0;
            }
        }
        assertLayer(binary, Connectomes.read(TestFiles.resource("fixtures/a_bool.npy")).layer("weight"));
    }

    @Test
    void npzNamesLayersAndAttributes() throws Exception {
        // net_compressed.npz: deflated entries, big-endian text ('>U8') and int32 ('>i4')
        for (String name : List.of("net.npz", "net_compressed.npz")) {
            Connectome c = Connectomes.read(TestFiles.resource("fixtures/" + name));
            assertEquals("npz", c.format());
            assertEquals(NAMES, c.nodes());
            assertLayer(A, c.layer("chemical"));
        }
        Connectome c = Connectomes.read(TestFiles.resource("fixtures/net.npz"));
        assertLayer(G, c.layer("electrical"));
        assertEquals("sensory", c.attributes().type(3));
        assertArrayEquals(new double[] {1.5, 2.5, -3.0, 0.0}, c.attributes().number("x"));
        assertArrayEquals(new double[] {2.5, Double.NaN, Double.NaN}, c.attributes().position(1));
    }

    @Test
    void scipySparseArchivesInEveryFormatReadAsOneMatrix() throws Exception {
        for (String name : List.of("a_scipy_csr", "a_scipy_csc", "a_scipy_coo")) {
            Connectome c = Connectomes.read(TestFiles.resource("fixtures/" + name + ".npz"));
            assertEquals(List.of("weight"), c.layers().stream().map(EdgeLayer::name).toList(), name);
            assertLayer(A, c.layer("weight"));
        }
    }

    @Test
    void badArraysAreRefusedWithTheReason() throws Exception {
        Path objects = TestFiles.resource("fixtures/objects.npy");
        ConnectomeException e = assertThrows(ConnectomeException.class, () -> Connectomes.read(objects));
        assertTrue(e.getMessage().contains("pickled Python objects"), e.getMessage());
        Path notSquare = TestFiles.resource("fixtures/not_square.npy");
        e = assertThrows(ConnectomeException.class, () -> Connectomes.read(notSquare));
        assertTrue(e.getMessage().contains("(3 × 4 <f8) array; an adjacency matrix is square"), e.getMessage());
        byte[] whole = Files.readAllBytes(TestFiles.resource("fixtures/a_f8_c.npy"));
        Path truncated = dir.resolve("t.npy");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 8));
        e = assertThrows(ConnectomeException.class, () -> Connectomes.read(truncated));
        assertTrue(e.getMessage().contains("the data is truncated"), e.getMessage());
        Path text = dir.resolve("x.npy");
        Files.writeString(text, "0 1\n1 0\n");
        e = assertThrows(ConnectomeException.class, () -> Connectomes.read(text));
        assertTrue(e.getMessage().contains("not a NumPy .npy array"), e.getMessage());
        Path nan = dir.resolve("nan.npy");
        try (var out = Files.newOutputStream(nan)) {
            NpyFormat.writeMatrix(out, 2, 2, new double[] {0, Double.NaN, 1, 0});
        }
        e = assertThrows(ConnectomeException.class, () -> Connectomes.read(nan));
        assertTrue(e.getMessage().contains("weight(1, 2): NaN is not a finite number"), e.getMessage());
    }

    @Test
    void writtenFilesHaveNumpysAlignedHeaderAndReadBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double[] values = {0, 1.0 / 3, -2e-300, 7};
        NpyFormat.writeMatrix(out, 2, 2, values);
        byte[] bytes = out.toByteArray();
        int headerEnd = 10 + ((bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
        assertEquals(0, headerEnd % 64, "numpy aligns the data to 64 bytes");
        assertEquals('\n', bytes[headerEnd - 1]);
        NamedArray back = NpyFormat.read(bytes, "memory", "m");
        assertArrayEquals(new int[] {2, 2}, back.shape());
        double[] dense = new double[4];
        for (int k = 0; k < back.values().length; k++) {
            dense[back.sparseRows()[k] * 2 + back.sparseCols()[k]] = back.values()[k];
        }
        assertArrayEquals(values, dense, "a matrix comes back as its non-zero entries");
        assertEquals(3, back.values().length);
        out.reset();
        NpyFormat.writeTexts(out, List.of("AVAL", "Kenyon cell", "µ"));
        assertEquals(List.of("AVAL", "Kenyon cell", "µ"), NpyFormat.read(out.toByteArray(), "memory", "t").texts());
    }

    @Test
    void arraysOfAnyShapeAndElementTypeReadBack() throws Exception {
        double[] cube = new double[2 * 3 * 4];
        for (int k = 0; k < cube.length; k++) {
            cube[k] = k % 5 == 0 ? 0 : k / 3.0;
        }
        Path f4 = dir.resolve("cube.npy");
        try (var out = Files.newOutputStream(f4)) {
            NpyFormat.writeArray(out, NpyFormat.Element.FLOAT32, new int[] {2, 3, 4}, cube);
        }
        double[] back = NpyFormat.readDense(f4, 2, 3, 4);
        for (int k = 0; k < cube.length; k++) {
            assertEquals((float) cube[k], back[k], "element " + k + " rounds to float");
        }
        assertTrue(new String(Files.readAllBytes(f4), 0, 128, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }"));
        Path i4 = dir.resolve("labels.npy");
        try (var out = Files.newOutputStream(i4)) {
            NpyFormat.writeArray(out, NpyFormat.Element.INT32, new int[] {3}, new double[] {1, -7, 2147483647});
        }
        assertArrayEquals(new double[] {1, -7, 2147483647}, NpyFormat.readDense(i4, 3));
        Path u1 = dir.resolve("mask.npy");
        try (var out = Files.newOutputStream(u1)) {
            NpyFormat.writeArray(out, NpyFormat.Element.UINT8, new int[] {4}, new double[] {0, 1, 255, 1});
        }
        assertArrayEquals(new double[] {0, 1, 255, 1}, NpyFormat.readDense(u1, 4));
        Path f8 = dir.resolve("matrix.npy");
        try (var out = Files.newOutputStream(f8)) {
            NpyFormat.writeArray(out, NpyFormat.Element.FLOAT64, new int[] {2, 2}, new double[] {0, 0.1, 0, -3});
        }
        assertArrayEquals(new double[] {0, 0.1, 0, -3}, NpyFormat.readDense(f8, 2, 2), "a 2-D array comes back dense");
    }

    @Test
    void valuesATypeCannotHoldAndWrongShapesAreRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyFormat.writeArray(out,
                NpyFormat.Element.INT32, new int[] {2}, new double[] {1, 0.5}));
        assertTrue(e.getMessage().contains("value 0.5 at flat index 1 is not a whole number"), e.getMessage());
        assertEquals(0, out.size(), "nothing is written for a refused array");
        e = assertThrows(IllegalArgumentException.class, () -> NpyFormat.writeArray(out, NpyFormat.Element.UINT8,
                new int[] {1}, new double[] {256}));
        assertTrue(e.getMessage().contains("from 0 to 255"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NpyFormat.writeArray(out, NpyFormat.Element.FLOAT32,
                new int[] {2, 2}, new double[3]));
        assertTrue(e.getMessage().contains("3 values for an array of shape (2, 2)"), e.getMessage());
        Path f = dir.resolve("w.npy");
        try (var file = Files.newOutputStream(f)) {
            NpyFormat.writeArray(file, NpyFormat.Element.FLOAT32, new int[] {2, 3}, new double[6]);
        }
        ConnectomeException c = assertThrows(ConnectomeException.class, () -> NpyFormat.readDense(f, 3, 2));
        assertTrue(c.getMessage().endsWith("w.npy: shape [2, 3], expected [3, 2]"), c.getMessage());
    }

    @Test
    void halfPrecisionDecodesSubnormalsAndSpecials() {
        assertEquals(1.0, NpyFormat.half((short) 0x3C00));
        assertEquals(-2.0, NpyFormat.half((short) 0xC000));
        assertEquals(65504.0, NpyFormat.half((short) 0x7BFF));
        assertEquals(0x1p-24, NpyFormat.half((short) 0x0001));
        assertEquals(Double.POSITIVE_INFINITY, NpyFormat.half((short) 0x7C00));
        assertTrue(Double.isNaN(NpyFormat.half((short) 0x7E00)));
    }
}
