package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The COBA-LIF benchmark's mean E and I rates and mean CVs of the inter-spike intervals are those
 * Brian2 gives on the same network (src/test/resources/golden/coba-brian2-stats.json, five seeds),
 * within 10 %. A chaotic network's statistics vary with the seed, so the test averages three seeds.
 */
class NetworkStatisticsTest {
    private static final int SEEDS = 3;

    @Test
    void cobaRatesAndIrregularityMatchBrian2() throws IOException {
        JsonObject summary;
        try (InputStream in = getClass().getResourceAsStream("/golden/coba-brian2-stats.json")) {
            summary = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject("summary");
        }
        double rateE = 0;
        double rateI = 0;
        double cvE = 0;
        double cvI = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            NetworkResult r = NetworkSimulator.run(NetworkFactory.build(BenchmarkNetworks.coba(4000, seed), null), RunOptions.defaults());
            rateE += r.meanRateHz("E") / SEEDS;
            rateI += r.meanRateHz("I") / SEEDS;
            cvE += r.meanCvIsi("E") / SEEDS;
            cvI += r.meanCvIsi("I") / SEEDS;
        }
        assertWithin(mean(summary, "meanRateHz", "E"), rateE, "E rate (Hz)");
        assertWithin(mean(summary, "meanRateHz", "I"), rateI, "I rate (Hz)");
        assertWithin(mean(summary, "cvIsi", "E"), cvE, "E mean CV of ISIs");
        assertWithin(mean(summary, "cvIsi", "I"), cvI, "I mean CV of ISIs");
    }

    private static double mean(JsonObject summary, String measure, String population) {
        return summary.getAsJsonObject(measure).getAsJsonObject(population).get("mean").getAsDouble();
    }

    private static void assertWithin(double brian2, double ours, String what) {
        assertEquals(brian2, ours, 0.1 * brian2, what + ": BrainFX " + ours + " vs Brian2 " + brian2);
    }
}
