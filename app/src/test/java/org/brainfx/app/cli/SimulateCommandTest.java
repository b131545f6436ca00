package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx simulate} on projects, built-in models and model files, and its errors. */
class SimulateCommandTest {
    private static final String SAMPLE = "../sample-projects/hh-synthetic";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    @Test
    void sampleProjectWritesOneColumnPerSweepAndAChart() throws IOException {
        CommandRun run = CommandRun.of("simulate", SAMPLE, "--out", dir.toString());

        assertEquals(0, run.exitCode(), run.both());
        List<String> lines = Files.readAllLines(dir.resolve("traces.csv"), StandardCharsets.UTF_8);
        assertEquals("t_ms,V[0],V[1],V[2],V[3],V[4]", lines.get(0));
        assertEquals(1497 + 1, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.split(",").length == 6), "6 columns in every row");
        assertTrue(lines.get(1).startsWith("0.01,"), "the first sample is the state after one step: " + lines.get(1));
        assertTrue(lines.get(1497).startsWith("14.97,"), lines.get(1497));
        assertPng(dir.resolve("traces.png"));
        assertTrue(run.out().contains("model      hh"), run.out());
        assertTrue(run.out().contains("5 × 1497 steps of 0.01 ms"), run.out());
        assertTrue(run.out().contains("traces.png"), run.out());
    }

    @Test
    void networkProjectWritesSpikesRatesAndPicturesAndASummary() throws IOException {
        CommandRun run = CommandRun.of("simulate", "../sample-projects/ei-network", "--duration", "500", "--seed", "3",
                "--out", dir.toString());

        assertEquals(0, run.exitCode(), run.both());
        List<String> spikes = Files.readAllLines(dir.resolve("spikes.csv"), StandardCharsets.UTF_8);
        assertEquals("t_ms,population,neuron", spikes.get(0));
        assertTrue(spikes.size() > 10, "spikes written: " + spikes.size());
        double last = -1;
        for (String line : spikes.subList(1, spikes.size())) {
            String[] f = line.split(",");
            double t = Double.parseDouble(f[0]);
            assertTrue(t >= last && t < 500, "time order within the run: " + line);
            assertTrue(f[1].equals("E") || f[1].equals("I"), line);
            last = t;
        }
        List<String> rates = Files.readAllLines(dir.resolve("rates.csv"), StandardCharsets.UTF_8);
        assertEquals("t_ms,E,I", rates.get(0));
        assertEquals(500 / 10 + 1, rates.size(), "10 ms bins");
        assertPng(dir.resolve("raster.png"));
        assertPng(dir.resolve("rates.png"));
        assertTrue(run.out().contains("ei_alif"), run.out());
        assertTrue(run.out().contains("synapses"), run.out());
        assertTrue(run.out().contains("CV of ISIs"), run.out());
    }

    @Test
    void networkProjectErrorsNameTheProblem() throws IOException {
        Path bad = dir.resolve("bad.brainfx.json");
        Files.writeString(bad, "{\"schemaVersion\": 1, \"network\": {\"populations\": [{\"name\": \"E\", \"size\": 0,"
                + " \"model\": {\"builtin\": \"lif\"}}]}}");
        CommandRun run = CommandRun.of("simulate", bad.toString(), "--out", dir.toString());
        assertEquals(1, run.exitCode(), run.both());
        assertTrue(run.err().contains("population 'E': size 0"), run.err());
        CommandRun misuse = CommandRun.of("simulate", "../sample-projects/ei-network", "--amplitude", "2");
        assertEquals(2, misuse.exitCode(), misuse.both());
    }

    @Test
    void aProjectSaysWhichParameterValuesItSimulatesAndTheUserChooses() throws IOException {
        CommandRun own = CommandRun.of("simulate", "../sample-projects/gif-synthetic", "--out", dir.resolve("own").toString());
        assertEquals(0, own.exitCode(), own.both());
        assertTrue(own.out().contains("parameters project values: "), own.out());

        CommandRun target = CommandRun.of("simulate", "../sample-projects/gif-synthetic", "--parameters", "target",
                "--out", dir.resolve("target").toString());
        assertEquals(0, target.exitCode(), target.both());
        assertTrue(target.out().contains("parameters target values (made the synthetic target): "), target.out());
        assertFalse(spikeLine(own).equals(spikeLine(target)), "other values, other spikes: " + spikeLine(own));

        // A kept result holding the target's values simulates as the target does.
        Path copy = org.brainfx.app.project.SampleCopies.copy("gif-synthetic", dir.resolve("kept"));
        var p = org.brainfx.engine.project.ProjectFiles.read(copy);
        var fit = new org.brainfx.engine.job.FitResult("gif", "lbfgsb", 1, "test", 0.1, p.target().syntheticParameters(),
                new double[] {0.1}, List.of(), 1, 0, 1, 0.1, new double[] {0.1}, "converged", java.util.Map.of());
        org.brainfx.engine.project.ProjectFiles.write(p.withResults(List.of(org.brainfx.engine.project.SavedFit.of(
                fit, p.fit(), java.time.Instant.now(), null, null, null))), copy);
        CommandRun kept = CommandRun.of("simulate", copy.toString(), "--parameters", "result",
                "--out", dir.resolve("kept-out").toString());
        assertEquals(0, kept.exitCode(), kept.both());
        assertTrue(kept.out().contains("parameters latest kept fit result: "), kept.out());
        assertEquals(spikeLine(target), spikeLine(kept));

        CommandRun result = CommandRun.of("simulate", SAMPLE, "--parameters", "result", "--out", dir.toString());
        assertEquals(2, result.exitCode(), result.both());
        assertTrue(result.err().contains("keeps no fit results yet"), result.err());
        CommandRun recorded = CommandRun.of("simulate", "../sample-projects/abf-steps", "--parameters", "target",
                "--out", dir.toString());
        assertTrue(recorded.err().contains("has no synthetic target (its target is a recording)"), recorded.err());
        CommandRun wrong = CommandRun.of("simulate", SAMPLE, "--parameters", "best", "--out", dir.toString());
        assertTrue(wrong.err().contains("--parameters must be project, target or result"), wrong.err());
    }

    private static String spikeLine(CommandRun run) {
        return run.out().lines().filter(l -> l.startsWith("spikes")).findFirst().orElse("");
    }

    @Test
    void builtInModelGetsAStepCurrentAndRecordsTheChosenStatesInDeclaredUnits() throws IOException {
        CommandRun run = CommandRun.of("simulate", "hh", "--duration", "50", "--record", "V,m", "--out", dir.toString());

        assertEquals(0, run.exitCode(), run.both());
        List<String> lines = Files.readAllLines(dir.resolve("traces.csv"), StandardCharsets.UTF_8);
        assertEquals("t_ms,V[0],m[0]", lines.get(0));
        assertEquals(50 / 0.025 + 1, lines.size());
        double v0 = Double.parseDouble(lines.get(1).split(",")[1]);
        assertEquals(-65, v0, 0.5, "V in mV, at rest before the step");
        assertTrue(run.out().contains("spikes     "), run.out());
        assertPng(dir.resolve("traces.png"));
    }

    @Test
    void modelFileIsSimulatedAndNamesTheDefaultOutputFolder() throws IOException {
        Path model = dir.resolve("leaky.model");
        Files.writeString(model, String.join("\n",
                "state V = -70 mV",
                "param tau = 20 ms",
                "param R = 100 MOhm fixed",
                "input I : nA",
                "dV/dt = (-(V + 70 mV) + R*I)/tau",
                ""));
        Path out = dir.resolve("out");

        CommandRun run = CommandRun.of("simulate", model.toString(), "--amplitude", "0.05", "--duration", "10",
                "--dt", "0.1", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.both());
        List<String> lines = Files.readAllLines(out.resolve("traces.csv"), StandardCharsets.UTF_8);
        assertEquals(100 + 1, lines.size());
        double last = Double.parseDouble(lines.get(100).split(",")[1]);
        assertTrue(last > -70 && last < -65, "depolarized towards -65 mV: " + last);
    }

    @Test
    void projectWithAnUnknownParameterFailsNamingTheFileAndTheParameter() throws IOException {
        Path project = dir.resolve("bad.brainfx.json");
        Files.writeString(project, """
                {
                  "schemaVersion": 1,
                  "name": "bad",
                  "model": { "builtin": "hh" },
                  "parameters": { "gNaa": 20.0 },
                  "stimulus": { "dt": 0.025, "steps": [[0, 5, 1, 20]] }
                }
                """);

        CommandRun run = CommandRun.of("simulate", project.toString(), "--out", dir.resolve("out").toString());

        assertEquals(1, run.exitCode(), run.both());
        String message = run.err().strip();
        assertTrue(message.startsWith("brainfx simulate: "), message);
        assertTrue(message.contains("bad.brainfx.json"), message);
        assertTrue(message.contains("'gNaa'"), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written for a bad project");
    }

    @Test
    void modelFileWithAnErrorFailsNamingTheFileAndLine() throws IOException {
        Path model = dir.resolve("broken.model");
        Files.writeString(model, "state V = -70 mV\ninput I : nA\ndV/dt = (I - ) / ms\n");

        CommandRun run = CommandRun.of("simulate", model.toString(), "--out", dir.resolve("out").toString());

        assertEquals(1, run.exitCode(), run.both());
        assertTrue(run.err().contains("broken.model: "), run.err());
        assertTrue(run.err().contains("3"), "names line 3: " + run.err());
    }

    @Test
    void unknownModelIsAUsageErrorListingTheBuiltIns() {
        CommandRun run = CommandRun.of("simulate", "hodgkin");

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("'hodgkin'"), run.err());
        assertTrue(run.err().contains("lif, gif, adex, izhikevich, hh"), run.err());
    }

    @Test
    void unknownRecordedStateIsAUsageErrorListingTheStates() {
        CommandRun run = CommandRun.of("simulate", "hh", "--record", "V,q", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("no state 'q'; states: V, m, h, n"), run.err());
    }

    @Test
    void stepOptionsDoNotApplyToAProject() {
        CommandRun run = CommandRun.of("simulate", SAMPLE, "--amplitude", "2", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("apply to a model"), run.err());
    }

    @Test
    void nonPositiveTimeStepIsAUsageError() {
        CommandRun run = CommandRun.of("simulate", "lif", "--dt", "0", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.both());
        assertTrue(run.err().contains("--dt must be a positive number"), run.err());
    }

    @Test
    void spikesAreCountedOncePerRunOfSpikeSteps() {
        assertEquals(0, SimulateCommand.spikeCount(new int[0]));
        assertEquals(3, SimulateCommand.spikeCount(new int[] {4, 10, 11, 12, 30}));
    }

    private static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 10_000, "a drawn chart, not an empty image: " + bytes.length + " bytes");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 4));
    }
}
