package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WiringTest {
    private static final ValueSpec ONE = ValueSpec.constant(1);

    @TempDir
    Path dir;

    private static WiringRequest request(ConnectivitySpec rule, int pre, int post, boolean same) {
        return new WiringRequest("EE", rule, ONE, null, pre, post, null, null, same, 0.1, 42, null);
    }

    private static WiringRequest withWeights(WiringRequest r, ValueSpec weights) {
        return new WiringRequest(r.projection(), r.connectivity(), weights, r.delaysMs(), r.preCount(), r.postCount(),
                r.prePositions(), r.postPositions(), r.samePopulation(), r.dt(), r.seed(), r.baseDir());
    }

    private static WiringRequest withDelays(WiringRequest r, ValueSpec delays, double dt) {
        return new WiringRequest(r.projection(), r.connectivity(), r.weights(), delays, r.preCount(), r.postCount(),
                r.prePositions(), r.postPositions(), r.samePopulation(), dt, r.seed(), r.baseDir());
    }

    private static WiringRequest withSeed(WiringRequest r, String name, long seed) {
        return new WiringRequest(name, r.connectivity(), r.weights(), r.delaysMs(), r.preCount(), r.postCount(),
                r.prePositions(), r.postPositions(), r.samePopulation(), r.dt(), seed, r.baseDir());
    }

    private WiringRequest inDir(WiringRequest r) {
        return new WiringRequest(r.projection(), r.connectivity(), r.weights(), r.delaysMs(), r.preCount(),
                r.postCount(), r.prePositions(), r.postPositions(), r.samePopulation(), r.dt(), r.seed(), dir);
    }

    private static String message(WiringRequest r) {
        return assertThrows(NetworkException.class, () -> Wiring.build(r)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    /** Row starts consistent, targets in range and strictly ascending per row (no duplicates), self as allowed. */
    private static void assertWellFormed(SparseRows rows, boolean selfAllowed) {
        assertEquals(0, rows.rowStart()[0]);
        assertEquals(rows.post().length, rows.synapseCount());
        assertEquals(rows.post().length, rows.weight().length);
        for (int i = 0; i < rows.preCount(); i++) {
            assertTrue(rows.rowStart()[i] <= rows.rowStart()[i + 1]);
            for (int k = rows.rowStart()[i]; k < rows.rowStart()[i + 1]; k++) {
                int j = rows.post()[k];
                assertTrue(j >= 0 && j < rows.postCount());
                assertTrue(k == rows.rowStart()[i] || rows.post()[k - 1] < j, "row " + i + " ascending, distinct");
                assertTrue(selfAllowed || j != i, "self-connection " + i);
            }
        }
    }

    private static int[] inDegrees(SparseRows rows) {
        int[] in = new int[rows.postCount()];
        for (int j : rows.post()) {
            in[j]++;
        }
        return in;
    }

    private static int[] outDegrees(SparseRows rows) {
        int[] out = new int[rows.preCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.rowStart()[i + 1] - rows.rowStart()[i];
        }
        return out;
    }

    private static double[] weights(SparseRows rows) {
        double[] w = new double[rows.weight().length];
        for (int k = 0; k < w.length; k++) {
            w[k] = rows.weight()[k];
        }
        return w;
    }

    // --- rules ---------------------------------------------------------------------------------------------

    @Test
    void allToAllConnectsEveryPairAndSelfOnlyWhenAllowed() {
        SparseRows noSelf = Wiring.build(request(ConnectivitySpec.allToAll(false), 30, 30, true));
        assertWellFormed(noSelf, false);
        assertEquals(30 * 29, noSelf.synapseCount());
        SparseRows self = Wiring.build(request(ConnectivitySpec.allToAll(true), 30, 30, true));
        assertEquals(30 * 30, self.synapseCount());
        SparseRows between = Wiring.build(request(ConnectivitySpec.allToAll(false), 20, 30, false));
        assertWellFormed(between, true);
        assertEquals(600, between.synapseCount());
        assertTrue(Arrays.stream(outDegrees(between)).allMatch(d -> d == 30));
    }

    @Test
    void fixedProbabilityGivesPTimesThePairsAndUniformTargets() {
        double p = 0.02;
        SparseRows rows = Wiring.build(request(ConnectivitySpec.fixedProbability(p), 4000, 4000, true));
        assertWellFormed(rows, false);
        double pairs = 4000.0 * 3999;
        double sd = Math.sqrt(pairs * p * (1 - p));
        assertEquals(pairs * p, rows.synapseCount(), 4 * sd);
        // Geometric gaps leave no position favoured: the targets' mean and the in-degrees' spread are binomial.
        double meanTarget = Arrays.stream(rows.post()).average().orElseThrow();
        assertEquals(1999.5, meanTarget, 4 * 4000 / Math.sqrt(12 * rows.synapseCount()));
        double[] in = Arrays.stream(inDegrees(rows)).asDoubleStream().toArray();
        assertEquals(3999 * p * (1 - p), ValueSamplerTest.variance(in), 0.1 * 3999 * p);
    }

    @Test
    void fixedProbabilityZeroAndOneAreEmptyAndFull() {
        assertEquals(0, Wiring.build(request(ConnectivitySpec.fixedProbability(0), 50, 60, false)).synapseCount());
        SparseRows full = Wiring.build(request(ConnectivitySpec.fixedProbability(1), 50, 50, true));
        assertWellFormed(full, false);
        assertEquals(50 * 49, full.synapseCount());
    }

    @Test
    void fixedInDegreeGivesEveryPostExactlyItsDegreeFromDistinctPres() {
        SparseRows rows = Wiring.build(request(ConnectivitySpec.fixedInDegree(64), 3200, 3200, true));
        assertWellFormed(rows, false);
        assertTrue(Arrays.stream(inDegrees(rows)).allMatch(d -> d == 64));
        // Each pre is chosen by each post with probability 64/3199: out-degrees are binomial(3200 − 1, 64/3199).
        double[] out = Arrays.stream(outDegrees(rows)).asDoubleStream().toArray();
        double q = 64 / 3199.0;
        assertEquals(64, ValueSamplerTest.mean(out), 1e-9);
        assertEquals(3199 * q * (1 - q), ValueSamplerTest.variance(out), 0.1 * 3199 * q * (1 - q));
        SparseRows between = Wiring.build(request(ConnectivitySpec.fixedInDegree(16), 800, 4000, false));
        assertWellFormed(between, true);
        assertTrue(Arrays.stream(inDegrees(between)).allMatch(d -> d == 16));
    }

    @Test
    void fixedInDegreeCanTakeEveryAvailablePartner() {
        SparseRows rows = Wiring.build(request(ConnectivitySpec.fixedInDegree(9), 10, 10, true));
        assertWellFormed(rows, false);
        assertEquals(90, rows.synapseCount());
    }

    @Test
    void fixedOutDegreeGivesEveryPreExactlyItsDegreeToDistinctPosts() {
        SparseRows rows = Wiring.build(request(ConnectivitySpec.fixedOutDegree(25), 1000, 1000, true));
        assertWellFormed(rows, false);
        assertTrue(Arrays.stream(outDegrees(rows)).allMatch(d -> d == 25));
        double[] in = Arrays.stream(inDegrees(rows)).asDoubleStream().toArray();
        double q = 25 / 999.0;
        assertEquals(999 * q * (1 - q), ValueSamplerTest.variance(in), 0.15 * 999 * q * (1 - q));
        SparseRows all = Wiring.build(request(ConnectivitySpec.fixedOutDegree(7), 5, 7, false));
        assertEquals(35, all.synapseCount());
        assertWellFormed(all, true);
    }

    @Test
    void oneToOneConnectsEachNeuronToItsNamesake() {
        SparseRows rows = Wiring.build(request(ConnectivitySpec.oneToOne(), 12, 12, false));
        assertWellFormed(rows, true);
        for (int i = 0; i < 12; i++) {
            assertEquals(i, rows.rowStart()[i]);
            assertEquals(i, rows.post()[i]);
        }
        ConnectivitySpec self = new ConnectivitySpec("one_to_one", null, null, true, null, null, null, null, null);
        assertEquals(12, Wiring.build(request(self, 12, 12, true)).synapseCount());
    }

    @Test
    void gaussianProbabilityFallsWithDistanceAsTheKernel() {
        Positions grid = Positions.of(new PositionSpec("grid", 500, 500, false), 2500, 0, "population 'E'");
        assertKernel(grid, grid, 30, 0.8, true);
    }

    @Test
    void gaussianFollowsTheKernelBetweenDifferentSheets() {
        Positions small = Positions.of(new PositionSpec("grid", 100, 100, false), 400, 0, "population 'E'");
        Positions large = Positions.of(new PositionSpec("random", 300, 240, false), 3000, 3, "population 'I'");
        assertKernel(small, large, 25, 1, false);
        assertKernel(large, small, 25, 0.5, false);
    }

    @Test
    void gaussianFollowsTheKernelOnATorusWithWideAndNarrowKernels() {
        Positions torus = Positions.of(new PositionSpec("random", 400, 300, true), 2000, 9, "population 'E'");
        assertKernel(torus, torus, 12, 1, true);
        Positions small = Positions.of(new PositionSpec("grid", 60, 60, true), 400, 0, "population 'E'");
        assertKernel(small, small, 40, 0.3, true);
    }

    /** Pairs binned by distance (σ/3 wide, out to 4σ): connected fraction against peak·exp(−d²/2σ²). */
    private static void assertKernel(Positions from, Positions to, double sigma, double peak, boolean same) {
        int pre = from.size();
        int post = to.size();
        SparseRows rows = Wiring.build(new WiringRequest("EE", ConnectivitySpec.gaussian(sigma, peak), ONE, null,
                pre, post, from, to, same, 0.1, 5, null));
        assertWellFormed(rows, !same);
        int bins = 12;
        double width = sigma / 3;
        long[] pairs = new long[bins];
        long[] connected = new long[bins];
        double[] sumKernel = new double[bins];
        double farKernel = 0;
        int farConnected = 0;
        boolean[] link = new boolean[post];
        for (int i = 0; i < pre; i++) {
            Arrays.fill(link, false);
            for (int k = rows.rowStart()[i]; k < rows.rowStart()[i + 1]; k++) {
                link[rows.post()[k]] = true;
            }
            for (int j = 0; j < post; j++) {
                if (same && j == i) {
                    continue;
                }
                double d2 = from.distanceSquared(i, to, j);
                double kernel = peak * Math.exp(-d2 / (2 * sigma * sigma));
                int bin = (int) (Math.sqrt(d2) / width);
                if (bin >= bins) {
                    farKernel += kernel;
                    farConnected += link[j] ? 1 : 0;
                    continue;
                }
                pairs[bin]++;
                sumKernel[bin] += kernel;
                connected[bin] += link[j] ? 1 : 0;
            }
        }
        for (int b = 0; b < bins; b++) {
            if (pairs[b] < 50) {
                continue;
            }
            double expected = sumKernel[b] / pairs[b];
            double observed = connected[b] / (double) pairs[b];
            double sd = Math.sqrt(expected * (1 - expected) / pairs[b]);
            assertEquals(expected, observed, 4.5 * sd + 1e-4, "bin " + b + " of " + pairs[b] + " pairs");
        }
        assertEquals(farKernel, farConnected, 5 * Math.sqrt(farKernel) + 2, "beyond 4 σ");
    }

    @Test
    void gaussianOnAPeriodicSheetReachesAcrossTheEdge() {
        PositionSpec torus = new PositionSpec("grid", 200, 200, true);
        PositionSpec flat = new PositionSpec("grid", 200, 200, false);
        int[] edge = new int[2];
        for (PositionSpec spec : List.of(torus, flat)) {
            Positions p = Positions.of(spec, 400, 0, "population 'E'");
            SparseRows rows = Wiring.build(new WiringRequest("EE", ConnectivitySpec.gaussian(10, 1), ONE, null, 400,
                    400, p, p, true, 0.1, 5, null));
            // Neurons in the leftmost column connecting to neurons in the rightmost column (x 5 and 195 µm).
            int count = 0;
            for (int i = 0; i < 400; i++) {
                for (int k = rows.rowStart()[i]; k < rows.rowStart()[i + 1]; k++) {
                    if (p.x()[i] < 10 && p.x()[rows.post()[k]] > 190) {
                        count++;
                    }
                }
            }
            edge[spec.periodic() ? 0 : 1] = count;
        }
        assertTrue(edge[0] > 20, "periodic: " + edge[0] + " links across the edge");
        assertEquals(0, edge[1], "flat sheet: no links across 190 µm");
    }

    @Test
    void explicitListsBecomeSortedRowsKeepingTheirWeightsInListedOrder() throws IOException {
        ConnectivitySpec c = ConnectivitySpec.explicit(List.of(2, 0, 2, 1, 0), List.of(1, 3, 0, 2, 1));
        Files.writeString(dir.resolve("w.txt"), "0.2 0.0 0.5 0.1 0.3");
        SparseRows rows = Wiring.build(inDir(withWeights(request(c, 3, 4, false), ValueSpec.fromFile("w.txt"))));
        assertArrayEquals(new int[] {0, 2, 3, 5}, rows.rowStart());
        assertArrayEquals(new int[] {1, 3, 2, 0, 1}, rows.post());
        assertArrayEquals(new float[] {0.3f, 0.0f, 0.1f, 0.5f, 0.2f}, rows.weight());
    }

    @Test
    void explicitFileGivesPairsAndWeightsUnlessAWeightSpecOverrides() throws IOException {
        Files.writeString(dir.resolve("pairs.csv"), "pre,post,weight\n# a comment\n1,0,0.5\n0,2,1.5\n\n1,0,2\n");
        ConnectivitySpec c = new ConnectivitySpec("explicit", null, null, null, null, null, null, null, "pairs.csv");
        SparseRows given = Wiring.build(inDir(withWeights(request(c, 2, 3, false), null)));
        assertArrayEquals(new int[] {0, 1, 3}, given.rowStart());
        assertArrayEquals(new int[] {2, 0, 0}, given.post());
        assertArrayEquals(new float[] {1.5f, 0.5f, 2f}, given.weight(), "duplicates keep their listed order");
        SparseRows overridden = Wiring.build(inDir(withWeights(request(c, 2, 3, false), ValueSpec.constant(3))));
        assertArrayEquals(new float[] {3, 3, 3}, overridden.weight());
        Files.writeString(dir.resolve("two.csv"), "\uFEFF0 1\n1 1\n");
        ConnectivitySpec two = new ConnectivitySpec("explicit", null, null, null, null, null, null, null, "two.csv");
        assertEquals(2, Wiring.build(inDir(request(two, 2, 3, false))).synapseCount());
        assertContains(message(inDir(withWeights(request(two, 2, 3, false), null))), "projection 'EE', weights",
                "missing");
    }

    // --- determinism ---------------------------------------------------------------------------------------

    @Test
    void theSeedAndTheProjectionNameDecideEverything() {
        WiringRequest r = withDelays(withWeights(request(ConnectivitySpec.fixedProbability(0.1), 300, 300, true),
                ValueSpec.normal(1, 0.5)), ValueSpec.uniform(0.5, 3), 0.1);
        SparseRows a = Wiring.build(r);
        SparseRows b = Wiring.build(r);
        assertArrayEquals(a.rowStart(), b.rowStart());
        assertArrayEquals(a.post(), b.post());
        assertArrayEquals(a.weight(), b.weight());
        assertArrayEquals(a.delaySteps(), b.delaySteps());
        assertFalse(Arrays.equals(a.post(), Wiring.build(withSeed(r, "EE", 43)).post()));
        assertFalse(Arrays.equals(a.post(), Wiring.build(withSeed(r, "EI", 42)).post()));
        for (ConnectivitySpec c : List.of(ConnectivitySpec.fixedInDegree(10), ConnectivitySpec.fixedOutDegree(10))) {
            WiringRequest d = request(c, 300, 300, true);
            assertArrayEquals(Wiring.build(d).post(), Wiring.build(d).post(), c.rule());
            assertFalse(Arrays.equals(Wiring.build(d).post(), Wiring.build(withSeed(d, "EE", 7)).post()), c.rule());
        }
    }

    @Test
    void eachPostNeuronsInputsComeFromItsOwnStream() {
        // Row streams make a row independent of how many rows there are (and of who generates which rows).
        SparseRows small = Wiring.build(request(ConnectivitySpec.fixedInDegree(5), 100, 40, false));
        SparseRows large = Wiring.build(request(ConnectivitySpec.fixedInDegree(5), 100, 80, false));
        for (int i = 0; i < 100; i++) {
            int[] a = Arrays.copyOfRange(small.post(), small.rowStart()[i], small.rowStart()[i + 1]);
            int[] b = Arrays.stream(large.post(), large.rowStart()[i], large.rowStart()[i + 1]).filter(j -> j < 40)
                    .toArray();
            assertArrayEquals(a, b, "pre " + i);
        }
    }

    @Test
    void seedForDependsOnSeedAndNameOnly() {
        assertEquals(Wiring.seedFor(42, "population:E:V"), Wiring.seedFor(42, "population:E:V"));
        assertNotEquals(Wiring.seedFor(42, "population:E:V"), Wiring.seedFor(43, "population:E:V"));
        assertNotEquals(Wiring.seedFor(42, "population:E:V"), Wiring.seedFor(42, "population:I:V"));
        assertNotEquals(Wiring.seedFor(42, "ab"), Wiring.seedFor(42, "ba"));
        // Pinned: the definition in seedFor's Javadoc; a change here changes every saved project's network.
        assertEquals(expectedSeedFor(42, "projection:EE"), Wiring.seedFor(42, "projection:EE"));
    }

    private static long expectedSeedFor(long seed, String name) {
        java.math.BigInteger mask = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
        java.math.BigInteger h = new java.math.BigInteger("cbf29ce484222325", 16);
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = h.xor(java.math.BigInteger.valueOf(b & 0xff)).multiply(new java.math.BigInteger("100000001b3", 16))
                    .and(mask);
        }
        return splitMix(seed ^ splitMix(h.longValue()));
    }

    private static long splitMix(long z) {
        long x = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    // --- weights -------------------------------------------------------------------------------------------

    @Test
    void distributionsThatCanGoNegativeGiveMagnitudes() {
        WiringRequest r = request(ConnectivitySpec.fixedInDegree(100), 1000, 1000, true);
        double[] normal = weights(Wiring.build(withWeights(r, ValueSpec.normal(0, 2))));
        assertTrue(Arrays.stream(normal).allMatch(w -> w >= 0));
        // |N(0, σ)| has mean σ·sqrt(2/π) and second moment σ².
        assertEquals(2 * Math.sqrt(2 / Math.PI), ValueSamplerTest.mean(normal), 0.01);
        assertEquals(4, Arrays.stream(normal).map(w -> w * w).average().orElseThrow(), 0.05);
        double[] uniform = weights(Wiring.build(withWeights(r, ValueSpec.uniform(-1, 1))));
        assertTrue(Arrays.stream(uniform).allMatch(w -> w >= 0 && w <= 1));
        assertEquals(0.5, ValueSamplerTest.mean(uniform), 0.005);
        double[] lognormal = weights(Wiring.build(withWeights(r, ValueSpec.lognormal(-1, 0.3))));
        assertEquals(Math.exp(-1 + 0.045), ValueSamplerTest.mean(lognormal), 0.005);
        double[] constant = weights(Wiring.build(withWeights(r, ValueSpec.constant(0.6))));
        assertTrue(Arrays.stream(constant).allMatch(w -> w == 0.6f));
    }

    @Test
    void kaimingSdFollowsTheFanInOfEachRule() {
        double scale = 0.5;
        // fan-in: the degree; the truncated draws' second moment is scale/fanIn, none beyond 2 sd.
        double[] inDegree = weights(Wiring.build(withWeights(request(ConnectivitySpec.fixedInDegree(80), 800, 1000,
                false), ValueSpec.kaiming(scale))));
        assertKaiming(inDegree, scale, 80);
        // fan-in: preCount·p for fixed probability (not the drawn mean).
        double[] probability = weights(Wiring.build(withWeights(request(ConnectivitySpec.fixedProbability(0.1), 800,
                1000, false), ValueSpec.kaiming(scale))));
        assertKaiming(probability, scale, 80);
        // fan-in: preCount for all-to-all, as the reference's dense matrices.
        double[] dense = weights(Wiring.build(withWeights(request(ConnectivitySpec.allToAll(false), 160, 200, false),
                ValueSpec.kaiming(scale))));
        assertKaiming(dense, scale, 160);
    }

    private static void assertKaiming(double[] w, double scale, double fanIn) {
        double target = scale / fanIn;
        double secondMoment = Arrays.stream(w).map(x -> x * x).average().orElseThrow();
        assertEquals(target, secondMoment, 0.03 * target);
        double limit = 2 * Math.sqrt(target) / Distribution.TRUNCATED_SD;
        assertTrue(Arrays.stream(w).allMatch(x -> x >= 0 && x <= limit * (1 + 1e-6)));
        assertTrue(Arrays.stream(w).anyMatch(x -> x > 0.95 * limit), "truncation at 2 sd reached");
    }

    @Test
    void weightsFromAFileFollowTheRowOrderAndMustBeMagnitudes() throws IOException {
        WiringRequest r = inDir(request(ConnectivitySpec.allToAll(false), 2, 3, false));
        Files.writeString(dir.resolve("w.csv"), "1,2,3\n4,5,6\n");
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6},
                Wiring.build(withWeights(r, ValueSpec.fromFile("w.csv"))).weight());
        Files.writeString(dir.resolve("neg.csv"), "1,2,3\n4,-5,6\n");
        assertContains(message(withWeights(r, ValueSpec.fromFile("neg.csv"))), "projection 'EE', weights",
                "value 5 (counting from 1) of neg.csv is -5.0",
                "weights are magnitudes; the sign comes from the presynaptic population's type");
        Files.writeString(dir.resolve("short.csv"), "1,2,3\n4,5\n");
        assertContains(message(withWeights(r, ValueSpec.fromFile("short.csv"))), "projection 'EE', weights",
                "5 values", "6 synapses");
    }

    @Test
    void negativeOrNanConstantWeightsAreRefusedWithTheReason() {
        WiringRequest r = request(ConnectivitySpec.allToAll(false), 4, 4, true);
        assertContains(message(withWeights(r, ValueSpec.constant(-0.5))), "projection 'EE', weights", "-0.5",
                "weights are magnitudes; the sign comes from the presynaptic population's type");
        assertContains(message(withWeights(r, ValueSpec.constant(Double.NaN))), "projection 'EE', weights", "NaN",
                "weights are magnitudes");
        assertContains(message(withWeights(r, null)), "projection 'EE', weights", "missing");
    }

    // --- delays --------------------------------------------------------------------------------------------

    @Test
    void aConstantDelayIsOneNumberOfSteps() {
        WiringRequest r = request(ConnectivitySpec.allToAll(false), 4, 4, true);
        SparseRows none = Wiring.build(r);
        assertNull(none.delaySteps());
        assertEquals(0, none.constantDelaySteps());
        SparseRows constant = Wiring.build(withDelays(r, ValueSpec.constant(1.5), 0.1));
        assertNull(constant.delaySteps());
        assertEquals(15, constant.constantDelaySteps());
        assertEquals(2, Wiring.build(withDelays(r, ValueSpec.constant(0.15), 0.1)).constantDelaySteps(),
                "a half step rounds up although 0.15/0.1 is a hair below 1.5");
        assertEquals(1, Wiring.build(withDelays(r, ValueSpec.constant(0.05), 0.1)).constantDelaySteps());
        assertEquals(0, Wiring.build(withDelays(r, ValueSpec.constant(0), 0.1)).constantDelaySteps());
        assertEquals(3, Wiring.build(withDelays(r, ValueSpec.constant(0.74), 0.25)).constantDelaySteps());
    }

    @Test
    void drawnDelaysAreRoundedPerSynapse() {
        WiringRequest r = request(ConnectivitySpec.fixedInDegree(50), 500, 500, true);
        SparseRows rows = Wiring.build(withDelays(r, ValueSpec.uniform(1, 2), 0.1));
        short[] steps = rows.delaySteps();
        assertEquals(rows.synapseCount(), steps.length);
        int[] histogram = new int[21];
        for (short s : steps) {
            assertTrue(s >= 10 && s <= 20, "steps " + s);
            histogram[s]++;
        }
        // Steps 11..19 each take a tenth of the range; 10 and 20 a half bin each.
        for (int s = 11; s <= 19; s++) {
            assertEquals(0.1, histogram[s] / (double) steps.length, 0.01, "step " + s);
        }
        assertEquals(0.05, histogram[10] / (double) steps.length, 0.01);
        assertEquals(20, rows.maxDelaySteps());
        SparseRows fromZero = Wiring.build(withDelays(r, ValueSpec.uniform(0, 1), 0.1));
        int zero = 0;
        for (short s : fromZero.delaySteps()) {
            zero += s == 0 ? 1 : 0;
        }
        assertTrue(zero > 0, "a uniform from 0 may round to no delay");
    }

    @Test
    void delaysFromAFileAreRoundedInRowOrder() throws IOException {
        WiringRequest r = inDir(request(ConnectivitySpec.allToAll(false), 2, 2, false));
        Files.writeString(dir.resolve("d.txt"), "0.1\n0.24\n0.26\n3\n");
        assertArrayEquals(new short[] {1, 2, 3, 30}, Wiring.build(withDelays(r, ValueSpec.fromFile("d.txt"), 0.1))
                .delaySteps());
    }

    @Test
    void delaysThatCannotBeStepsAreRefusedWithTheFix() throws IOException {
        WiringRequest r = inDir(request(ConnectivitySpec.allToAll(false), 3, 3, true));
        assertContains(message(withDelays(r, ValueSpec.constant(0.03), 0.1)), "projection 'EE', delay", "0.03 ms",
                "shorter than half a time step", "dt 0.1", "smaller dt", "at least 0.05 ms");
        assertContains(message(withDelays(r, ValueSpec.constant(-1), 0.1)), "projection 'EE', delay", "-1.0 ms",
                "≥ 0");
        assertContains(message(withDelays(r, ValueSpec.constant(Double.NaN), 0.1)), "projection 'EE', delay", "NaN");
        assertContains(message(withDelays(r, ValueSpec.constant(4000), 0.1)), "projection 'EE', delay", "40000 steps",
                "32767", "larger dt");
        assertContains(message(withDelays(r, ValueSpec.normal(0.5, 1), 0.1)), "projection 'EE', delay",
                "drawn delay", "lognormal");
        assertContains(message(withDelays(r, ValueSpec.uniform(0.01, 0.04), 0.1)), "projection 'EE', delay",
                "shorter than half a time step");
        Files.writeString(dir.resolve("tiny.txt"), "1 0.01 3 4 5 6");
        assertContains(message(withDelays(r, ValueSpec.fromFile("tiny.txt"), 0.1)), "projection 'EE', delay",
                "delay 2 (counting from 1) of tiny.txt, 0.01 ms is shorter than half a time step");
        Files.writeString(dir.resolve("few.txt"), "1 2 3");
        assertContains(message(withDelays(r, ValueSpec.fromFile("few.txt"), 0.1)), "projection 'EE', delay",
                "3 values", "6 synapses");
        assertContains(message(withDelays(r, ValueSpec.kaiming(1), 0.1)), "projection 'EE', delay", "kaiming");
        assertContains(message(withDelays(r, new ValueSpec("poisson", null, null, null, null, null, null, null, null,
                null), 0.1)), "projection 'EE', delay", "unknown kind 'poisson'", "uniform");
        assertContains(message(withDelays(r, new ValueSpec("constant", null, null, null, null, null, null, null, null,
                null), 0.1)), "projection 'EE', delay", "without a value");
    }

    // --- bad input -----------------------------------------------------------------------------------------

    @Test
    void badRulesAndTheirParametersAreNamedWithTheFix() {
        assertContains(message(request(new ConnectivitySpec("small_world", null, null, null, null, null, null, null,
                null), 4, 4, true)), "projection 'EE', connectivity", "unknown rule 'small_world'", "all_to_all",
                "fixed_probability", "fixed_in_degree", "fixed_out_degree", "one_to_one", "gaussian", "explicit");
        assertContains(message(request(ConnectivitySpec.fixedProbability(1.5), 4, 4, true)),
                "projection 'EE', connectivity", "p is 1.5", "[0, 1]");
        assertContains(message(request(ConnectivitySpec.fixedProbability(Double.NaN), 4, 4, true)), "p is NaN");
        assertContains(message(request(ConnectivitySpec.fixedProbability(-0.1), 4, 4, true)), "p is -0.1");
        assertContains(message(request(ConnectivitySpec.fixedInDegree(-1), 4, 4, true)),
                "projection 'EE', connectivity", "degree -1");
        assertContains(message(request(ConnectivitySpec.fixedInDegree(4), 4, 4, true)), "degree 4", "at most 3",
                "not itself", "fixed_probability");
        assertContains(message(request(ConnectivitySpec.fixedOutDegree(6), 4, 5, false)), "degree 6", "at most 5",
                "post");
        assertContains(message(request(new ConnectivitySpec("fixed_in_degree", null, null, null, null, null, null,
                null, null), 4, 4, true)), "degree is missing");
        assertContains(message(request(ConnectivitySpec.fixedProbability(0.1), 0, 4, false)), "projection 'EE'",
                "sizes must be positive");
        assertContains(message(request(ConnectivitySpec.oneToOne(), 4, 5, false)), "one_to_one", "4", "5",
                "equal sizes");
        assertContains(message(request(ConnectivitySpec.oneToOne(), 4, 4, true)), "one_to_one", "allowSelf");
        assertContains(message(request(null, 4, 4, true)), "projection 'EE'", "no connectivity");
        assertContains(message(request(ConnectivitySpec.allToAll(true), 50_000, 50_000, true)),
                "2500000000 synapses", "more than one projection holds", "sparser connectivity");
    }

    @Test
    void badGaussiansAreNamed() {
        Positions p = Positions.of(new PositionSpec("grid", 100, 100, false), 16, 0, "population 'E'");
        Positions torus = Positions.of(new PositionSpec("grid", 100, 100, true), 16, 0, "population 'E'");
        assertContains(message(request(ConnectivitySpec.gaussian(10, 1), 16, 16, true)),
                "projection 'EE', connectivity", "needs positions", "pre");
        assertContains(message(new WiringRequest("EE", ConnectivitySpec.gaussian(0, 1), ONE, null, 16, 16, p, p,
                true, 0.1, 1, null)), "sigma is 0.0", "positive");
        assertContains(message(new WiringRequest("EE", ConnectivitySpec.gaussian(10, 1.2), ONE, null, 16, 16, p, p,
                true, 0.1, 1, null)), "peak is 1.2", "[0, 1]");
        assertContains(message(new WiringRequest("EE", ConnectivitySpec.gaussian(10, 1), ONE, null, 16, 16, torus, p,
                false, 0.1, 1, null)), "one periodic sheet", "same width, height and periodic");
    }

    @Test
    void badExplicitListsAndFilesAreNamed() throws IOException {
        assertContains(message(request(ConnectivitySpec.explicit(List.of(0, 1), List.of(1)), 3, 3, false)),
                "projection 'EE', connectivity", "different length", "2", "1");
        assertContains(message(request(ConnectivitySpec.explicit(List.of(0, 3), List.of(1, 1)), 3, 3, false)),
                "pre[1] = 3", "outside 0..2");
        assertContains(message(request(ConnectivitySpec.explicit(List.of(0, 1), List.of(1, -1)), 3, 3, false)),
                "post[1] = -1");
        assertContains(message(request(ConnectivitySpec.explicit(List.of(0, 1), List.of(1, 1)), 3, 3, true)),
                "synapse 1", "neuron 1 to itself", "allowSelf");
        assertContains(message(request(new ConnectivitySpec("explicit", null, null, null, null, null, null, null,
                null), 3, 3, false)), "explicit needs");
        Files.writeString(dir.resolve("range.csv"), "pre,post\n0,1\n1,7\n");
        assertContains(message(inDir(request(file("range.csv"), 3, 3, false))), "range.csv", "line 3",
                "post index 7", "outside 0..2");
        Files.writeString(dir.resolve("negative.csv"), "0,1,0.5\n1,2,-0.5\n");
        assertContains(message(inDir(withWeights(request(file("negative.csv"), 3, 3, false), null))),
                "negative.csv", "line 2", "-0.5", "weights are magnitudes");
        Files.writeString(dir.resolve("ragged.csv"), "0,1,0.5\n1,2\n");
        assertContains(message(inDir(request(file("ragged.csv"), 3, 3, false))), "ragged.csv", "line 2",
                "same columns");
        Files.writeString(dir.resolve("float.csv"), "0.5,1\n");
        assertContains(message(inDir(request(file("float.csv"), 3, 3, false))), "float.csv", "line 1",
                "'0.5' is not a neuron index");
        assertContains(message(inDir(request(file("absent.csv"), 3, 3, false))), "absent.csv", "does not exist");
        assertContains(message(inDir(withWeights(request(ConnectivitySpec.allToAll(false), 3, 3, true),
                new ValueSpec("file", null, null, null, null, null, null, null, null, null)))),
                "projection 'EE', weights", "needs a file name");
        assertContains(message(request(new ConnectivitySpec("explicit", null, null, null, null, null, List.of(0),
                List.of(1), "pairs.csv"), 3, 3, false)), "both", "give one of them");
    }

    private static ConnectivitySpec file(String name) {
        return new ConnectivitySpec("explicit", null, null, null, null, null, null, null, name);
    }

    @Test
    void badWeightSpecsAreNamed() {
        WiringRequest r = request(ConnectivitySpec.allToAll(false), 4, 4, true);
        assertContains(message(withWeights(r, new ValueSpec("gamma", null, null, null, null, null, null, null, null,
                null))), "projection 'EE', weights", "unknown kind 'gamma'", "kaiming");
        assertContains(message(withWeights(r, ValueSpec.normal(1, -0.1))), "projection 'EE', weights",
                "sd -0.1 is negative");
        assertContains(message(withWeights(r, ValueSpec.uniform(1, 0.5))), "projection 'EE', weights",
                "low 1.0 is above high 0.5");
        assertContains(message(withWeights(r, new ValueSpec("kaiming", null, null, null, null, null, null, null, null,
                null))), "projection 'EE', weights", "kaiming scale is missing");
        assertContains(message(withDelays(r, ValueSpec.constant(1), 0)), "projection 'EE'", "dt 0.0");
    }
}
