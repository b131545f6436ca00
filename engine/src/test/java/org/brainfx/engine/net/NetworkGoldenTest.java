package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network step reproduces Brian2 spike for spike: a 20-neuron LIF network with explicit,
 * delayed, excitatory and inhibitory current synapses and a refractory period (golden file made
 * with Brian2's numpy target; see src/test/resources/golden/PROVENANCE.md).
 */
class NetworkGoldenTest {
    private static final int EXCITATORY = 15;

    @Test
    void twentyNeuronsSpikeForSpikeAsBrian2(@TempDir Path dir) throws IOException {
        JsonObject golden = golden();
        NetworkSpec spec = network(golden, dir);
        for (int threads = 1; threads <= 2; threads++) {
            NetworkResult r = NetworkSimulator.run(NetworkFactory.build(spec, dir), RunOptions.defaults().withThreads(threads));
            assertEquals(expectedSpikes(golden), spikes(r), "spikes as [neuron, step]");
        }
    }

    static JsonObject golden() throws IOException {
        try (InputStream in = NetworkGoldenTest.class.getResourceAsStream("/golden/net20-brian2.json")) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    /** The golden network, neurons 0–14 as population E and 15–19 as I (Dale's law: signs from the type). */
    static NetworkSpec network(JsonObject g, Path dir) throws IOException {
        ModelSpec lif = ModelText.parse(String.join("\n",
                "model lif20",
                "state v = -65 mV",
                "param E_L = " + g.get("eLMv").getAsDouble() + " mV fixed",
                "param bias = 0 mV fixed",
                "param tau = " + g.get("tauMs").getAsDouble() + " ms fixed",
                "input I : mV",
                "dv/dt = (E_L - v + bias + I)/tau",
                "spike v > " + g.get("thresholdMv").getAsDouble() + " mV",
                "reset v = " + g.get("resetMv").getAsDouble() + " mV",
                "refractory " + g.get("refractoryMs").getAsDouble() + " ms",
                "integrator exp_euler"));
        int n = g.get("neurons").getAsInt();
        NetworkBuilder b = NetworkBuilder.network("net20").dt(g.get("dtMs").getAsDouble()).duration(g.get("durationMs").getAsDouble());
        b.population("E", EXCITATORY, "excitatory", lif)
                .parameter("bias", ValueSpec.fromFile(values(dir, "biasE.txt", g.getAsJsonArray("biasMv"), 0, EXCITATORY)))
                .initial("v", ValueSpec.fromFile(values(dir, "v0E.txt", g.getAsJsonArray("v0Mv"), 0, EXCITATORY))).add();
        b.population("I", n - EXCITATORY, "inhibitory", lif)
                .parameter("bias", ValueSpec.fromFile(values(dir, "biasI.txt", g.getAsJsonArray("biasMv"), EXCITATORY, n)))
                .initial("v", ValueSpec.fromFile(values(dir, "v0I.txt", g.getAsJsonArray("v0Mv"), EXCITATORY, n))).add();
        for (String pre : List.of("E", "I")) {
            for (String post : List.of("E", "I")) {
                StringBuilder csv = new StringBuilder("pre,post,weight\n");
                List<Double> delays = new ArrayList<>();
                for (JsonElement e : g.getAsJsonArray("synapses")) {
                    JsonObject s = e.getAsJsonObject();
                    int i = s.get("i").getAsInt();
                    int j = s.get("j").getAsInt();
                    if ((i < EXCITATORY) == pre.equals("E") && (j < EXCITATORY) == post.equals("E")) {
                        csv.append(local(i)).append(',').append(local(j)).append(',')
                                .append(Math.abs(s.get("wMv").getAsDouble())).append('\n');
                        delays.add(s.get("delayMs").getAsDouble());
                    }
                }
                Path pairs = dir.resolve(pre + post + ".csv");
                Files.writeString(pairs, csv);
                Path delayFile = dir.resolve(pre + post + "-delays.txt");
                Files.writeString(delayFile, String.join("\n", delays.stream().map(String::valueOf).toList()));
                b.projection(pre, post).receptor("g").synapse("exp", Map.of("tau", g.get("tauSynMs").getAsDouble()))
                        .connectivity(new ConnectivitySpec("explicit", null, null, null, null, null, null, null, pairs.toString()))
                        .delays(ValueSpec.fromFile(delayFile.toString())).add();
            }
        }
        return b.monitor(MonitorSpec.spikes()).build();
    }

    private static int local(int neuron) {
        return neuron < EXCITATORY ? neuron : neuron - EXCITATORY;
    }

    private static String values(Path dir, String name, JsonArray all, int from, int to) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int k = from; k < to; k++) {
            s.append(all.get(k).getAsDouble()).append('\n');
        }
        Files.writeString(dir.resolve(name), s);
        return dir.resolve(name).toString();
    }

    static List<List<Integer>> expectedSpikes(JsonObject g) {
        List<List<Integer>> out = new ArrayList<>();
        for (JsonElement e : g.getAsJsonArray("spikes")) {
            JsonArray a = e.getAsJsonArray();
            out.add(List.of(a.get(0).getAsInt(), a.get(1).getAsInt()));
        }
        return out;
    }

    /** Spikes as [global neuron, step], sorted by step then neuron, as the golden file lists them. */
    static List<List<Integer>> spikes(NetworkResult r) {
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 0; p < r.populations().size(); p++) {
            int offset = p == 0 ? 0 : EXCITATORY;
            int[] steps = r.spikeSteps().get(p);
            int[] neurons = r.spikeNeurons().get(p);
            for (int k = 0; k < steps.length; k++) {
                out.add(List.of(neurons[k] + offset, steps[k]));
            }
        }
        out.sort((a, b) -> a.get(1).equals(b.get(1)) ? Integer.compare(a.get(0), b.get(0)) : Integer.compare(a.get(1), b.get(1)));
        return out;
    }
}
