package org.brainfx.engine.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.brainfx.engine.net.BuiltPopulation;
import org.brainfx.engine.net.BuiltProjection;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.SparseRows;
import org.brainfx.engine.net.Wiring;

/**
 * A training project's network given as an ordinary {@link NetworkSpec}, built with the network API
 * and turned into the trainer's {@link EiRsnn}: the class of networks {@link RsnnBptt} trains fast.
 * That class is one excitatory and at most one inhibitory population of an adaptive LIF (read off the
 * compiled kernels by {@link AlifProbe}), spike sources whose channels, in their order, are the task's
 * input channels, and trainable exponential conductance projections from the sources and populations
 * onto the populations, without delays, the sources and E sharing one conductance per neuron and I
 * another. Anything outside it is refused, naming the population, projection or field and the fix.
 *
 * <p>Weights follow the network API's meaning, so the network trains as it simulates: the engine adds a
 * spike to a conductance after the step's decay, the trainer (the reference's order) before it, so
 * the trainer's weight is the built weight divided by exp(−dt/τ_syn). The initial weights are the built
 * network's (its connectivity and weight rules, drawn from the network's seed); the readout's from
 * {@link ReadoutSpec}.
 */
public final class NetworkRsnn {
    /**
     * A network ready to train.
     *
     * @param network the network as the network API built it
     * @param rsnn    the same network as the trainer holds it
     * @param initial its initial weights (the built weights in the trainer's convention, a fresh readout)
     */
    public record Translation(Network network, EiRsnn rsnn, RsnnWeights initial) {
    }

    /**
     * The leaky readout of a network given as a {@link NetworkSpec}: r ← exp(−dt/τ_out)·r + x·W_out over
     * every recurrent neuron (E then I), W_out drawn Kaiming-normal.
     *
     * @param tauMs        the readout's time constant, ms (required)
     * @param reads        {@code spikes} (the reference) or {@code potential} (standardized membrane potentials)
     * @param scale        the Kaiming scale of W_out (2, the reference's)
     */
    public record ReadoutSpec(Double tauMs, String reads, Double scale) {
    }

    private NetworkRsnn() {
    }

    /**
     * Builds {@code spec} (relative file names from {@code baseDir}) for a task of {@code channels} input
     * channels and {@code outputs} classes stepping at {@code dtMs}.
     *
     * @throws IllegalArgumentException naming the population, projection or field and the fix
     */
    public static Translation of(NetworkSpec spec, ReadoutSpec readout, int channels, int outputs, double dtMs, Path baseDir) {
        if (readout == null) {
            throw new IllegalArgumentException("a training project that gives its network as \"network\" needs a \"readout\","
                    + " e.g. \"readout\": {\"tauMs\": 10, \"reads\": \"spikes\", \"scale\": 2}");
        }
        if (readout.tauMs() == null || !(readout.tauMs() > 0) || readout.tauMs().isInfinite()) {
            throw new IllegalArgumentException("readout.tauMs must be given, finite and > 0 (the reference's is 10); got "
                    + readout.tauMs());
        }
        double readoutScale = readout.scale() == null ? 2.0 : readout.scale();
        if (!(readoutScale > 0) || Double.isInfinite(readoutScale)) {
            throw new IllegalArgumentException("readout.scale must be finite and > 0 (the reference's is 2); got " + readoutScale);
        }
        EiRsnn.Readout reads = readout.reads() == null ? EiRsnn.Readout.SPIKES : parseReads(readout.reads());
        if (Math.abs(spec.dt() - dtMs) > 1e-12 * dtMs) {
            throw new IllegalArgumentException("network.dt is " + spec.dt() + " ms but the task steps at " + dtMs
                    + " ms; set network.dt to " + dtMs);
        }
        if (!spec.currents().isEmpty()) {
            throw new IllegalArgumentException("network.currents: the trainer drives the network with the task's spikes only;"
                    + " remove the injected currents");
        }
        PopulationSpec e = null;
        PopulationSpec i = null;
        for (PopulationSpec p : spec.populations()) {
            if ("excitatory".equals(p.type()) && e == null) {
                e = p;
            } else if ("inhibitory".equals(p.type()) && i == null) {
                i = p;
            } else {
                throw new IllegalArgumentException("network population '" + p.name() + "' (type " + p.type() + "): the"
                        + " trainer holds one excitatory and at most one inhibitory population (Dale's law gives each"
                        + " projection its sign); merge it into one of those or remove it");
            }
        }
        if (e == null) {
            throw new IllegalArgumentException("network has no population of type excitatory; the trainer needs one"
                    + " excitatory and at most one inhibitory population");
        }
        int sourceChannels = spec.sources().stream().mapToInt(SourceSpec::size).sum();
        if (sourceChannels != channels) {
            throw new IllegalArgumentException("network.sources have " + sourceChannels + " channels but the task has "
                    + channels + " input channels; the sources, in their order, stand for the task's channels: give them "
                    + channels + " in all");
        }
        Network net;
        try {
            net = NetworkFactory.build(spec, baseDir);
        } catch (NetworkException ex) {
            throw new IllegalArgumentException("network: " + ex.getMessage(), ex);
        }
        return translate(net, e.name(), i == null ? null : i.name(), reads, readout.tauMs(), readoutScale, channels, outputs);
    }

    private static EiRsnn.Readout parseReads(String name) {
        try {
            return EiRsnn.Readout.parse(name);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("readout.reads '" + name + "' is not known; use spikes or potential", ex);
        }
    }

    private static Translation translate(Network net, String eName, String iName, EiRsnn.Readout reads, double tauOut,
                                         double readoutScale, int channels, int outputs) {
        int ep = net.populationIndex(eName);
        int ip = iName == null ? -1 : net.populationIndex(iName);
        int nE = net.populations().get(ep).size();
        int nI = ip < 0 ? 0 : net.populations().get(ip).size();
        int n = nE + nI;
        int[] sourceOffset = new int[net.sources().size()];
        for (int k = 1; k < sourceOffset.length; k++) {
            sourceOffset[k] = sourceOffset[k - 1] + net.sources().get(k - 1).size();
        }
        int[][] receptor = {{-1, -1}, {-1, -1}};
        List<BuiltProjection> projections = net.projections();
        for (int k = 0; k < projections.size(); k++) {
            BuiltProjection pr = projections.get(k);
            ProjectionSpec ps = net.spec().projections().get(k);
            check(pr, ps);
            int post = pr.post() == ep ? 0 : 1;
            int kind = !pr.fromSource() && pr.pre() == ip ? 1 : 0;
            if (receptor[post][kind] < 0) {
                receptor[post][kind] = pr.targetState();
            } else if (receptor[post][kind] != pr.targetState()) {
                throw new IllegalArgumentException("network projection '" + pr.name() + "' feeds "
                        + net.populations().get(pr.post()).model().stateNames().get(pr.targetState()) + " but another "
                        + (kind == 0 ? "excitatory" : "inhibitory") + " projection onto '" + net.populations().get(pr.post()).name()
                        + "' feeds " + net.populations().get(pr.post()).model().stateNames().get(receptor[post][kind])
                        + "; the trainer has one " + (kind == 0 ? "excitatory conductance (sources and E)" : "inhibitory conductance")
                        + " per neuron: give them the same 'receptor'");
            }
        }
        for (int post = 0; post < 2; post++) {
            if (receptor[post][0] >= 0 && receptor[post][0] == receptor[post][1]) {
                BuiltPopulation target = net.populations().get(post == 0 ? ep : ip);
                throw new IllegalArgumentException("network population '" + target.name() + "': its excitatory (sources, E) and"
                        + " inhibitory (I) projections feed one conductance, " + target.model().stateNames().get(receptor[post][0])
                        + "; the trainer has one of each per neuron: give the inhibitory projections another 'receptor'");
            }
        }
        double dt = net.spec().dt();
        AlifProbe.Constants ce = AlifProbe.read(net.populations().get(ep), receptor[0][0], receptor[0][1], dt);
        AlifProbe.Constants ci = ip < 0 ? null : AlifProbe.read(net.populations().get(ip), receptor[1][0], receptor[1][1], dt);
        AlifProbe.Constants c = merged(ce, ci, eName, iName);
        checkInitialRest(net.populations().get(ep));
        if (ip >= 0) {
            checkInitialRest(net.populations().get(ip));
        }
        float[] tauA = new float[n];
        System.arraycopy(ce.tauAdaptMs(), 0, tauA, 0, nE);
        if (ci != null) {
            System.arraycopy(ci.tauAdaptMs(), 0, tauA, nE, nI);
        }
        double tauSyn = Double.isNaN(c.tauSynE()) ? c.tauSynI() : c.tauSynE();
        if (Double.isNaN(tauSyn)) {
            throw new IllegalArgumentException("network has no projections; the trainer trains input → all, E → all and"
                    + " I → all conductance projections");
        }
        double toTrainer = 1 / Math.exp(-dt / tauSyn);
        float[] wIn = new float[channels * n];
        float[] wE = new float[nE * n];
        float[] wI = new float[nI * n];
        boolean[] mIn = new boolean[wIn.length];
        boolean[] mE = new boolean[wE.length];
        boolean[] mI = new boolean[wI.length];
        for (BuiltProjection pr : projections) {
            int postOffset = pr.post() == ep ? 0 : nE;
            float[] w;
            boolean[] m;
            int preOffset;
            if (pr.fromSource()) {
                w = wIn;
                m = mIn;
                preOffset = sourceOffset[pr.pre()];
            } else if (pr.pre() == ep) {
                w = wE;
                m = mE;
                preOffset = 0;
            } else {
                w = wI;
                m = mI;
                preOffset = 0;
            }
            SparseRows rows = pr.rows();
            for (int a = 0; a < rows.preCount(); a++) {
                for (int s = rows.rowStart()[a]; s < rows.rowStart()[a + 1]; s++) {
                    int at = (preOffset + a) * n + postOffset + rows.post()[s];
                    if (m[at]) {
                        throw new IllegalArgumentException("network projection '" + pr.name() + "' has a second synapse from "
                                + a + " to " + rows.post()[s] + " (or another projection has one there); the trainer holds one"
                                + " weight per pair of neurons: set the connectivity's multapses off or remove the duplicate"
                                + " projection");
                    }
                    m[at] = true;
                    w[at] = (float) (rows.weight()[s] * toTrainer);
                }
            }
        }
        EiRsnn rsnn = new EiRsnn(channels, nE, nI, outputs, dt, c.tauMs(), tauSyn, tauOut, c.vThreshold(), c.vRest(), c.beta(),
                or(c.eExc(), 0), or(c.eInh(), 0), tauA, c.spike(), full(mIn), full(mE), nI == 0 ? null : full(mI), reads,
                c.detachReset());
        float[] readoutWeights = RsnnWeights.truncatedNormal(new SplittableRandom(Wiring.seedFor(net.spec().seed(),
                "readout")), n, outputs, readoutScale, null);
        return new Translation(net, rsnn, new RsnnWeights(rsnn, wIn, wE, wI, readoutWeights));
    }

    private static void check(BuiltProjection pr, ProjectionSpec ps) {
        String where = "network projection '" + pr.name() + "'";
        if (pr.isGapJunction()) {
            throw new IllegalArgumentException(where + " is a gap junction; the trainer's network has chemical synapses only:"
                    + " remove it");
        }
        if (ps.plasticity() != null) {
            throw new IllegalArgumentException(where + " has short-term plasticity; the trainer's synapses are static:"
                    + " remove 'plasticity'");
        }
        if (!pr.trainable()) {
            throw new IllegalArgumentException(where + " is not trainable; the trainer trains every projection of the network:"
                    + " set \"trainable\": true");
        }
        if (!ps.conductance()) {
            throw new IllegalArgumentException(where + " has output " + ps.output() + "; the trainer's synapses are"
                    + " conductances g·(E − V): set \"output\": \"conductance\" with a \"reversal\"");
        }
        if (!"exp".equals(ps.synapse())) {
            throw new IllegalArgumentException(where + " has synapse '" + ps.synapse() + "'; the trainer's synapses are"
                    + " exponential conductances: set \"synapse\": \"exp\"");
        }
        SparseRows rows = pr.rows();
        for (int s = 0; s < rows.synapseCount(); s++) {
            if (rows.delay(s) != 0) {
                throw new IllegalArgumentException(where + " has delays (" + rows.delay(s) + " steps); the trainer delivers a"
                        + " spike after the step that emits it: remove 'delays'");
            }
        }
    }

    /** The constants of E and I, which the trainer holds once for the whole network. */
    private static AlifProbe.Constants merged(AlifProbe.Constants e, AlifProbe.Constants i, String eName, String iName) {
        if (i == null) {
            return e;
        }
        String[] names = {"tau", "V_th", "V_rest", "beta", "the excitatory conductance's tau", "E_exc",
            "the inhibitory conductance's tau", "E_inh"};
        double[] a = {e.tauMs(), e.vThreshold(), e.vRest(), e.beta(), e.tauSynE(), e.eExc(), e.tauSynI(), e.eInh()};
        double[] b = {i.tauMs(), i.vThreshold(), i.vRest(), i.beta(), i.tauSynE(), i.eExc(), i.tauSynI(), i.eInh()};
        for (int k = 0; k < a.length; k++) {
            boolean bothGiven = !Double.isNaN(a[k]) && !Double.isNaN(b[k]);
            if (bothGiven && Math.abs(a[k] - b[k]) > 1e-9 * (1 + Math.abs(a[k]))) {
                throw new IllegalArgumentException("network populations '" + eName + "' and '" + iName + "' differ in " + names[k]
                        + " (" + a[k] + " and " + b[k] + "); the trainer holds one value for the whole network: make them equal");
            }
        }
        double tauE = Double.isNaN(e.tauSynE()) ? i.tauSynE() : e.tauSynE();
        double tauI = Double.isNaN(e.tauSynI()) ? i.tauSynI() : e.tauSynI();
        if (!Double.isNaN(tauE) && !Double.isNaN(tauI) && Math.abs(tauE - tauI) > 1e-9 * tauE) {
            throw new IllegalArgumentException("network: the excitatory conductances decay with tau " + tauE + " ms and the"
                    + " inhibitory ones with " + tauI + " ms; the trainer has one synaptic time constant: give every"
                    + " projection the same synapseParameters.tau");
        }
        if (!e.spike().equals(i.spike()) || e.detachReset() != i.detachReset()) {
            throw new IllegalArgumentException("network populations '" + eName + "' and '" + iName + "' differ in their"
                    + " surrogate or detach_reset; the trainer has one spike function: use one model for both");
        }
        return new AlifProbe.Constants(e.tauMs(), e.vThreshold(), e.vRest(), e.beta(), e.tauAdaptMs(), tauE,
                Double.isNaN(e.eExc()) ? i.eExc() : e.eExc(), tauI, Double.isNaN(e.eInh()) ? i.eInh() : e.eInh(), e.spike(),
                e.detachReset());
    }

    /** The trainer starts every trial from zero states (the reference's). */
    private static void checkInitialRest(BuiltPopulation pop) {
        List<String> names = pop.model().stateNames();
        List<String> nonZero = new ArrayList<>();
        for (int s = 0; s < pop.initial().length; s++) {
            for (double x : pop.initial()[s]) {
                if (x != 0) {
                    nonZero.add(names.get(s));
                    break;
                }
            }
        }
        if (!nonZero.isEmpty()) {
            throw new IllegalArgumentException("network population '" + pop.name() + "' starts with " + String.join(", ", nonZero)
                    + " not 0; the trainer starts every trial from zero states: remove its 'initial' values and give the"
                    + " model's states initial value 0");
        }
    }

    private static boolean[] full(boolean[] mask) {
        for (boolean b : mask) {
            if (!b) {
                return mask;
            }
        }
        return null;
    }

    private static double or(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }
}
