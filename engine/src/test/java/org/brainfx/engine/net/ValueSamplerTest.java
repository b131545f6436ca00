package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueSamplerTest {
    private static final String WHERE = "population 'E', parameter tau";
    private static final int N = 200_000;

    @TempDir
    Path dir;

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    static double variance(double[] v) {
        double m = mean(v);
        return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
    }

    private static String message(ValueSpec spec, int n, Path baseDir) {
        return assertThrows(NetworkException.class, () -> ValueSampler.sample(spec, n, 1, WHERE, baseDir))
                .getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void constantIsTheSameEverywhere() {
        double[] v = ValueSampler.sample(ValueSpec.constant(-65), 5, 1, WHERE, null);
        assertArrayEquals(new double[] {-65, -65, -65, -65, -65}, v);
    }

    @Test
    void uniformHasItsMomentsAndBounds() {
        double[] v = ValueSampler.sample(ValueSpec.uniform(500, 1500), N, 3, WHERE, null);
        assertTrue(Arrays.stream(v).allMatch(x -> x >= 500 && x <= 1500));
        double sd = 1000 / Math.sqrt(12);
        assertEquals(1000, mean(v), 4 * sd / Math.sqrt(N));
        assertEquals(sd * sd, variance(v), 0.02 * sd * sd);
    }

    @Test
    void normalHasItsMomentsAndSymmetry() {
        double[] v = ValueSampler.sample(ValueSpec.normal(-60, 4), N, 3, WHERE, null);
        assertEquals(-60, mean(v), 4 * 4 / Math.sqrt(N));
        assertEquals(16, variance(v), 0.02 * 16);
        double within1 = Arrays.stream(v).filter(x -> Math.abs(x + 60) < 4).count() / (double) N;
        assertEquals(0.6827, within1, 0.005);
    }

    @Test
    void lognormalIsTheExpOfANormal() {
        double[] v = ValueSampler.sample(ValueSpec.lognormal(1, 0.5), N, 3, WHERE, null);
        assertTrue(Arrays.stream(v).allMatch(x -> x > 0));
        double[] logs = Arrays.stream(v).map(Math::log).toArray();
        assertEquals(1, mean(logs), 4 * 0.5 / Math.sqrt(N));
        assertEquals(0.25, variance(logs), 0.02 * 0.25);
        assertEquals(Math.exp(1 + 0.125), mean(v), 0.01 * Math.exp(1.125));
    }

    @Test
    void theSeedDecidesTheDraws() {
        ValueSpec spec = ValueSpec.normal(0, 1);
        assertArrayEquals(ValueSampler.sample(spec, 100, 11, WHERE, null), ValueSampler.sample(spec, 100, 11, WHERE,
                null));
        assertFalse(Arrays.equals(ValueSampler.sample(spec, 100, 11, WHERE, null), ValueSampler.sample(spec, 100, 12,
                WHERE, null)));
    }

    @Test
    void aFileGivesOneValuePerNeuronInAnyLayout() throws IOException {
        Files.writeString(dir.resolve("lines.txt"), "# tau per neuron\n10\n12.5\n\n-3e1\n");
        Files.writeString(dir.resolve("row.csv"), "10, 12.5,-30");
        Files.writeString(dir.resolve("spaces.txt"), "10\t12.5   -30\n");
        Files.writeString(dir.resolve("excel.csv"), "\uFEFF10\r\n12.5\r\n-30\r\n");
        for (String file : new String[] {"lines.txt", "row.csv", "spaces.txt", "excel.csv"}) {
            assertArrayEquals(new double[] {10, 12.5, -30},
                    ValueSampler.sample(ValueSpec.fromFile(file), 3, 0, WHERE, dir), file);
        }
    }

    @Test
    void aFileWithTheWrongCountOrAJunkValueIsNamed() throws IOException {
        Files.writeString(dir.resolve("four.txt"), "1\n2\n3\n4\n");
        assertContains(message(ValueSpec.fromFile("four.txt"), 3, dir), WHERE, "four.txt", "4 values", "3 neurons",
                "one value per neuron");
        Files.writeString(dir.resolve("junk.txt"), "1\n2\nten\n");
        assertContains(message(ValueSpec.fromFile("junk.txt"), 3, dir), WHERE, "junk.txt", "line 3", "'ten'");
        Files.writeString(dir.resolve("nan.txt"), "1\nNaN\n3\n");
        assertContains(message(ValueSpec.fromFile("nan.txt"), 3, dir), WHERE, "line 2", "finite");
        assertContains(message(ValueSpec.fromFile("absent.txt"), 3, dir), WHERE, "absent.txt", "does not exist");
    }

    @Test
    void badSpecsAreNamedWithTheirFix() {
        assertContains(message(new ValueSpec("gamma", null, null, null, null, null, null, null, null, null), 3, null),
                WHERE, "unknown kind 'gamma'", "constant", "uniform", "normal", "lognormal", "file");
        assertContains(message(ValueSpec.normal(0, -1), 3, null), WHERE, "sd -1.0 is negative");
        assertContains(message(ValueSpec.lognormal(0, -1), 3, null), WHERE, "sigma -1.0 is negative");
        assertContains(message(ValueSpec.uniform(2, 1), 3, null), WHERE, "low 2.0 is above high 1.0");
        assertContains(message(new ValueSpec("uniform", null, 1.0, null, null, null, null, null, null, null), 3,
                null), WHERE, "high is missing");
        assertContains(message(ValueSpec.constant(Double.NaN), 3, null), WHERE, "value is NaN", "finite");
        assertContains(message(ValueSpec.kaiming(1), 3, null), WHERE, "kaiming", "weights");
        assertContains(message(null, 3, null), WHERE, "no value given");
        assertContains(message(ValueSpec.constant(1), 0, null), WHERE, "size 0");
    }
}
