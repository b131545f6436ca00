package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.connectome.ConnectomeOptions.Duplicates;
import org.brainfx.engine.data.connectome.ConnectomeOptions.SelfLoops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge lists as real files write them: delimiters, headers, padded names, duplicates, self-loops, types. */
class EdgeListReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String message(Exception e) {
        return e.getMessage();
    }

    @Test
    void paddedNamesAndAHeaderInAnyDelimiter() throws Exception {
        for (String sep : List.of(",", "\t", ";", "  ")) {
            Path p = file("e.txt", String.join(sep, "source", "target", "weight") + "\n"
                    + String.join(sep, " AVAL ", "AVAR", "3") + "\n"
                    + String.join(sep, "AVAR", " PVCL", "2.5") + "\n");
            Connectome c = EdgeListReader.read(p, ConnectomeOptions.DEFAULT);
            assertEquals(List.of("AVAL", "AVAR", "PVCL"), c.nodes(), "separator '" + sep + "'");
            EdgeLayer w = c.layer("weight");
            assertEquals(3, w.weight(0, 1));
            assertEquals(2.5, w.weight(1, 2));
            assertEquals(0, w.weight(1, 0));
        }
    }

    @Test
    void withoutHeaderOrWeightsEveryRowCountsOne() throws Exception {
        Connectome c = EdgeListReader.read(file("e.csv", "a,b\nb,c\na,b\n"), ConnectomeOptions.DEFAULT);
        assertEquals(List.of("a", "b", "c"), c.nodes());
        assertEquals(2, c.layers().get(0).weight(0, 1), "a repeated row is summed");
        assertEquals(2, c.edgeCount());
    }

    @Test
    void headersOfConnectomeDatabasesAndATrailingSeparator() throws Exception {
        // FlyWire-like: ids, a neuropil column that is no edge type, syn_count; every line ends in a comma
        Connectome flywire = EdgeListReader.read(file("f.csv", "pre_root_id,post_root_id,neuropil,syn_count,\n"
                + "720575940,720575941,MB_CA_L,12,\n720575941,720575940,MB_CA_L,3,\n720575940,720575941,LH_L,5,\n"),
                ConnectomeOptions.DEFAULT);
        assertEquals(List.of("720575940", "720575941"), flywire.nodes());
        assertEquals(List.of("weight"), flywire.layers().stream().map(EdgeLayer::name).toList());
        assertEquals(17, flywire.layer("weight").weight(0, 1));
        // neuPrint-like camelCase, and a per-row type column beside pre_type/post_type node columns
        Connectome neuprint = EdgeListReader.read(file("n.csv", "bodyId_pre,bodyId_post,pre_type,post_type,weight,type\n"
                + "1,2,KC,MBON,4,chemical\n2,1,MBON,KC,1,chemical\n"), ConnectomeOptions.DEFAULT);
        assertEquals(List.of("chemical"), neuprint.layers().stream().map(EdgeLayer::name).toList());
        assertEquals(4, neuprint.layer("chemical").weight(0, 1));
    }

    @Test
    void integerNamesAreOrderedNumerically() throws Exception {
        Connectome c = EdgeListReader.read(file("e.tsv", "10\t2\t1\n2\t1\t4\n"), ConnectomeOptions.DEFAULT);
        assertEquals(List.of("1", "2", "10"), c.nodes());
        assertEquals(4, c.layers().get(0).weight(1, 0));
        assertEquals(1, c.layers().get(0).weight(2, 1));
    }

    @Test
    void duplicatesRefusedByOptionNameBothLines() throws Exception {
        Path p = file("e.csv", "pre,post,count\nA,B,1\nB,C,1\nA,B,2\n");
        assertEquals(3, EdgeListReader.read(p, ConnectomeOptions.DEFAULT).layers().get(0).weight(0, 1));
        ConnectomeException e = assertThrows(ConnectomeException.class,
                () -> EdgeListReader.read(p, ConnectomeOptions.DEFAULT.withDuplicates(Duplicates.REFUSE)));
        assertTrue(message(e).contains("line 4 repeats the weight edge A -> B of line 2"), message(e));
        assertTrue(message(e).contains("e.csv"), message(e));
    }

    @Test
    void selfLoopsKeptOrDropped() throws Exception {
        Path p = file("e.csv", "pre,post,w\nA,A,2\nA,B,1\n");
        assertEquals(2, EdgeListReader.read(p, ConnectomeOptions.DEFAULT).layers().get(0).weight(0, 0));
        Connectome dropped = EdgeListReader.read(p, ConnectomeOptions.DEFAULT.withSelfLoops(SelfLoops.DROP));
        assertEquals(0, dropped.layers().get(0).weight(0, 0));
        assertEquals(List.of("A", "B"), dropped.nodes(), "the node stays");
    }

    @Test
    void varshneyTypesByTheDefaultAndByAUserMapping() throws Exception {
        Path p = file("v.csv", "Neuron 1,Neuron 2,Type,Nbr\nA,B,S,2\nA,B,Sp,1\nB,A,R,3\nA,C,EJ,4\nC,A,EJ,4\nB,D,EJ,1\n"
                + "C,NMJ,NMJ,5\n");
        Connectome c = EdgeListReader.read(p, ConnectomeOptions.DEFAULT);
        assertEquals(List.of("A", "B", "C", "D"), c.nodes());
        assertEquals(3, c.layer("chemical").weight(0, 1), "S + Sp");
        assertEquals(0, c.layer("chemical").weight(1, 0), "R rows repeat S rows from the receiver and are not read");
        EdgeLayer gap = c.layer("electrical");
        assertEquals(4, gap.weight(0, 2));
        assertEquals(4, gap.weight(2, 0));
        assertEquals(1, gap.weight(3, 1), "a junction listed once is mirrored");
        assertEquals(4, gap.edgeCount());
        assertEquals(Map.of("S", 1, "Sp", 1, "R", 1, "EJ", 3, "NMJ", 1), c.rowTypes());

        Connectome custom = EdgeListReader.read(p, ConnectomeOptions.DEFAULT
                .withMapping(EdgeTypeMapping.parse("monadic=S,polyadic=Sp,received=R+Rp")));
        assertEquals(List.of("monadic", "polyadic", "received"), custom.layers().stream().map(EdgeLayer::name).toList());
        assertEquals(3, custom.layer("received").weight(1, 0));
        assertEquals(List.of("A", "B"), custom.nodes(), "only rows a layer takes bring nodes");
    }

    @Test
    void aMappingForAFileWithoutTypesIsRefused() throws Exception {
        Path p = file("u.csv", "pre,post,weight\nA,B,1\n");
        ConnectomeException e = assertThrows(ConnectomeException.class, () -> EdgeListReader.read(p,
                ConnectomeOptions.DEFAULT.withMapping(EdgeTypeMapping.VARSHNEY)));
        assertTrue(message(e).contains("the file has no type column"), message(e));
    }

    @Test
    void otherTypesBecomeOneLayerEach() throws Exception {
        Connectome c = EdgeListReader.read(file("t.csv", "from,to,kind,weight\nx,y,excitatory,1\ny,x,inhibitory,2\n"),
                ConnectomeOptions.DEFAULT);
        assertEquals(List.of("excitatory", "inhibitory"), c.layers().stream().map(EdgeLayer::name).toList());
        assertEquals(2, c.layer("inhibitory").weight(1, 0));
    }

    @Test
    void aTypeFirstSeenFarDownChangesTheDefaultMapping() throws Exception {
        StringBuilder text = new StringBuilder("Neuron 1,Neuron 2,Type,Nbr\n");
        for (int i = 0; i < 200; i++) {
            text.append("A").append(i).append(",B,S,1\n");
        }
        text.append("A0,B,modulatory,2\n");
        Connectome c = EdgeListReader.read(file("late.csv", text.toString()), ConnectomeOptions.DEFAULT);
        assertEquals(List.of("S", "modulatory"), c.layers().stream().map(EdgeLayer::name).toList(),
                "not all types are Varshney's, so each type is its own layer");
        assertEquals(200, c.layer("S").edgeCount());
    }

    @Test
    void gapJunctionListedWithTwoCountsIsRefused() throws Exception {
        Path p = file("v.csv", "Neuron 1,Neuron 2,Type,Nbr\nA,C,EJ,4\nC,A,EJ,3\n");
        ConnectomeException e = assertThrows(ConnectomeException.class,
                () -> EdgeListReader.read(p, ConnectomeOptions.DEFAULT));
        assertTrue(message(e).contains("A - C is 4 on line 2 but 3 on line 3"), message(e));
    }

    @Test
    void labelsFileFixesOrderAndKeepsNodesWithoutEdges() throws Exception {
        Path labels = file("labels.txt", "C\nB\nA\nISOLATED\n");
        Connectome c = EdgeListReader.read(file("e.csv", "A,B,1\nB,C,2\n"), ConnectomeOptions.DEFAULT.withLabels(labels));
        assertEquals(List.of("C", "B", "A", "ISOLATED"), c.nodes());
        assertEquals(1, c.layers().get(0).weight(2, 1));
        Path missing = file("short.txt", "A\nB\n");
        ConnectomeException e = assertThrows(ConnectomeException.class, () -> EdgeListReader.read(
                file("e2.csv", "A,B,1\nB,C,2\n"), ConnectomeOptions.DEFAULT.withLabels(missing)));
        assertTrue(message(e).contains("line 2 names node 'C', which the labels file"), message(e));
        Path repeated = file("rep.txt", "A\nB\nA\n");
        e = assertThrows(ConnectomeException.class, () -> EdgeListReader.read(
                file("e3.csv", "A,B,1\n"), ConnectomeOptions.DEFAULT.withLabels(repeated)));
        assertTrue(message(e).contains("rep.txt: line 3 repeats the label 'A'"), message(e));
    }

    @Test
    void badRowsNameFileLineAndFix() throws Exception {
        assertBad("pre,post,weight\nA,B,1\nA,B\n", "line 3 has 2 fields, the header has 3");
        assertBad("pre,post,weight\nA,B,NaN\n", "line 2: weight NaN is not a finite number");
        assertBad("pre,post,weight\nA,B,-2\n", "line 2: weight -2 is negative");
        assertBad("pre,post,weight\nA,B,many\n", "line 2: weight 'many' (field 3) is not a number");
        assertBad("pre,post,weight\n,B,1\n", "line 2 has no presynaptic node");
        assertBad("pre,post,weight\n\"A,B,1\n", "line 2 opens a quote");
        Connectome signed = EdgeListReader.read(file("s.csv", "pre,post,weight\nA,B,-2\n"),
                ConnectomeOptions.DEFAULT.withSignedWeights(true));
        assertEquals(-2, signed.layers().get(0).weight(0, 1));
    }

    @Test
    void aRowErrorIsPassedOnOnceAndBadBytesNameTheLastGoodLine() throws Exception {
        Path p = file("bad.csv", "pre,post,weight\nA,B,1\nB,C,x\n");
        ConnectomeException e = assertThrows(ConnectomeException.class, () -> Connectomes.read(p));
        assertTrue(message(e).startsWith(p + ": line 3: weight 'x'") && !message(e).contains("cannot be read"),
                message(e));
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, "pre,post,weight\nA,B,1\nB,Caf\u00e9,2\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        e = assertThrows(ConnectomeException.class, () -> EdgeListReader.read(latin, ConnectomeOptions.DEFAULT));
        assertTrue(message(e).contains("not UTF-8 text") && message(e).contains("save it as UTF-8"), message(e));
    }

    @Test
    void separatorAndHeaderGivenWhereTheyCannotBeFound() throws Exception {
        Path p = file("odd.txt", "from id|to id|synapses made\nA|B|2\nB|C|1\n");
        ConnectomeException e = assertThrows(ConnectomeException.class, () -> Connectomes.read(p));
        assertTrue(message(e).contains("line 2 has 1 fields, the header has 4 (whitespace separated)"), message(e));
        Connectome c = Connectomes.read(p, ConnectomeOptions.DEFAULT.withDelimiter('|').withHeader(true));
        assertEquals(List.of("A", "B", "C"), c.nodes());
        assertEquals(2, c.layers().get(0).weight(0, 1));
        Path named = file("named.csv", "pre,post\nA,B\n");
        assertEquals(List.of("A", "B"), Connectomes.read(named).nodes());
        assertEquals(List.of("pre", "post", "A", "B"), Connectomes.read(named, ConnectomeOptions.DEFAULT.withHeader(false))
                .nodes(), "a first row said to be data is an edge from 'pre' to 'post'");
    }

    @Test
    void aMatrixWhoseLabelRowIsNumbersIsReadWithTheHeaderGiven() throws Exception {
        Path p = file("m.txt", "10 20 30\n0 1 0\n1 0 1\n0 1 0\n");
        ConnectomeException e = assertThrows(ConnectomeException.class,
                () -> AdjacencyMatrixReader.read(p, ConnectomeOptions.DEFAULT));
        assertTrue(message(e).contains("4 rows and 3 columns"), message(e));
        Connectome c = AdjacencyMatrixReader.read(p, ConnectomeOptions.DEFAULT.withHeader(true));
        assertEquals(List.of("10", "20", "30"), c.nodes());
        assertEquals(1, c.layers().get(0).weight(1, 2));
    }

    private void assertBad(String text, String expected) throws Exception {
        Path p = file("bad.csv", text);
        ConnectomeException e = assertThrows(ConnectomeException.class,
                () -> EdgeListReader.read(p, ConnectomeOptions.DEFAULT));
        assertTrue(message(e).startsWith(p.toString()) && message(e).contains(expected), message(e));
    }

    @Test
    void mappingTextParsesAndRefusesNonsense() {
        EdgeTypeMapping m = EdgeTypeMapping.parse(" chemical = S + Sp , electrical=EJ:symmetric");
        assertEquals("chemical=S+Sp,electrical=EJ:symmetric", m.toString());
        assertEquals(EdgeTypeMapping.VARSHNEY, m);
        assertThrows(IllegalArgumentException.class, () -> EdgeTypeMapping.parse("chemical"));
        assertThrows(IllegalArgumentException.class, () -> EdgeTypeMapping.parse("a=S+"));
        assertThrows(IllegalArgumentException.class, () -> EdgeTypeMapping.parse("a=S,b=S"));
        assertThrows(IllegalArgumentException.class, () -> EdgeTypeMapping.parse("a=S:undirected"));
    }
}
