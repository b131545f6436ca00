package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.data.connectome.ConnectomeOptions.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MATLAB files written by SciPy (v5) and h5py in MATLAB's v7.3 layout: matrices, sparse, cells, chars. */
class MatFilesTest {
    @TempDir
    Path dir;

    @Test
    void version5MatricesSparseCellsAndSkippedStructs() throws Exception {
        Path file = TestFiles.resource("fixtures/net_v5.mat");
        MatFiles.Contents contents = MatFiles.read(file);
        assertEquals("mat-v5", contents.format());
        assertEquals(List.of("meta (struct)"), contents.skipped());
        Connectome c = Connectomes.read(file);
        assertEquals(NpyFormatTest.NAMES, c.nodes(), "the cell array of names");
        NpyFormatTest.assertLayer(NpyFormatTest.A, c.layer("W"));
        NpyFormatTest.assertLayer(NpyFormatTest.G, c.layer("S"));
        assertEquals(List.of("inter", "inter", "inter", "sensory"), c.attributes().text("types"));
    }

    @Test
    void version73IsReadThroughJhdfWithMatlabsColumnMajorLayout() throws Exception {
        Path file = TestFiles.resource("fixtures/net_v73.mat");
        Connectome c = Connectomes.read(file);
        assertEquals("mat-v7.3", c.format());
        assertEquals(NpyFormatTest.NAMES, c.nodes());
        NpyFormatTest.assertLayer(NpyFormatTest.A, c.layer("W"));
        NpyFormatTest.assertLayer(NpyFormatTest.G, c.layer("S"));
        assertEquals(2.0, c.attributes().number("hier")[3]);
        Connectome post = Connectomes.read(file, ConnectomeOptions.DEFAULT.withRows(Rows.POST));
        assertEquals(NpyFormatTest.A[0][1], post.layer("W").weight(1, 0));
    }

    @Test
    void aLargeSparseMatrixIsNeverMadeDense() throws Exception {
        Connectome c = Connectomes.read(TestFiles.resource("fixtures/big_sparse_v5.mat"));
        assertEquals(50_000, c.nodeCount());
        EdgeLayer layer = c.layer("C");
        assertEquals(3, layer.edgeCount());
        assertEquals(3, layer.weight(0, 49_999));
        assertEquals(1, layer.weight(49_999, 0));
        assertEquals(2, layer.weight(17, 17));
    }

    @Test
    void notAMatFile() throws Exception {
        Path bad = dir.resolve("x.mat");
        Files.writeString(bad, "hello");
        ConnectomeException e = assertThrows(ConnectomeException.class, () -> Connectomes.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": not a MATLAB .mat file of version 5 or 7.3"), e.getMessage());
    }
}
