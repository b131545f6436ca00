package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node attributes from a second file: well-known columns, numbers or texts, and bad rows. */
class NodeAttributeReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Connectome wiring() throws Exception {
        return Connectomes.read(file("e.csv", "pre,post,weight\nAVAL,AVAR,1\nAVAR,DVA,2\n"));
    }

    @Test
    void wellKnownColumnsNumbersAndMissingNodes() throws Exception {
        Path nodes = file("nodes.tsv", "Neuron\tCell Type\tNT\tpos_x\ty\tz\tnote\nDVA\tsensory\tACh\t1\t2\t3\tx\n"
                + " AVAL \tinter\tGlu\t4\t\t6\t7\n");
        Connectome c = wiring().withAttributes(NodeAttributeReader.read(nodes, wiring()));
        NodeAttributes a = c.attributes();
        assertEquals(Arrays.asList("inter", null, "sensory"), a.text(NodeAttributes.TYPE));
        assertEquals("Glu", a.neurotransmitter(0));
        assertArrayEquals(new double[] {4, Double.NaN, 6}, a.position(0));
        assertNull(a.type(1), "AVAR has no row");
        assertEquals(Arrays.asList("7", null, "x"), a.text("note"), "a column with any text stays text");
    }

    @Test
    void badRowsNameFileLineAndFix() throws Exception {
        assertBad("name,type\nAVAL,inter\nRIML,motor\n", "line 3 names node 'RIML', which");
        assertBad("name,type\nAVAL,inter\nAVAL,motor\n", "line 3 repeats node 'AVAL' of line 2");
        assertBad("name,type\nAVAL\n", "line 2 has 1 fields, the header has 2");
        assertBad("AVAL,inter\nAVAR,inter\n", "line 1, the first row, names node 'AVAL'");
        assertBad("name,type,class\nAVAL,a,b\n", "line 1, column 3 ('class') repeats the attribute 'type'");
    }

    private void assertBad(String text, String expected) throws Exception {
        Path p = file("bad.csv", text);
        Connectome c = wiring();
        ConnectomeException e = assertThrows(ConnectomeException.class, () -> NodeAttributeReader.read(p, c));
        assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void binaryAttributesOfTheWrongLengthAreNamed() throws Exception {
        Connectome three = wiring();
        Path npz = TestFiles.resource("fixtures/net.npz");
        ConnectomeException e = assertThrows(ConnectomeException.class, () -> NodeAttributeReader.read(npz, three));
        assertTrue(e.getMessage().contains("no array of 3 entries (one per node)") && e.getMessage().contains("x (4"),
                e.getMessage());
    }
}
