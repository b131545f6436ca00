package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx inspect} on connectomes: the text, the JSON the issue specifies, and bad input. */
class ConnectomeInspectionTest {
    private static final String DATA = "../engine/src/test/resources/data/connectome/";
    private static final String CELEGANS = DATA + "celegans_varshney2011_NeuronConnect.csv";

    @TempDir
    Path dir;

    @Test
    void celegansTableIsRecognizedAndSummarized() {
        CommandRun run = CommandRun.of("inspect", CELEGANS);

        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.out().contains("format      edge-list (connectome)"), run.out());
        assertTrue(run.out().contains("nodes       279\n"), run.out());
        assertTrue(run.out().contains("edges       3225\n"), run.out());
        assertTrue(run.out().contains("weight      8171\n"), run.out());
        assertTrue(run.out().contains("self-loops  3\n"), run.out());
        assertTrue(run.out().contains("row types   EJ 1031, NMJ 153, R 773, Rp 1885, S 950, Sp 1625"), run.out());
        assertTrue(run.out().contains("layers      chemical=S+Sp,electrical=EJ:symmetric (rows of NMJ, R, Rp not used)"),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("chemical\\s+2194\\s+6394\\s+.*")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("electrical \\(undirected\\)\\s+1031\\s+1777\\s+.*\\s3")),
                run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonHasExactlyTheIssuesFields() throws Exception {
        Path json = dir.resolve("mb.json");
        CommandRun run = CommandRun.of("inspect", DATA + "drosophila_larva_mb_left_adjacency.csv", "--labels",
                DATA + "drosophila_larva_mb_left_cell_labels.csv", "--json", json.toString());

        assertEquals(0, run.exitCode(), run.both());
        JsonObject root = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(List.of("kind", "format", "nodes", "edges", "weightSum", "edgeTypes", "nodeTypes", "density",
                "outDegree", "inDegree"), new ArrayList<>(root.keySet()));
        assertEquals("connectome", root.get("kind").getAsString());
        assertEquals("adjacency-matrix", root.get("format").getAsString());
        assertEquals(209, root.get("nodes").getAsInt());
        assertEquals(7425, root.get("edges").getAsInt());
        assertEquals(25322, root.get("weightSum").getAsDouble());
        assertEquals(7425, root.getAsJsonObject("edgeTypes").get("weight").getAsInt());
        JsonObject types = root.getAsJsonObject("nodeTypes");
        assertEquals(List.of(101, 58, 29, 21), List.of(types.get("K").getAsInt(), types.get("P").getAsInt(),
                types.get("O").getAsInt(), types.get("I").getAsInt()));
        assertEquals(7425.0 / (209 * 208), root.get("density").getAsDouble(), 1e-15);
        JsonObject out = root.getAsJsonObject("outDegree");
        assertEquals(List.of("min", "max", "mean"), new ArrayList<>(out.keySet()));
        assertEquals(7425.0 / 209, out.get("mean").getAsDouble(), 1e-12);
        assertEquals(7425.0 / 209, root.getAsJsonObject("inDegree").get("mean").getAsDouble(), 1e-12);
    }

    @Test
    void jsonToStandardOutputAndTypedMappingFromTheCommandLine() {
        CommandRun run = CommandRun.of("inspect", CELEGANS, "--edge-types", "received=R+Rp", "--json", "-");

        assertEquals(0, run.exitCode(), run.both());
        JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(2194, root.getAsJsonObject("edgeTypes").get("received").getAsInt(),
                "the receiver's rows hold the same contacts as S + Sp");
    }

    @Test
    void badInputExitsWithTheFileLineAndFix() throws Exception {
        Path ragged = dir.resolve("ragged.txt");
        Files.writeString(ragged, "0 1 2\n1 0\n2 1 0\n");
        CommandRun run = CommandRun.of("inspect", ragged.toString());
        assertEquals(1, run.exitCode(), run.both());
        assertTrue(run.err().contains(ragged + ": line 2 has 2 fields, line 1 has 3"), run.both());

        Path labels = dir.resolve("labels.txt");
        Files.writeString(labels, "a\nb\n");
        run = CommandRun.of("inspect", DATA + "drosophila_larva_mb_left_adjacency.csv", "--labels", labels.toString());
        assertEquals(1, run.exitCode(), run.both());
        assertTrue(run.err().contains("2 labels, but"), run.both());

        run = CommandRun.of("inspect", CELEGANS, "--rows", "sideways");
        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("--rows must be one of auto, pre, post"), run.both());
    }
}
