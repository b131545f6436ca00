package org.brainfx.engine.train;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.StepKernel;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.SurrogateSpec;
import org.brainfx.engine.net.BuiltPopulation;

/**
 * Reads the constants of the trainer's adaptive LIF ({@link EiRsnn}) off a built population's compiled
 * kernel by stepping it from chosen states, then steps it from random states and compares every
 * state, spike and surrogate slope with that neuron's step: a model may name and write its equations
 * as it likes, and one that steps otherwise is refused with what differs. The step, in the network
 * API's order (a spike is added to a conductance after the step that emits it, the reset waits for the
 * next step):
 * <pre>
 *   V_r = V − V_th·z ;  I_a' = d_a·(I_a − β·z) ;  G = 1 + g_e + g_i
 *   V'  = V_r + (1 − exp(−dt·G/τ))·((V_rest + I_a' + E_exc·g_e + E_inh·g_i)/G − V_r)
 *   g'  = d_syn·g ;  z' = H((V' − V_th)/V_th)
 * </pre>
 * which is REFERENCE.md's step with the network API's conventions (network sample {@code ei-network},
 * {@code ReferenceEiStepTest}).
 */
final class AlifProbe {
    private static final double TOLERANCE = 1e-9;
    private static final int RANDOM_ROUNDS = 8;

    private final BuiltPopulation pop;
    private final StepKernel kernel;
    private final double dt;
    private final int lanes;
    private final double[][] s;
    private final double[][] next;
    private final double[][] inv;
    private final double[][] in;
    private final double[] spike;
    private final int v;
    private final int a;
    private final int ge;
    private final int gi;
    private final int carried;

    /**
     * The constants of the neuron and its two conductances.
     *
     * @param tauMs       membrane time constant
     * @param vThreshold  threshold (the reset subtracts it)
     * @param vRest       rest
     * @param beta        adaptation jump per spike
     * @param tauAdaptMs  each neuron's adaptation time constant
     * @param tauSynE     the excitatory conductance's time constant (NaN without one)
     * @param eExc        its reversal potential (NaN without one)
     * @param tauSynI     the inhibitory conductance's time constant (NaN without one)
     * @param eInh        its reversal potential (NaN without one)
     * @param spike       the spike and its ReLU surrogate
     * @param detachReset whether the resets pass no gradient to their spike
     */
    record Constants(double tauMs, double vThreshold, double vRest, double beta, float[] tauAdaptMs, double tauSynE,
                     double eExc, double tauSynI, double eInh, SpikeFunction spike, boolean detachReset) {
    }

    private AlifProbe(BuiltPopulation pop, int ge, int gi, double dt) {
        this.pop = pop;
        this.kernel = pop.model().kernel();
        this.dt = dt;
        this.lanes = pop.size();
        CompiledModel m = pop.model();
        this.s = new double[m.stateCount()][lanes];
        this.next = new double[m.stateCount()][lanes];
        this.inv = new double[kernel.invariantCount()][lanes];
        this.in = new double[m.inputCount()][lanes];
        this.spike = new double[lanes];
        kernel.prepare(pop.parameters(), dt, inv, 0, lanes);
        this.v = pop.voltage();
        this.ge = ge;
        this.gi = gi;
        this.carried = m.stateIndex(CheckedModel.CARRIED_SPIKE_STATE);
        if (carried < 0) {
            throw refuse("model '" + m.name() + "' has no spike condition; the trainer's neuron spikes at"
                    + " (V − V_th)/V_th > 0 and resets V −= V_th");
        }
        int other = -1;
        for (int k = 0; k < m.stateCount(); k++) {
            if (k != v && k != carried && k != ge && k != gi) {
                if (other >= 0) {
                    throw refuse(layout(m));
                }
                other = k;
            }
        }
        if (other < 0) {
            throw refuse(layout(m));
        }
        this.a = other;
    }

    private String layout(CompiledModel m) {
        return "the trainer's neuron has two states (the voltage and an adaptation current) and at most one excitatory and"
                + " one inhibitory exponential conductance, but model '" + m.name() + "' with its synapses merged in has "
                + String.join(", ", m.stateNames().stream().filter(n -> !n.equals(CheckedModel.CARRIED_SPIKE_STATE)).toList())
                + "; use an adaptive LIF (as sample-projects/ea-training/ei_alif.model) and synapse exp for every projection";
    }

    /**
     * Reads and checks the constants of {@code pop}, whose excitatory and inhibitory conductances are the
     * states {@code ge} and {@code gi} (−1: none).
     *
     * @throws IllegalArgumentException naming the population, what differs and the fix
     */
    static Constants read(BuiltPopulation pop, int ge, int gi, double dt) {
        return new AlifProbe(pop, ge, gi, dt).constants();
    }

    private Constants constants() {
        step(0, 0, 0, 0, 0);
        double[] rest = next[v].clone();
        step(1, 0, 0, 0, 0);
        double c = uniform("the voltage's decay exp(−dt/τ)", diff(next[v], rest));
        if (!(c > 0 && c < 1)) {
            throw refuse("its voltage does not decay towards rest (one step keeps " + c + " of it); the trainer's neuron"
                    + " has dV/dt = (V_rest − V + I_a + I)/τ");
        }
        double tau = -dt / Math.log(c);
        double vRest = uniform("V_rest", scaled(rest, 1 / (1 - c)));
        step(0, 1, 0, 0, 0);
        float[] tauA = new float[lanes];
        double[] decayA = next[a].clone();
        for (int k = 0; k < lanes; k++) {
            if (!(decayA[k] > 0 && decayA[k] < 1)) {
                throw refuse("its adaptation state '" + name(a) + "' of neuron " + k + " does not decay (one step keeps "
                        + decayA[k] + " of it); the trainer's adaptation current has dI_a/dt = −I_a/τ_a");
            }
            tauA[k] = (float) (-dt / Math.log(decayA[k]));
        }
        step(0, 0, 0, 0, 1);
        double[] jump = new double[lanes];
        for (int k = 0; k < lanes; k++) {
            jump[k] = -next[a][k] / decayA[k];
        }
        double beta = uniform("the adaptation jump β", jump);
        double[] threshold = new double[lanes];
        for (int k = 0; k < lanes; k++) {
            threshold[k] = -(next[v][k] - (1 - c) * (vRest - decayA[k] * beta)) / c;
        }
        double vTh = uniform("the threshold (the reset V −= V_th)", threshold);
        if (!(vTh > 0)) {
            throw refuse("its reset subtracts " + vTh + " from V; the trainer's neuron has a positive threshold V_th and"
                    + " resets V −= V_th");
        }
        double[] excitatory = conductance(ge, tau, vRest);
        double[] inhibitory = conductance(gi, tau, vRest);
        Constants found = new Constants(tau, vTh, vRest, beta, tauA, excitatory[0], excitatory[1], inhibitory[0],
                inhibitory[1], spikeFunction(), pop.model().checked().spec().detachReset());
        compareRandomSteps(found);
        compareSurrogate(found);
        return found;
    }

    /** τ_syn and E of conductance state {@code g} (NaN, NaN for none). */
    private double[] conductance(int g, double tau, double vRest) {
        if (g < 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double level = 0.25;
        double[] vs = new double[4];
        vs[g == ge ? 2 : 3] = level;
        step(0, 0, vs[2], vs[3], 0);
        double d = uniform("the decay of conductance '" + name(g) + "'", scaled(next[g], 1 / level));
        if (!(d > 0 && d < 1)) {
            throw refuse("its conductance '" + name(g) + "' does not decay (one step keeps " + d + " of it); use synapse exp");
        }
        double big = 1 + level;
        double open = 1 - Math.exp(-dt * big / tau);
        double[] reversal = new double[lanes];
        for (int k = 0; k < lanes; k++) {
            reversal[k] = (next[v][k] / open * big - vRest) / level;
        }
        return new double[] {-dt / Math.log(d), uniform("the reversal potential of conductance '" + name(g) + "'", reversal)};
    }

    private SpikeFunction spikeFunction() {
        SurrogateSpec sur = pop.model().checked().spec().surrogate();
        if (!"relu".equals(sur.kind()) && !"triangle".equals(sur.kind())) {
            throw refuse("model '" + pop.model().name() + "' has surrogate " + sur.kind() + "; the trainer's spike uses the"
                    + " ReLU surrogate: write 'surrogate relu alpha=0.3 width=1'");
        }
        return new SpikeFunction(false, sur.params().getOrDefault("alpha", 0.3), sur.params().getOrDefault("width", 1.0), 1);
    }

    /** Steps from random states in every lane and compares each result with the trainer's step. */
    private void compareRandomSteps(Constants k) {
        SplittableRandom random = new SplittableRandom(17);
        double scale = Math.abs(k.vThreshold() - k.vRest()) + k.vThreshold();
        double[][] start = new double[5][lanes];
        for (int round = 0; round < RANDOM_ROUNDS; round++) {
            for (int lane = 0; lane < lanes; lane++) {
                start[0][lane] = k.vRest() + scale * (random.nextDouble() * 3.5 - 1.5);
                start[1][lane] = -2 * scale * random.nextDouble();
                start[2][lane] = ge < 0 ? 0 : random.nextDouble() * 0.6;
                start[3][lane] = gi < 0 ? 0 : random.nextDouble() * 0.6;
                start[4][lane] = random.nextDouble() < 0.5 ? 1 : 0;
            }
            set(start);
            kernel.forward(s, pop.parameters(), inv, in, dt, next, spike, 0, lanes);
            for (int lane = 0; lane < lanes; lane++) {
                double z = start[4][lane];
                double vr = start[0][lane] - k.vThreshold() * z;
                double da = Math.exp(-dt / k.tauAdaptMs()[lane]);
                double ia = da * (start[1][lane] - k.beta() * z);
                double gE = start[2][lane];
                double gI = start[3][lane];
                double big = 1 + gE + gI;
                double drive = k.vRest() + ia + (ge < 0 ? 0 : k.eExc() * gE) + (gi < 0 ? 0 : k.eInh() * gI);
                double vNext = vr + (1 - Math.exp(-dt * big / k.tauMs())) * (drive / big - vr);
                expect(v, lane, vNext, start);
                expect(a, lane, ia, start);
                if (ge >= 0) {
                    expect(ge, lane, Math.exp(-dt / k.tauSynE()) * gE, start);
                }
                if (gi >= 0) {
                    expect(gi, lane, Math.exp(-dt / k.tauSynI()) * gI, start);
                }
                double x = (vNext - k.vThreshold()) / k.vThreshold();
                if (Math.abs(x) > 1e-6 && spike[lane] != (x > 0 ? 1 : 0)) {
                    throw refuse("it spikes at V = " + vNext + " with threshold " + k.vThreshold() + " as " + spike[lane]
                            + "; the trainer's neuron spikes when (V − V_th)/V_th > 0");
                }
            }
        }
    }

    private void expect(int state, int lane, double expected, double[][] start) {
        double got = next[state][lane];
        if (!(Math.abs(got - expected) <= TOLERANCE * (1 + Math.abs(expected)))) {
            throw refuse("it does not step as the trainer's adaptive LIF: from V " + start[0][lane] + ", " + name(a) + " "
                    + start[1][lane] + ", g_e " + start[2][lane] + ", g_i " + start[3][lane] + ", spike " + start[4][lane]
                    + " neuron " + lane + " reaches " + name(state) + " = " + got + " where the trainer's step gives "
                    + expected + "; the trainer takes REFERENCE.md's step (exponential Euler with the conductances in the"
                    + " linear term, adaptation decayed first, soft reset): see sample-projects/ea-training/ei_alif.model");
        }
    }

    /** The kernel's surrogate slope dz'/dV' against the trainer's on a grid of distances to threshold. */
    private void compareSurrogate(Constants k) {
        CompiledModel m = pop.model();
        double[][] adjNext = new double[m.stateCount()][lanes];
        double[] adjSpike = new double[lanes];
        double[][] adjPrev = new double[m.stateCount()][lanes];
        double[][] gradP = new double[m.parameterCount()][lanes];
        double[][] gradInv = new double[inv.length][lanes];
        double[][] gradIn = new double[in.length][lanes];
        double c = Math.exp(-dt / k.tauMs());
        double[][] start = new double[5][lanes];
        int points = 33;
        // The grid is shifted off x = 0 and x = ±width, where the ReLU surrogate has its kinks.
        for (int done = 0; done < points; done += lanes) {
            for (int lane = 0; lane < lanes; lane++) {
                double x = -1.6 + 3.2 * Math.min(points - 1, done + lane) / (points - 1) + 0.013;
                double vNext = k.vThreshold() * (1 + x);
                start[0][lane] = (vNext - (1 - c) * k.vRest()) / c;
            }
            set(start);
            kernel.forward(s, pop.parameters(), inv, in, dt, next, spike, 0, lanes);
            Arrays.fill(adjSpike, 1);
            kernel.backward(s, pop.parameters(), inv, in, dt, adjNext, adjSpike, adjPrev, gradP, gradInv, gradIn, 0, lanes);
            for (int lane = 0; lane < lanes; lane++) {
                double x = (next[v][lane] - k.vThreshold()) / k.vThreshold();
                double got = adjPrev[v][lane] * k.vThreshold() / c;
                double expected = k.spike().slope((float) x);
                if (!(Math.abs(got - expected) <= 1e-5 * (1 + Math.abs(expected)))) {
                    throw refuse("its surrogate gives dz/dx = " + got + " at x = (V − V_th)/V_th = " + x + " where the"
                            + " trainer's gives " + expected + "; write the spike condition as (V − V_th)/V_th > 0");
                }
            }
        }
    }

    private void step(double vStart, double aStart, double geStart, double giStart, double z) {
        double[][] start = new double[5][lanes];
        Arrays.fill(start[0], vStart);
        Arrays.fill(start[1], aStart);
        Arrays.fill(start[2], geStart);
        Arrays.fill(start[3], giStart);
        Arrays.fill(start[4], z);
        set(start);
        kernel.forward(s, pop.parameters(), inv, in, dt, next, spike, 0, lanes);
    }

    private void set(double[][] start) {
        for (double[] row : s) {
            Arrays.fill(row, 0);
        }
        System.arraycopy(start[0], 0, s[v], 0, lanes);
        System.arraycopy(start[1], 0, s[a], 0, lanes);
        if (ge >= 0) {
            System.arraycopy(start[2], 0, s[ge], 0, lanes);
        }
        if (gi >= 0) {
            System.arraycopy(start[3], 0, s[gi], 0, lanes);
        }
        System.arraycopy(start[4], 0, s[carried], 0, lanes);
    }

    /** The one value all neurons share; the trainer holds one (only τ_a may differ per neuron). */
    private double uniform(String what, double[] values) {
        double first = values[0];
        for (int k = 1; k < values.length; k++) {
            if (!(Math.abs(values[k] - first) <= TOLERANCE * (1 + Math.abs(first)))) {
                throw refuse(what + " differs between its neurons (" + first + " for neuron 0, " + values[k] + " for neuron "
                        + k + "); the trainer holds one value per network, only τ_a per neuron");
            }
        }
        if (!Double.isFinite(first)) {
            throw refuse(what + " is not finite (" + first + ")");
        }
        return first;
    }

    private static double[] diff(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = x[k] - y[k];
        }
        return d;
    }

    private static double[] scaled(double[] x, double f) {
        double[] d = new double[x.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = x[k] * f;
        }
        return d;
    }

    private String name(int state) {
        List<String> names = pop.model().stateNames();
        return names.get(state);
    }

    private IllegalArgumentException refuse(String why) {
        return new IllegalArgumentException("network population '" + pop.name() + "': " + why);
    }
}
