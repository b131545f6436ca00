package org.brainfx.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeWriter;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.connectome.ConnectomeNetwork;
import org.brainfx.engine.net.connectome.ConnectomeProjects;
import org.brainfx.engine.net.connectome.NetworkConnectivity;
import org.brainfx.engine.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainfx connectome-network}: regenerates a network project's network from the connectome
 * mapping saved in it, optionally builds it (synapses, memory, build time) and writes its wiring out.
 */
@Command(name = "connectome-network",
        description = {
                "Regenerate a network project's \"network\" (and its wiring/*.csv synapse files) from the",
                "\"connectome\" mapping saved in it, after editing the mapping.",
        })
public final class ConnectomeNetworkCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "A network project folder or *.brainfx.json file with a \"connectome\".")
    private Path project;

    @Option(names = "--build", description = "Also build the network: print its synapse count, memory and build time.")
    private boolean build;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Build the network and write its wiring: edges.csv (pre,post,weight,type; chemical weights"
                    + " signed), labels.txt and one <layer>.npy matrix per layer (row = presynaptic).")
    private Path export;

    @Override
    public Integer call() throws IOException {
        Path file = ProjectFiles.locate(project);
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        ConnectomeNetwork generated = ConnectomeProjects.regenerate(file);
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        long files = generated.files().values().stream().mapToLong(p -> p.size()).sum();
        out.printf(Locale.ROOT, "wrote       %s (%d populations, %d neurons, %d projections; %d synapses in %d wiring"
                        + " files) in %.2f s%n", file, generated.spec().populations().size(), generated.neurons().size(),
                generated.spec().projections().size(), files, generated.files().size(), generateSeconds);
        if (build || export != null) {
            Runtime rt = Runtime.getRuntime();
            rt.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            Network net = NetworkFactory.build(generated.spec(), file.toAbsolutePath().getParent());
            rt.gc();
            long after = rt.totalMemory() - rt.freeMemory();
            out.printf(Locale.ROOT, "built       %d neurons, %d synapses (%.1f MB of synapse arrays; heap +%.0f MB) in %.2f s%n",
                    net.neuronCount(), net.synapseCount(), net.synapseBytes() / 1e6, (after - before) / 1e6,
                    net.buildSeconds());
            if (export != null) {
                Files.createDirectories(export);
                boolean named = generated.neurons().size() == net.neuronCount();
                Connectome wiring = NetworkConnectivity.of(net, named ? generated.neurons() : null);
                ConnectomeWriter.writeEdgeList(wiring, export.resolve("edges.csv"));
                ConnectomeWriter.writeLabels(wiring.nodes(), export.resolve("labels.txt"));
                for (EdgeLayer layer : wiring.layers()) {
                    ConnectomeWriter.writeNpy(layer, export.resolve(layer.name() + ".npy"));
                }
                out.printf(Locale.ROOT, "wrote       %s (edges.csv, labels.txt, %d .npy)%n", export, wiring.layers().size());
            }
        }
        out.flush();
        return 0;
    }
}
