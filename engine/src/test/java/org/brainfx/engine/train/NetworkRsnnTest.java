package org.brainfx.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.net.BuiltProjection;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkBuilder;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.SparseRows;
import org.brainfx.engine.net.ValueSpec;
import org.brainfx.engine.task.InputGroup;
import org.brainfx.engine.task.Period;
import org.brainfx.engine.task.TrialBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training network given as a network spec: the trainer's gradient of it (RsnnBptt on the translated
 * network) equals BPTT through the network API's compiled neuron kernels and synaptic propagation
 * (NetworkBptt, itself checked against finite differences), the sample variant is the reference network,
 * and networks outside the trainer's class are refused naming the place and the fix.
 */
class NetworkRsnnTest {
    private static final int E = 7;
    private static final int I = 3;
    private static final int N = E + I;
    private static final int CHANNELS = 5;
    private static final int STEPS = 50;
    private static final double D_SYN = Math.exp(-1.0 / 10);

    static final String ALIF = String.join("\n",
            "model alif",
            "state V = 0",
            "state Ia = 0",
            "param V_th = 1 fixed",
            "param tau = 100 ms fixed",
            "param tau_a = 1000 ms fixed",
            "param beta = 1 fixed",
            "input I",
            "dIa/dt = -Ia/tau_a",
            "dV/dt = (-V + I + Ia)/tau",
            "spike (V - V_th)/V_th > 0",
            "reset V = V - V_th",
            "reset Ia = Ia - beta",
            "surrogate relu alpha=0.3 width=1",
            "integrator exp_euler",
            "update sequential");

    /** The small E/I network: dense input, sparse recurrence, strong enough to fire in 50 steps. */
    static NetworkSpec small(String model, List<List<Double>> inputSpikes) {
        ModelSpec alif = ModelText.parse(model);
        NetworkBuilder b = NetworkBuilder.network("small-ei").dt(1).duration(STEPS).seed(5);
        b.population("E", E, "excitatory", alif).parameter("tau_a", ValueSpec.uniform(500, 1500)).add();
        b.population("I", I, "inhibitory", alif).parameter("tau_a", ValueSpec.uniform(500, 1500)).add();
        b.source(new SourceSpec("input", "spike_times", CHANNELS, null, null, inputSpikes));
        for (String post : List.of("E", "I")) {
            b.projection("input", post).receptor("e").synapse("exp", Map.of("tau", 10.0)).conductance(3)
                    .connectivity(ConnectivitySpec.allToAll(false)).weights(ValueSpec.uniform(0.3, 0.9)).trainable().add();
            b.projection("E", post).synapse("exp", Map.of("tau", 10.0)).conductance(3)
                    .connectivity(ConnectivitySpec.fixedProbability(0.6)).weights(ValueSpec.uniform(0.2, 0.8)).trainable().add();
            b.projection("I", post).synapse("exp", Map.of("tau", 10.0)).conductance(-3)
                    .connectivity(ConnectivitySpec.allToAll(true)).weights(ValueSpec.uniform(0.2, 0.8)).trainable().add();
        }
        return b.build();
    }

    private static final NetworkRsnn.ReadoutSpec READOUT = new NetworkRsnn.ReadoutSpec(10.0, "spikes", 2.0);

    /** One trial: Poisson input from step 1 on (the network API delivers a source spike after its step), loss over the last 10 steps. */
    static TrialBatch trial(int label) {
        SplittableRandom random = new SplittableRandom(3);
        int[] start = new int[STEPS + 1];
        List<Integer> channels = new ArrayList<>();
        for (int t = 0; t < STEPS; t++) {
            start[t] = channels.size();
            for (int c = 0; t > 0 && c < CHANNELS; c++) {
                if (random.nextDouble() < 0.25) {
                    channels.add(c);
                }
            }
        }
        start[STEPS] = channels.size();
        boolean[] mask = new boolean[STEPS];
        for (int t = STEPS - 10; t < STEPS; t++) {
            mask[t] = true;
        }
        return new TrialBatch("test", 3, 0, 1, STEPS, 1, List.of(new InputGroup("all", 0, CHANNELS)), new float[STEPS],
                start, channels.stream().mapToInt(Integer::intValue).toArray(), List.of("left", "right"), new int[] {label},
                mask, List.of(new Period("all", 0, STEPS)), Map.of());
    }

    /** Trial 0's input as the network API's spike times: the trainer's step t is the source's step t − 1. */
    static List<List<Double>> spikeTimes(TrialBatch batch) {
        List<List<Double>> spikes = new ArrayList<>();
        for (int t = 1; t < batch.steps(); t++) {
            int c = batch.cell(t, 0);
            for (int k = batch.spikeStart()[c]; k < batch.spikeStart()[c + 1]; k++) {
                spikes.add(List.of((double) batch.spikeChannel()[k], t - 1.0));
            }
        }
        return spikes;
    }

    @Test
    void trainerGradientEqualsBpttThroughTheCompiledKernels() {
        TrialBatch batch = trial(1);
        NetworkRsnn.Translation t = NetworkRsnn.of(small(ALIF, spikeTimes(batch)), READOUT, CHANNELS, 2, 1, Path.of("."));
        EiRsnn net = t.rsnn();
        assertEquals(100, net.tauMs(), 1e-9);
        assertEquals(10, net.tauSynMs(), 1e-9);
        assertEquals(3, net.eExc(), 1e-9);
        assertEquals(-3, net.eInh(), 1e-9);
        assertEquals(1, net.vThreshold(), 1e-9);
        assertEquals(SpikeFunction.reluSurrogate(), net.spike());
        RsnnWeights gradient = RsnnWeights.zeros(net);
        BatchOutcome out;
        try (RsnnBptt bptt = new RsnnBptt(net, 1, 1)) {
            out = bptt.gradient(batch, t.initial(), gradient);
        }
        ReadoutLoss loss = new ReadoutLoss(t.initial().readout(), net, batch);
        NetworkGradient reference = new NetworkBptt(t.network(), STEPS).gradient(NetworkBptt.weightsOf(t.network()), loss);
        assertTrue(loss.spikes > 20, "the network fires: " + loss.spikes + " spikes");
        assertEquals(reference.loss(), out.loss(), 1e-5 * Math.abs(reference.loss()), "the same loss");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int k = 0; k < t.network().projections().size(); k++) {
            BuiltProjection pr = t.network().projections().get(k);
            float[] trainer = pr.fromSource() ? gradient.input() : pr.pre() == 0 ? gradient.excitatory() : gradient.inhibitory();
            SparseRows rows = pr.rows();
            double largest = 0;
            for (double g : reference.weights().get(k)) {
                largest = Math.max(largest, Math.abs(g));
            }
            assertTrue(largest > 0, pr.name() + " has a gradient");
            for (int a = 0; a < rows.preCount(); a++) {
                for (int s = rows.rowStart()[a]; s < rows.rowStart()[a + 1]; s++) {
                    int post = (pr.post() == 0 ? 0 : E) + rows.post()[s];
                    double fromTrainer = trainer[a * N + post] / D_SYN;
                    double fromKernels = reference.weights().get(k)[s];
                    checked++;
                    if (Math.abs(fromTrainer - fromKernels) > 2e-4 * largest) {
                        failures.add(pr.name() + " " + a + "→" + rows.post()[s] + ": trainer " + fromTrainer + ", kernels "
                                + fromKernels);
                    }
                }
            }
        }
        double largestOut = 0;
        for (double g : loss.readoutGradient) {
            largestOut = Math.max(largestOut, Math.abs(g));
        }
        for (int i = 0; i < loss.readoutGradient.length; i++) {
            checked++;
            if (Math.abs(gradient.readout()[i] - loss.readoutGradient[i]) > 2e-4 * largestOut) {
                failures.add("readout " + i + ": trainer " + gradient.readout()[i] + ", kernels " + loss.readoutGradient[i]);
            }
        }
        assertTrue(checked > 100, "checked " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " differ:\n" + String.join("\n", failures));
    }

    @Test
    void onAFullTrialOfTheSampleTheTrainerGradientEqualsTheKernels() {
        Path file = Path.of("../sample-projects/ea-training/variants/ea-training-network.brainfx.json");
        TrainingProject p = TrainingProjectFiles.read(file);
        TrainingSetup setup = TrainingSetup.of(p, p.training(), TrainingProjectFiles.baseDir(file));
        TrialBatch one = withoutFirstStep(setup.task().batch(4, 0, 1));
        NetworkSpec spec = p.network();
        NetworkSpec driven = new NetworkSpec(spec.name(), spec.description(), spec.dt(), spec.duration(), spec.seed(),
                spec.populations(), List.of(new SourceSpec("input", "spike_times", setup.task().channels(), null, null,
                spikeTimes(one))), spec.projections(), spec.currents(), spec.monitors());
        Network net = NetworkFactory.build(driven, TrainingProjectFiles.baseDir(file));
        RsnnWeights trainer = RsnnWeights.zeros(setup.network());
        BatchOutcome out;
        try (RsnnBptt bptt = new RsnnBptt(setup.network(), 1, 1)) {
            out = bptt.gradient(one, setup.initial(), trainer);
        }
        ReadoutLoss loss = new ReadoutLoss(setup.initial().readout(), setup.network(), one);
        NetworkGradient kernels = new NetworkBptt(net, one.steps()).gradient(NetworkBptt.weightsOf(net), loss);
        assertTrue(loss.spikes > 100, "the network fires: " + loss.spikes);
        assertEquals(kernels.loss(), out.loss(), 1e-5 * kernels.loss());
        double worst = worstDifference(net, kernels, loss, trainer, setup.network());
        assertTrue(worst < 1e-3, "every gradient within 1e-3 of its projection's largest: " + worst);
    }

    /**
     * A one-trial batch with the input of step 0 removed: the network API delivers a source's spike after
     * its step, so the trainer's input at step t is the source's at t − 1 and step 0's has no counterpart.
     */
    static TrialBatch withoutFirstStep(TrialBatch b) {
        if (b.trials() != 1) {
            throw new IllegalArgumentException("one trial, got " + b.trials());
        }
        int[] start = new int[b.spikeStart().length];
        int first = b.spikeStart()[1];
        for (int c = 1; c < start.length; c++) {
            start[c] = b.spikeStart()[c] - first;
        }
        int[] channels = Arrays.copyOfRange(b.spikeChannel(), first, b.spikeChannel().length);
        return new TrialBatch(b.task(), b.seed(), b.batchIndex(), b.trials(), b.steps(), b.dtMs(), b.groups(), b.rates(), start,
                channels, b.classNames(), b.labels(), b.mask(), b.periods(), b.info());
    }

    /**
     * The largest difference between the trainer's gradient and the kernels' (NetworkBptt with {@code loss}),
     * per projection and for the readout, relative to that projection's largest entry.
     */
    static double worstDifference(Network net, NetworkGradient kernels, ReadoutLoss loss, RsnnWeights trainer, EiRsnn rsnn) {
        double dSyn = Math.exp(-rsnn.dtMs() / rsnn.tauSynMs());
        double worst = relativeDifference(loss.readoutGradient, trainer.readout(), 1);
        for (int q = 0; q < net.projections().size(); q++) {
            BuiltProjection pr = net.projections().get(q);
            float[] all = pr.fromSource() ? trainer.input() : pr.pre() == 0 ? trainer.excitatory() : trainer.inhibitory();
            int offset = pr.post() == 0 ? 0 : rsnn.excitatory();
            SparseRows rows = pr.rows();
            float[] mine = new float[rows.synapseCount()];
            for (int pre = 0; pre < rows.preCount(); pre++) {
                for (int k = rows.rowStart()[pre]; k < rows.rowStart()[pre + 1]; k++) {
                    mine[k] = all[pre * rsnn.neurons() + offset + rows.post()[k]];
                }
            }
            worst = Math.max(worst, relativeDifference(kernels.weights().get(q), mine, 1 / dSyn));
        }
        return worst;
    }

    private static double relativeDifference(double[] reference, float[] other, double scale) {
        double largest = 0;
        double off = 0;
        for (int k = 0; k < reference.length; k++) {
            largest = Math.max(largest, Math.abs(reference[k]));
            off = Math.max(off, Math.abs(reference[k] - other[k] * scale));
        }
        return largest == 0 ? Double.POSITIVE_INFINITY : off / largest;
    }

    @Test
    void sampleVariantIsTheReferenceNetwork() {
        Path file = Path.of("../sample-projects/ea-training/variants/ea-training-network.brainfx.json");
        TrainingProject p = TrainingProjectFiles.read(file);
        TrainingSetup setup = TrainingSetup.of(p, p.training(), TrainingProjectFiles.baseDir(file));
        TrainingProject rsnnProject = TrainingProjectFiles.read(Path.of("../sample-projects/ea-training"));
        EiRsnn reference = TrainingSetup.of(rsnnProject, rsnnProject.training(), Path.of("../sample-projects/ea-training"))
                .network();
        EiRsnn net = setup.network();
        float[] tauA = net.tauAdaptMs();
        for (float tau : tauA) {
            assertTrue(tau >= 500 && tau <= 1500, "τ_a in [500, 1500]: " + tau);
        }
        double[][] pairs = {{reference.tauMs(), net.tauMs()}, {reference.tauSynMs(), net.tauSynMs()},
            {reference.tauOutMs(), net.tauOutMs()}, {reference.vThreshold(), net.vThreshold()}, {reference.vRest(), net.vRest()},
            {reference.beta(), net.beta()}, {reference.eExc(), net.eExc()}, {reference.eInh(), net.eInh()},
            {reference.inputs(), net.inputs()}, {reference.excitatory(), net.excitatory()},
            {reference.inhibitory(), net.inhibitory()}, {reference.outputs(), net.outputs()}};
        for (double[] pair : pairs) {
            assertEquals(pair[0], pair[1], 1e-9 * Math.abs(pair[0]) + 1e-12, "the rsnn sample's network: " + net);
        }
        assertEquals(reference.spike(), net.spike());
        assertEquals(reference.readout(), net.readout());
        assertEquals(reference.detachReset(), net.detachReset());
        assertNull(net.inputMask());
        assertNull(net.inhibitoryMask());
        assertNull(net.excitatoryMask(), "dense with self-connections, as the reference");
        double[] sd = {sd(setup.initial().input()), sd(setup.initial().excitatory()), sd(setup.initial().inhibitory())};
        double[] expected = {Math.sqrt(1.0 / 100), Math.sqrt(0.5 / 160), Math.sqrt(2.0 / 40)};
        for (int k = 0; k < 3; k++) {
            assertEquals(expected[k], sd[k], 0.05 * expected[k], "Kaiming sd of " + RsnnWeights.NAMES.get(k));
        }
        for (String variant : List.of("sparse", "gaussian")) {
            Path v = Path.of("../sample-projects/ea-training/variants/ea-training-network-" + variant + ".brainfx.json");
            TrainingProject vp = TrainingProjectFiles.read(v);
            EiRsnn sparse = TrainingSetup.of(vp, vp.training(), TrainingProjectFiles.baseDir(v)).network();
            int kept = 0;
            for (boolean b : sparse.excitatoryMask()) {
                kept += b ? 1 : 0;
            }
            double density = (double) kept / sparse.excitatoryMask().length;
            assertTrue(density > 0.02 && density < 0.3, variant + ": E → all density " + density);
        }
    }

    /** The root-mean-square of the weights (their sd: Kaiming draws have mean 0 before |w|). */
    private static double sd(float[] w) {
        double sum = 0;
        for (float x : w) {
            sum += x * (double) x;
        }
        return Math.sqrt(sum / w.length);
    }

    @Test
    void networksOutsideTheTrainersClassAreRefused() {
        List<List<Double>> none = List.of();
        assertRefused(small(ALIF, none), s -> with(s, 0, p -> new ProjectionSpec(p.name(), p.pre(), p.post(), p.synapse(),
                p.synapseParameters(), p.output(), p.reversal(), p.receptor(), p.target(), p.connectivity(), p.weights(),
                p.delays(), p.sign(), false, null)), "input->E", "not trainable", "\"trainable\": true");
        assertRefused(small(ALIF, none), s -> with(s, 2, p -> new ProjectionSpec(p.name(), p.pre(), p.post(), "alpha",
                p.synapseParameters(), p.output(), p.reversal(), p.receptor(), p.target(), p.connectivity(), p.weights(),
                p.delays(), p.sign(), true, null)), "I->E", "synapse 'alpha'", "\"synapse\": \"exp\"");
        assertRefused(small(ALIF, none), s -> with(s, 5, p -> new ProjectionSpec(p.name(), p.pre(), p.post(), p.synapse(),
                p.synapseParameters(), "current", null, p.receptor(), p.target(), p.connectivity(), p.weights(),
                p.delays(), p.sign(), true, null)), "I->I", "output current", "conductance");
        assertRefused(small(ALIF, none), s -> with(s, 1, p -> new ProjectionSpec(p.name(), p.pre(), p.post(), p.synapse(),
                p.synapseParameters(), p.output(), p.reversal(), p.receptor(), p.target(), p.connectivity(), p.weights(),
                ValueSpec.constant(2), p.sign(), true, null)), "E->E", "delays", "remove 'delays'");
        assertRefused(small(ALIF.replace("integrator exp_euler", "integrator euler"), none), s -> s, "population 'E'",
                "does not step as the trainer's adaptive LIF", "ei_alif.model");
        assertRefused(small(ALIF.replace("state Ia = 0\n", "").replace("dIa/dt = -Ia/tau_a\n", "").replace(" + Ia)", ")")
                .replace("reset Ia = Ia - beta\n", ""), none), s -> s, "population 'E'", "two states", "adaptive LIF");
        assertRefused(small(ALIF.replace("surrogate relu alpha=0.3 width=1", "surrogate sigmoid alpha=4"), none), s -> s,
                "population 'E'", "surrogate sigmoid", "surrogate relu");
        assertRefused(small(ALIF.replace("spike (V - V_th)/V_th > 0", "spike V - V_th > 0").replace("param V_th = 1 fixed",
                "param V_th = 0.5 fixed"), none), s -> s, "population 'E'", "surrogate gives", "(V − V_th)/V_th > 0");
        assertRefused(small(ALIF.replace("spike (V - V_th)/V_th > 0", "spike V > 2*V_th - 1").replace("param V_th = 1 fixed",
                "param V_th = 0.5 fixed"), none), s -> s, "population 'E'", "it spikes at", "(V − V_th)/V_th > 0");
        assertRefused(small(ALIF, none), s -> with(s, 2, p -> new ProjectionSpec(p.name(), p.pre(), p.post(), p.synapse(),
                p.synapseParameters(), p.output(), 3.0, "e", p.target(), p.connectivity(), p.weights(), p.delays(), p.sign(),
                true, null)), "population 'E'", "feed one conductance", "another 'receptor'");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> NetworkRsnn.of(small(ALIF, none), null, CHANNELS, 2, 1, Path.of(".")));
        assertTrue(missing.getMessage().contains("needs a \"readout\""), missing.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> NetworkRsnn.of(small(ALIF, none), READOUT, 100, 2, 1, Path.of(".")));
        assertTrue(channels.getMessage().contains("5 channels but the task has 100"), channels.getMessage());
        IllegalArgumentException dt = assertThrows(IllegalArgumentException.class,
                () -> NetworkRsnn.of(small(ALIF, none), READOUT, CHANNELS, 2, 0.5, Path.of(".")));
        assertTrue(dt.getMessage().contains("set network.dt to 0.5"), dt.getMessage());
    }

    @Test
    void aProjectGivesItsNetworkOnce() {
        Path file = Path.of("../sample-projects/ea-training/variants/ea-training-network.brainfx.json");
        TrainingProject p = TrainingProjectFiles.read(file);
        TrainingProject twice = p.withRsnn(new TrainingProject.RsnnSpec(null, null, 50.0, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(twice, p.training(), TrainingProjectFiles.baseDir(file)));
        assertTrue(e.getMessage().contains("gives its network twice"), e.getMessage());
        TrainingProject noReadout = new TrainingProject(1, "x", "", p.task(), null, p.training(), p.network(), null);
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(noReadout, p.training(), TrainingProjectFiles.baseDir(file)));
        assertTrue(r.getMessage().contains("needs a \"readout\""), r.getMessage());
    }

    @Test
    void aNetworkProjectSavesAndStartsFromAppliedWeights(@TempDir Path dir) throws Exception {
        Path file = Path.of("../sample-projects/ea-training/variants/ea-training-network.brainfx.json");
        TrainingProject p = TrainingProjectFiles.read(file);
        Files.copy(Path.of("../sample-projects/ea-training/ei_alif.model"), dir.resolve("ei_alif.model"));
        Path variants = Files.createDirectory(dir.resolve("variants"));
        Path saved = variants.resolve("saved.brainfx.json");
        TrainingProjectFiles.write(p, saved);
        TrainingProject back = TrainingProjectFiles.read(saved);
        assertEquals(p, back, "a network project round-trips through its file (the dashboard's Save settings)");
        TrainingSetup setup = TrainingSetup.of(back, back.training(), variants);
        RsnnWeights trained = setup.initial().copy();
        trained.readout()[3] = 7;
        RsnnWeightFiles.write(variants.resolve("trained"), setup.network(), trained);
        TrainingProject applied = back.withRsnn(TrainingProject.RsnnSpec.reference().withWeights("trained"));
        TrainingSetup from = TrainingSetup.of(applied, applied.training(), variants);
        assertEquals(7f, from.initial().readout()[3], "Apply weights: rsnn.weights beside a network");
        assertEquals(setup.network(), from.network());
    }

    private static NetworkSpec with(NetworkSpec s, int index, UnaryOperator<ProjectionSpec> change) {
        List<ProjectionSpec> projections = new ArrayList<>(s.projections());
        projections.set(index, change.apply(projections.get(index)));
        return new NetworkSpec(s.name(), s.description(), s.dt(), s.duration(), s.seed(), s.populations(), s.sources(),
                projections, s.currents(), s.monitors());
    }

    private static void assertRefused(NetworkSpec base, UnaryOperator<NetworkSpec> change, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkRsnn.of(change.apply(base), READOUT, CHANNELS, 2, 1, Path.of(".")));
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' in: " + e.getMessage());
        }
    }

    /**
     * The trainer's readout and loss as a {@link NetworkLoss}: r ← d_out·r + z·W_out over E then I,
     * softmax cross-entropy at the masked steps, mean over them (trial 0 of the batch); keeps dL/dW_out.
     */
    static final class ReadoutLoss implements NetworkLoss {
        private final float[] wOut;
        private final int outputs;
        private final double dOut;
        private final boolean[] mask;
        private final int label;
        private final double[][] r;
        private final double[][] zAll;
        private final double[] lambda;
        private final double[] next;
        private final double perStep;
        private final int excitatory;
        private final int neurons;
        final double[] readoutGradient;
        int spikes;

        ReadoutLoss(float[] wOut, EiRsnn net, TrialBatch batch) {
            this.wOut = wOut;
            this.outputs = net.outputs();
            this.dOut = Math.exp(-net.dtMs() / net.tauOutMs());
            this.mask = batch.mask();
            this.label = batch.labels()[0];
            this.excitatory = net.excitatory();
            this.neurons = net.neurons();
            this.r = new double[batch.steps()][outputs];
            this.zAll = new double[batch.steps()][neurons];
            this.lambda = new double[outputs];
            this.next = new double[outputs];
            this.perStep = 1.0 / batch.maskedSteps();
            this.readoutGradient = new double[neurons * outputs];
        }

        @Override
        public double forward(int step, int population, double[][] state, double[] spike) {
            int offset = population == 0 ? 0 : excitatory;
            for (int o = 0; o < outputs; o++) {
                r[step][o] = population == 0 ? step == 0 ? 0 : dOut * r[step - 1][o] : r[step][o];
                for (int k = 0; k < spike.length; k++) {
                    r[step][o] += spike[k] * wOut[(offset + k) * outputs + o];
                }
            }
            for (int k = 0; k < spike.length; k++) {
                zAll[step][offset + k] = spike[k];
                spikes += spike[k] != 0 ? 1 : 0;
            }
            if (population != 1 || !mask[step]) {
                return 0;
            }
            double max = max(r[step]);
            double sum = 0;
            for (int o = 0; o < outputs; o++) {
                sum += Math.exp(r[step][o] - max);
            }
            return perStep * (max + Math.log(sum) - r[step][label]);
        }

        private static double max(double[] x) {
            double m = x[0];
            for (double v : x) {
                m = Math.max(m, v);
            }
            return m;
        }

        @Override
        public void backward(int step, int population, double[][] state, double[] spike, double[][] adjState, double[] adjSpike) {
            if (population == 0) {
                for (int o = 0; o < outputs; o++) {
                    lambda[o] = dOut * next[o];
                }
                if (mask[step]) {
                    double max = max(r[step]);
                    double sum = 0;
                    for (int o = 0; o < outputs; o++) {
                        sum += Math.exp(r[step][o] - max);
                    }
                    for (int o = 0; o < outputs; o++) {
                        lambda[o] += perStep * (Math.exp(r[step][o] - max) / sum - (o == label ? 1 : 0));
                    }
                }
                System.arraycopy(lambda, 0, next, 0, outputs);
                for (int k = 0; k < neurons; k++) {
                    for (int o = 0; o < outputs; o++) {
                        readoutGradient[k * outputs + o] += zAll[step][k] * lambda[o];
                    }
                }
            }
            int offset = population == 0 ? 0 : excitatory;
            for (int k = 0; k < spike.length; k++) {
                for (int o = 0; o < outputs; o++) {
                    adjSpike[k] += wOut[(offset + k) * outputs + o] * lambda[o];
                }
            }
        }
    }
}
