package org.brainfx.engine.net.connectome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;

/**
 * A network generated from a connectome: the spec, the synapse files its explicit projections name
 * (path relative to the project → synapses), and every neuron's connectome name in network order
 * (population by population; an area network names its neurons {@code population:index}).
 */
public record ConnectomeNetwork(NetworkSpec spec, Map<String, PairList> files, List<String> neurons) {
    /** Keeps the files' order. */
    public ConnectomeNetwork {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        neurons = List.copyOf(neurons);
    }

    /** The file, relative to the project, that lists each neuron's population and index. */
    public static final String NEURONS_FILE = "wiring/neurons.csv";

    /**
     * Writes the synapse files under the project folder and, when there are any, {@value #NEURONS_FILE}
     * ({@code name,population,index}) to find a named neuron in the network's spikes.
     */
    public void writeFiles(Path projectDir) throws IOException {
        for (Map.Entry<String, PairList> e : files.entrySet()) {
            e.getValue().write(projectDir.resolve(e.getKey()));
        }
        if (files.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("name,population,index\n");
        int k = 0;
        for (PopulationSpec p : spec.populations()) {
            for (int i = 0; i < p.size(); i++) {
                text.append(neurons.get(k++)).append(',').append(p.name()).append(',').append(i).append('\n');
            }
        }
        Files.writeString(projectDir.resolve(NEURONS_FILE), text.toString());
    }
}
