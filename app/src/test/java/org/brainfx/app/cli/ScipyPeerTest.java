package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brainfx.engine.job.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx compare --peers}: option checks, the script's output, and (with SciPy) one short race. */
class ScipyPeerTest {
    private static final String HH = "../sample-projects/hh-synthetic";
    private static final String GIF = "../sample-projects/gif-synthetic";
    private static final String HH_RECORDED = "../sample-projects/hh-brian2-traces";

    @TempDir
    Path dir;

    @Test
    void peerOnANonHhProjectIsAUsageError() {
        CommandRun run = CommandRun.of("compare", GIF, "--optimizers", "random", "--repeats", "1", "--max-iter", "1",
                "--peers", "scipy-de", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("--peers"), run.err());
        assertTrue(run.err().contains("only the hh-synthetic problem"), run.err());
        assertTrue(run.err().contains("not the built-in hh"), run.err());
        assertTrue(Files.notExists(dir.resolve("compare.json")), "nothing is run or written");
    }

    @Test
    void peerOnHhWithRecordedTracesIsAUsageError() {
        CommandRun run = CommandRun.of("compare", HH_RECORDED, "--optimizers", "random", "--repeats", "1",
                "--max-iter", "1", "--peers", "scipy-lbfgsb-fd", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("synthetic V target"), run.err());
    }

    @Test
    void unknownPeerIsAUsageError() {
        CommandRun run = CommandRun.of("compare", HH, "--peers", "scipy-nelder", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("'scipy-nelder'"), run.err());
        assertTrue(run.err().contains("scipy-de, scipy-lbfgsb-fd"), run.err());
    }

    @Test
    void scriptOutputBecomesARow() throws IOException {
        String line = "{\"peer\": \"scipy\", \"method\": \"de\", \"finalLoss\": 1e-7, \"wallSeconds\": 3.5,"
                + " \"secondsToTarget\": 3.0, \"history\": [[0.5, 10.0], [3.0, 1e-7]],"
                + " \"params\": {\"gL\": 0.008}, \"evaluations\": 600, \"stopReason\": \"target\"}";
        ScipyPeer.Run a = ScipyPeer.parse("some warning\n" + line + "\n");
        ScipyPeer.Run b = ScipyPeer.parse(line.replace("\"secondsToTarget\": 3.0", "\"secondsToTarget\": null")
                .replace("1e-7", "1e-3"));

        assertEquals(3.0, a.secondsToTarget());
        assertNull(b.secondsToTarget());
        assertEquals(2, a.historyPoints().size());
        Comparison.OptimizerSummary row = CompareCommand.peerSummary("scipy de", List.of(a, b), 1e-6);
        assertEquals(1, row.reachedTarget());
        assertEquals(3.0, row.secondsToTarget());
        assertEquals(3.5, row.wallSecondsMean());

        Comparison.OptimizerSummary ours = new Comparison.OptimizerSummary("lbfgsb", 1e-9, 0, 1, 0, 0.5, 2, 2,
                List.of());
        List<String> lines = CompareCommand.ratioLines(new Comparison.Result(List.of(ours, row), 1e-6),
                List.of("scipy de"), 60);
        assertEquals(List.of("BrainFX lbfgsb time to target vs scipy de: 6.0× faster (0.50 s vs 3.00 s;"
                + " 2/2 and 1/2 reached)"), lines);
    }

    @Test
    void missingScipyIsNamed() {
        assertTrue(ScipyPeer.failure(List.of("Traceback (most recent call last):",
                "ModuleNotFoundError: No module named 'scipy'")).contains("python3-scipy"));
        assertEquals("SciPy failed: ValueError: boom", ScipyPeer.failure(List.of("x", "ValueError: boom", "")));
    }

    @Test
    void shortRaceWithScipyDe() throws IOException, InterruptedException {
        assumeTrue(hasScipy(), ScipyPeer.PYTHON + " with scipy is needed");
        Path json = dir.resolve("compare.json");

        CommandRun run = CommandRun.of("compare", HH, "--optimizers", "lbfgsb", "--repeats", "1", "--max-iter", "2",
                "--starts", "2", "--budget-seconds", "2", "--target-loss", "1e30", "--peers", "scipy-de",
                "--out", dir.toString(), "--json", json.toString());

        assertEquals(0, run.exitCode(), run.both());
        JsonArray rows = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonArray("optimizers");
        assertEquals(2, rows.size(), rows.toString());
        JsonObject peer = rows.get(1).getAsJsonObject();
        assertEquals("scipy de", peer.get("name").getAsString());
        assertTrue(peer.get("secondsToTarget").getAsDouble() >= 0, peer.toString());
        assertTrue(run.out().contains("BrainFX lbfgsb time to target vs scipy de"), run.out());
    }

    private static boolean hasScipy() throws IOException, InterruptedException {
        if (!Files.isExecutable(ScipyPeer.PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(ScipyPeer.PYTHON.toString(), "-c", "import numpy, scipy.optimize")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
