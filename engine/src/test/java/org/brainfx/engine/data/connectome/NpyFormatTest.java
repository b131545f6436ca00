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
    void halfPrecisionDecodesSubnormalsAndSpecials() {
        assertEquals(1.0, NpyFormat.half((short) 0x3C00));
        assertEquals(-2.0, NpyFormat.half((short) 0xC000));
        assertEquals(65504.0, NpyFormat.half((short) 0x7BFF));
        assertEquals(0x1p-24, NpyFormat.half((short) 0x0001));
        assertEquals(Double.POSITIVE_INFINITY, NpyFormat.half((short) 0x7C00));
        assertTrue(Double.isNaN(NpyFormat.half((short) 0x7E00)));
    }
}
