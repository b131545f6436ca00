package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx gradcheck}: its table, its JSON report and its errors. */
class GradcheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void lifPassesAndTheJsonHasEveryCheck() throws IOException {
        Path json = dir.resolve("reports/gradcheck.json");

        CommandRun run = CommandRun.of("gradcheck", "lif", "--json", json.toString());

        assertEquals(0, run.exitCode(), run.both());
        assertTrue(run.err().contains("gradcheck: lif (exp_euler): "), "progress on stderr: " + run.err());
        assertTrue(run.out().contains("param tau"), run.out());
        assertTrue(run.out().contains(" 0 failed"), run.out());
        JsonObject report = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(Set.of("checks", "maxRelError"), report.keySet());
        JsonArray checks = report.getAsJsonArray("checks");
        assertFalse(checks.isEmpty());
        double max = 0;
        for (JsonElement e : checks) {
            JsonObject c = e.getAsJsonObject();
            assertEquals(Set.of("model", "integrator", "protocol", "parameter", "relError", "tolerance", "reverse",
                    "finiteDifference"), c.keySet());
            assertEquals("lif", c.get("model").getAsString());
            double relError = c.get("relError").getAsDouble();
            assertTrue(relError <= c.get("tolerance").getAsDouble(), c.toString());
            max = Math.max(max, relError);
        }
        assertEquals(max, report.get("maxRelError").getAsDouble());
    }

    @Test
    void unknownModelIsAUsageErrorBeforeAnyCheckRuns() {
        CommandRun run = CommandRun.of("gradcheck", "lif", "lifx");

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("unknown model 'lifx'; built-in models: lif, gif, adex, izhikevich, hh"),
                run.err());
        assertFalse(run.err().contains("gradcheck: lif ("), "no check ran: " + run.err());
    }
}
