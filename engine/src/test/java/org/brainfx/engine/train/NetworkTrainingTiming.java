package org.brainfx.engine.train;

import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.compile.StepKernel;
import org.brainfx.engine.net.BuiltPopulation;
import org.brainfx.engine.net.BuiltProjection;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.task.TrialBatch;

/**
 * Prints the cost of the two routes from a network-spec training project to a gradient (a tool, not a
 * test): RsnnBptt on the translated network, seconds per batch, and NetworkBptt through the compiled
 * kernels, seconds and stored states per trial, with the two gradients' largest difference on that trial.
 * Arguments: project file (default the ea-training network variant), trials per batch (128), threads (1), batches (3).
 */
final class NetworkTrainingTiming {
    private NetworkTrainingTiming() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "../sample-projects/ea-training/variants/ea-training-network.brainfx.json");
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        TrainingProject project = TrainingProjectFiles.read(file);
        long t0 = System.nanoTime();
        TrainingSetup setup = TrainingSetup.of(project, project.training(), TrainingProjectFiles.baseDir(file));
        System.out.printf("translate (build with the network API, probe the kernels): %.2f s%n", (System.nanoTime() - t0) / 1e9);
        RsnnWeights g = RsnnWeights.zeros(setup.network());
        try (RsnnBptt bptt = new RsnnBptt(setup.network(), trials, threads)) {
            for (int i = 0; i < batches; i++) {
                TrialBatch batch = setup.task().batch(1, i, trials);
                long a = System.nanoTime();
                BatchOutcome out = bptt.gradient(batch, setup.initial(), g);
                System.out.printf("RsnnBptt: batch of %d × %d steps, %d thread(s): %.3f s (loss %.4f)%n", trials, batch.steps(),
                        threads, (System.nanoTime() - a) / 1e9, out.loss());
            }
        }
        TrialBatch one = NetworkRsnnTest.withoutFirstStep(setup.task().batch(1, 0, 1));
        NetworkSpec spec = project.network();
        SourceSpec timed = new SourceSpec(spec.sources().get(0).name(), "spike_times", setup.task().channels(), null, null,
                NetworkRsnnTest.spikeTimes(one));
        NetworkSpec driven = new NetworkSpec(spec.name(), spec.description(), spec.dt(), spec.duration(), spec.seed(),
                spec.populations(), List.of(timed), spec.projections(), spec.currents(), spec.monitors());
        Network net = NetworkFactory.build(driven, TrainingProjectFiles.baseDir(file));
        RsnnWeights trainer = RsnnWeights.zeros(setup.network());
        try (RsnnBptt bptt = new RsnnBptt(setup.network(), 1, 1)) {
            bptt.gradient(one, setup.initial(), trainer);
        }
        kernelsAsLanes(net, trials, one.steps());
        NetworkBptt kernels = new NetworkBptt(net, one.steps());
        double[][] w = NetworkBptt.weightsOf(net);
        for (int i = 0; i < 3; i++) {
            NetworkRsnnTest.ReadoutLoss loss = new NetworkRsnnTest.ReadoutLoss(setup.initial().readout(), setup.network(), one);
            Runtime rt = Runtime.getRuntime();
            rt.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            long a = System.nanoTime();
            NetworkGradient grad = kernels.gradient(w, loss);
            double seconds = (System.nanoTime() - a) / 1e9;
            long after = rt.totalMemory() - rt.freeMemory();
            double worst = NetworkRsnnTest.worstDifference(net, grad, loss, trainer, setup.network());
            System.out.printf("NetworkBptt: one trial × %d steps through the compiled kernels: %.3f s (≈ %.0f s per batch of %d"
                    + " on one thread), heap +%.0f MB; loss %.4f; every projection's and the readout's gradient within %.2g of"
                    + " its largest of RsnnBptt's%n", one.steps(), seconds, seconds * trials, trials, (after - before) / 1e6,
                    grad.loss(), worst);
        }
    }

    /**
     * The least route (b) would cost: the compiled neuron kernels alone, every trial of a batch as extra
     * lanes (parameters repeated), one forward and one reverse step per step, no synapses and no stored states.
     */
    private static void kernelsAsLanes(Network net, int trials, int steps) {
        double forward = 0;
        double backward = 0;
        for (BuiltPopulation pop : net.populations()) {
            StepKernel k = pop.model().kernel();
            int lanes = pop.size() * trials;
            double[][] p = new double[pop.parameters().length][lanes];
            for (int q = 0; q < p.length; q++) {
                for (int j = 0; j < trials; j++) {
                    System.arraycopy(pop.parameters()[q], 0, p[q], j * pop.size(), pop.size());
                }
            }
            int states = pop.model().stateCount();
            double[][] s = new double[states][lanes];
            double[][] next = new double[states][lanes];
            double[][] inv = new double[k.invariantCount()][lanes];
            double[][] in = new double[pop.model().inputCount()][lanes];
            double[] spike = new double[lanes];
            double[][] adjNext = new double[states][lanes];
            double[][] adjPrev = new double[states][lanes];
            double[][] gradP = new double[p.length][lanes];
            double[][] gradInv = new double[inv.length][lanes];
            double[][] gradIn = new double[in.length][lanes];
            double[] adjSpike = new double[lanes];
            k.prepare(p, net.spec().dt(), inv, 0, lanes);
            java.util.Arrays.fill(s[pop.voltage()], 0.5);
            long a = System.nanoTime();
            for (int t = 0; t < steps; t++) {
                k.forward(s, p, inv, in, net.spec().dt(), next, spike, 0, lanes);
                double[][] swap = s;
                s = next;
                next = swap;
            }
            long b = System.nanoTime();
            for (int t = 0; t < steps; t++) {
                k.backward(s, p, inv, in, net.spec().dt(), adjNext, adjSpike, adjPrev, gradP, gradInv, gradIn, 0, lanes);
                double[][] swap = adjNext;
                adjNext = adjPrev;
                adjPrev = swap;
            }
            forward += (b - a) / 1e9;
            backward += (System.nanoTime() - b) / 1e9;
        }
        System.out.printf("compiled kernels alone, %d trials as lanes × %d steps: forward %.3f s, reverse %.3f s (no synapses,"
                + " no checkpoints)%n", trials, steps, forward, backward);
    }
}
