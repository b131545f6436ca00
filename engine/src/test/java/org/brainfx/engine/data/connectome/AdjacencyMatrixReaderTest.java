package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.data.connectome.ConnectomeOptions.Rows;
import org.brainfx.engine.data.connectome.ConnectomeOptions.SelfLoops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adjacency matrices as text: labels or none, labels files, orientation, and every kind of bad input. */
class AdjacencyMatrixReaderTest {
    private static final double[][] A = {{0, 1, 2}, {4, 0, 1}, {3, 4, 5}};

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertMatrix(double[][] expected, Connectome c) {
        double[][] got = c.layers().get(0).toDense();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got[i], "row " + i);
        }
    }

    @Test
    void plainMatrixInEverySeparator() throws Exception {
        for (String sep : List.of(" ", ",", "\t", ";")) {
            Path p = file("m.txt", "0" + sep + "1" + sep + "2\n4" + sep + "0" + sep + "1\n3" + sep + "4" + sep + "5\n");
            Connectome c = Connectomes.read(p);
            assertEquals("adjacency-matrix", c.format());
            assertEquals(List.of("0", "1", "2"), c.nodes());
            assertMatrix(A, c);
        }
    }

    @Test
    void labelRowAndColumnInAnotherOrderAreMatched() throws Exception {
        Connectome c = Connectomes.read(file("m.csv", ",a,b,c\nb,4,0,1\na,0,1,2\nc,3,4,5\n"));
        assertEquals(List.of("b", "a", "c"), c.nodes());
        assertEquals(1, c.layers().get(0).weight(c.indexOf("a"), c.indexOf("b")));
        assertEquals(4, c.layers().get(0).weight(c.indexOf("b"), c.indexOf("a")));
        Connectome pandas = Connectomes.read(file("p.csv", ",10,20,30\n10,0.0,1.0,2.0\n20,4.0,0.0,1.0\n30,3.0,4.0,5.0\n"));
        assertEquals(List.of("10", "20", "30"), pandas.nodes(), "pandas' to_csv of numbered nodes");
        assertMatrix(A, pandas);
        Connectome headerOnly = Connectomes.read(file("h.csv", "a,b,c\n0,1,2\n4,0,1\n3,4,5\n"));
        assertEquals(List.of("a", "b", "c"), headerOnly.nodes());
        assertMatrix(A, headerOnly);
    }

    @Test
    void rowsArePostsynapticWhenToldOrWhenTheCornerSaysSo() throws Exception {
        Connectome told = Connectomes.read(file("m.txt", "0 1 2\n4 0 1\n3 4 5\n"),
                ConnectomeOptions.DEFAULT.withRows(Rows.POST));
        assertEquals(1, told.layers().get(0).weight(1, 0));
        Connectome corner = Connectomes.read(file("c.csv", "post\\pre,a,b\na,0,7\nb,0,0\n"));
        assertEquals(7, corner.layers().get(0).weight(1, 0), "b -> a");
        Connectome dropped = Connectomes.read(file("m2.txt", "0 1 2\n4 0 1\n3 4 5\n"),
                ConnectomeOptions.DEFAULT.withSelfLoops(SelfLoops.DROP));
        assertEquals(0, dropped.layers().get(0).weight(2, 2));
    }

    @Test
    void labelsFileNamesTypesAndReorders() throws Exception {
        Path m = file("m.txt", "0 1 2\n4 0 1\n3 4 5\n");
        Connectome named = Connectomes.read(m, ConnectomeOptions.DEFAULT.withLabels(file("n.txt", "x\ny\n z \n")));
        assertEquals(List.of("x", "y", "z"), named.nodes());
        Connectome typed = Connectomes.read(m, ConnectomeOptions.DEFAULT.withLabels(file("t.txt", "K\nK\nP\n")));
        assertEquals(List.of("K1", "K2", "P1"), typed.nodes());
        assertEquals("P", typed.attributes().type(2));
        Path labelled = file("l.csv", ",a,b,c\na,0,1,2\nb,4,0,1\nc,3,4,5\n");
        Connectome reordered = Connectomes.read(labelled, ConnectomeOptions.DEFAULT.withLabels(file("o.txt", "c\na\nb\n")));
        assertEquals(List.of("c", "a", "b"), reordered.nodes());
        assertEquals(1, reordered.layers().get(0).weight(1, 2), "a -> b");
        assertEquals(5, reordered.layers().get(0).weight(0, 0), "c -> c");
    }

    @Test
    void badLabelsFiles() throws Exception {
        Path m = file("m.txt", "0 1 2\n4 0 1\n3 4 5\n");
        ConnectomeException wrongLength = assertThrows(ConnectomeException.class, () -> Connectomes.read(m,
                ConnectomeOptions.DEFAULT.withLabels(file("two.txt", "a\nb\n"))));
        assertTrue(wrongLength.getMessage().contains("two.txt: 2 labels, but " + m + " has 3 nodes"),
                wrongLength.getMessage());
        Path labelled = file("l.csv", ",a,b,c\na,0,1,2\nb,4,0,1\nc,3,4,5\n");
        ConnectomeException unknown = assertThrows(ConnectomeException.class, () -> Connectomes.read(labelled,
                ConnectomeOptions.DEFAULT.withLabels(file("u.txt", "a\nb\nd\n"))));
        assertTrue(unknown.getMessage().contains("u.txt: line 3 names 'd', which " + labelled + " does not have"),
                unknown.getMessage());
    }

    @Test
    void badMatricesNameFileLineAndFix() throws Exception {
        assertBad("0 1 2\n4 0\n3 4 5\n", "line 2 has 2 fields, line 1 has 3");
        assertBad("0 1 2 3\n4 0 1 2\n3 4 5 6\n4 4 4 4\n5 5 5 5\n", "5 rows and 4 columns of numbers (line 5 is row 5 of a"
                + " matrix 4 wide); an adjacency matrix is square");
        assertBad("# counts\n0 1 2\n4 0 1\n", "2 rows and 3 columns of numbers (the last row (line 3) is row 2 of a matrix"
                + " 3 wide)");
        assertBad("0 1 2\n4 nan 1\n3 4 5\n", "line 2, column 2: NaN is not a finite number");
        assertBad("0 1 2\n4 0 -1\n3 4 5\n", "line 2, column 3: -1.0 is negative");
        assertBad("0 1 2\n4 0 1\n3 x 5\n", "line 3, column 2: 'x' is not a number");
        assertBad(",a,b\na,0,1\nc,1,0\n", "line 1, column 3 is labelled 'b', which no row is");
    }

    private void assertBad(String text, String expected) throws Exception {
        Path p = file("bad.txt", text);
        ConnectomeException e = assertThrows(ConnectomeException.class,
                () -> AdjacencyMatrixReader.read(p, ConnectomeOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void recognizedAsConnectomesButRecordingsAreNot() throws Exception {
        assertTrue(Connectomes.recognizes(file("m.csv", "0,1,2\n4,0,1\n3,4,5\n")));
        assertTrue(Connectomes.recognizes(file("e.csv", "ADAL,ADAR,EJ,1\nADAL,ADEL,Rp,1\n")));
        assertTrue(Connectomes.recognizes(file("h.csv", "source,target,weight\n1,2,3\n")));
        assertTrue(!Connectomes.recognizes(file("r.csv", "t (ms),V (mV)\n0,-65\n0.1,-64.9\n0.2,-64.8\n")));
        assertTrue(!Connectomes.recognizes(file("rows.csv", "-65,-64,-63,-62\n-65,-64,-63,-62\n")));
    }
}
