package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Networks stepped with the SIMD kernels give the same spikes as with their scalar twin, on one
 * thread or two, so when a run switches from one to the other ({@link SimdWarmup}) changes nothing.
 */
class SimdNetworkTest {
    @AfterEach
    void backToDefault() {
        SimdWarmup.mode(SimdWarmup.Mode.AUTO);
    }

    @Test
    void simdAndTwinGiveTheSameSpikesOnOneAndTwoThreads(@TempDir Path dir) {
        for (String name : BenchmarkNetworks.NAMES) {
            // 2 004 neurons: two threads split it, and 2 004 is not a whole number of vectors.
            NetworkSpec spec = BenchmarkNetworks.of(name, 2_004, 7);
            Network net = NetworkFactory.build(spec, dir);
            NetworkResult want = run(net, SimdWarmup.Mode.NEVER, 1);
            assertTrue(want.spikeCount() > 1000, name + " spikes: " + want.spikeCount());
            for (int threads = 1; threads <= 2; threads++) {
                NetworkResult got = run(net, SimdWarmup.Mode.ALWAYS, threads);
                for (int p = 0; p < want.populations().size(); p++) {
                    String what = name + ", " + threads + " thread(s), population " + want.populations().get(p);
                    assertArrayEquals(want.spikeSteps().get(p), got.spikeSteps().get(p), what);
                    assertArrayEquals(want.spikeNeurons().get(p), got.spikeNeurons().get(p), what);
                }
            }
        }
    }

    @Test
    void aWarmedUpRunKeepsTheTwinsSpikes(@TempDir Path dir) throws InterruptedException {
        NetworkSpec spec = BenchmarkNetworks.coba(4_000, 3);
        Network net = NetworkFactory.build(spec, dir);
        NetworkResult twin = run(net, SimdWarmup.Mode.NEVER, 1);
        SimdWarmup.mode(SimdWarmup.Mode.AUTO);
        NetworkSimulator.warmUpSimd(net);
        NetworkResult auto = run(net, SimdWarmup.Mode.AUTO, 1);
        assertEquals(twin.spikeCount(), auto.spikeCount());
        for (int p = 0; p < twin.populations().size(); p++) {
            assertArrayEquals(twin.spikeNeurons().get(p), auto.spikeNeurons().get(p));
        }
    }

    private static NetworkResult run(Network net, SimdWarmup.Mode mode, int threads) {
        SimdWarmup.mode(mode);
        return NetworkSimulator.run(net, RunOptions.defaults().withThreads(threads).withDuration(300.0));
    }
}
