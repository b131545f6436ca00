package org.brainfx.engine.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a built network forward in time. One step: injected currents into the inputs; every
 * population's compiled kernel (spike from the carried spike, reset, integration, refractory hold,
 * output spike); the step's spikes of populations and sources; delivery of the spikes whose delay
 * ends now into the post states (so they act from the next step on, as Brian2 orders its step:
 * update, threshold, synapses, reset); monitors. No allocation in the loop. Every 8 steps: progress to the
 * listener (at most every 33 ms), the cancel flag, the pause gate and the pace.
 */
public final class NetworkSimulator {
    /**
     * Neurons below which a second thread costs more in hand-overs (about a microsecond a step) than
     * it saves: a 2 000-neuron conductance-based step takes some 20 µs.
     */
    static final int MIN_NEURONS_FOR_TWO_THREADS = 2_000;
    /** Steps between checks for NaN and infinity: a diverged state stays non-finite, so it is caught within this many steps. */
    private static final int CHECK_EVERY = 50;
    private static final long PUBLISH_NANOS = 33_000_000L;
    /**
     * Steps between checkpoints (progress, cancel, pause, pace; a power of two). Eight keeps a live view
     * fed every 33 ms even when a step takes milliseconds (Brunel's 10 000 neurons with 10 M synapses:
     * ~2.5 ms a step on a busy core, so 64 steps were 150 ms between pictures); a checkpoint that
     * publishes nothing costs one clock read, a few ns a step.
     */
    static final int CHECKPOINT_STEPS = 8;

    private NetworkSimulator() {
    }

    /**
     * Brings the SIMD steps of the network's kernels up to speed now, however short the runs that follow
     * (a benchmark times runs after it); returns when each is ready or has given up.
     */
    public static void warmUpSimd(Network net) throws InterruptedException {
        for (BuiltPopulation pop : net.populations()) {
            PopulationState ps = new PopulationState(pop);
            ps.prepare(net.spec().dt());
            SimdWarmup.warmNow(ps);
        }
    }

    /**
     * Simulates the network.
     *
     * @throws NetworkException when a state becomes NaN or infinite (naming population, neuron, state and time)
     */
    public static NetworkResult run(Network net, RunOptions options) {
        long t0 = System.nanoTime();
        long cpu0 = CpuTime.ofCurrentThread();
        double dt = net.spec().dt();
        int steps = (int) Math.round((options.durationMs() != null ? options.durationMs() : net.spec().duration()) / dt);
        int np = net.populations().size();
        PopulationState[] pops = new PopulationState[np];
        long work = (long) net.neuronCount() * steps;
        for (int p = 0; p < np; p++) {
            pops[p] = new PopulationState(net.populations().get(p));
            pops[p].prepare(dt);
            pops[p].simd = SimdWarmup.choose(pops[p], work);
        }
        SpikeSources[] sources = new SpikeSources[net.sources().size()];
        int[] sourceCount = new int[sources.length];
        for (int k = 0; k < sources.length; k++) {
            sources[k] = SpikeSources.of(net, k);
        }
        int threads = options.threads() >= 2 && net.neuronCount() >= MIN_NEURONS_FOR_TWO_THREADS ? 2 : 1;
        List<SynapticDelivery> chemical = new ArrayList<>();
        List<GapCoupling> electrical = new ArrayList<>();
        for (BuiltProjection pr : net.projections()) {
            if (pr.isGapJunction()) {
                electrical.add(new GapCoupling(pr, pops[pr.pre()], pops[pr.post()]));
            } else {
                int preCount = pr.fromSource() ? net.sources().get(pr.pre()).size() : net.populations().get(pr.pre()).size();
                chemical.add(new SynapticDelivery(pr, preCount, pops[pr.post()], dt, threads == 2));
            }
        }
        SynapticDelivery[] deliveries = chemical.toArray(new SynapticDelivery[0]);
        GapCoupling[] gaps = electrical.toArray(new GapCoupling[0]);
        List<CurrentInjection> currents = new ArrayList<>();
        for (CurrentSpec c : net.spec().currents()) {
            int p = net.populationIndex(c.population());
            currents.add(new CurrentInjection(c, p, NetworkChecks.inputIndex(c, pops[p].population), pops[p].size, dt,
                    Wiring.seedFor(net.spec().seed(), "current:" + currents.size() + ":" + c.population())));
        }
        Monitors monitors = new Monitors(net, pops, steps, dt);
        int completed = 0;
        long lastPublish = System.nanoTime();
        PauseGate gate = options.pause();
        double nanosPerStep = options.paceMsPerSecond() > 0 ? dt / options.paceMsPerSecond() * 1e9 : 0;
        long paceStart = System.nanoTime();
        LaneSplit secondThread = threads == 2 ? new LaneSplit(pops, deliveries, dt) : null;
        try (LaneSplit split = secondThread) {
            // Only injected currents and gap junctions write inputs; without them they stay zero.
            boolean inputsChange = !currents.isEmpty() || gaps.length > 0;
            for (int t = 0; t < steps; t++) {
                if (inputsChange) {
                    for (PopulationState ps : pops) {
                        for (double[] lanes : ps.in) {
                            Arrays.fill(lanes, 0.0);
                        }
                    }
                }
                for (CurrentInjection c : currents) {
                    c.add(t, pops[c.population].in);
                }
                for (GapCoupling g : gaps) {
                    g.add();
                }
                if (split != null) {
                    split.forward(t);
                } else {
                    for (PopulationState ps : pops) {
                        ps.forward(dt, 0, ps.size);
                        ps.collectSpikes();
                    }
                }
                for (int k = 0; k < sources.length; k++) {
                    sourceCount[k] = sources[k].spikes(t);
                }
                for (SynapticDelivery d : deliveries) {
                    BuiltProjection pr = d.projection();
                    if (pr.fromSource()) {
                        d.receive(t, sources[pr.pre()].fired(), sourceCount[pr.pre()]);
                    } else {
                        PopulationState pre = pops[pr.pre()];
                        d.receive(t, pre.spiked, pre.spikedCount);
                    }
                }
                if (split != null) {
                    split.deliver(t);
                } else {
                    for (SynapticDelivery d : deliveries) {
                        d.deliver(t, SynapticDelivery.ALL);
                    }
                }
                for (SynapticDelivery d : deliveries) {
                    d.finish(t);
                }
                monitors.record(t);
                for (PopulationState ps : pops) {
                    ps.swap();
                }
                completed = t + 1;
                if (t % CHECK_EVERY == CHECK_EVERY - 1 || t == steps - 1) {
                    for (PopulationState ps : pops) {
                        String problem = ps.nonFinite(t, dt);
                        if (problem != null) {
                            throw new NetworkException(problem);
                        }
                    }
                }
                if ((t & (CHECKPOINT_STEPS - 1)) == CHECKPOINT_STEPS - 1) {
                    long now = System.nanoTime();
                    boolean pausing = gate.isPaused();
                    // A run about to wait publishes first, so a live view shows every step up to the pause.
                    if (now - lastPublish >= PUBLISH_NANOS || pausing) {
                        lastPublish = now;
                        options.listener().onProgress(monitors.progress(t + 1, steps));
                    }
                    if (options.cancelled().getAsBoolean()) {
                        break;
                    }
                    if (pausing) {
                        try {
                            // The pace counts simulated time against running time only.
                            paceStart += gate.awaitOpen();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                        if (options.cancelled().getAsBoolean()) {
                            break;
                        }
                    }
                    if (nanosPerStep > 0) {
                        long ahead = paceStart + (long) ((t + 1) * nanosPerStep) - System.nanoTime();
                        if (ahead > 0) {
                            LockSupport.parkNanos(ahead);
                        } else {
                            // Behind (a slow stretch, a busy core): the schedule moves on, so no burst makes up for it.
                            paceStart -= ahead;
                        }
                    }
                }
            }
        }
        options.listener().onProgress(monitors.progress(completed, steps));
        double cpu = (CpuTime.ofCurrentThread() - cpu0 + (secondThread == null ? 0 : secondThread.workerCpuNanos())) / 1e9;
        return monitors.result(completed, (System.nanoTime() - t0) / 1e9, cpu, threads);
    }

    /** Collects spikes, binned rates and state samples during a run. */
    private static final class Monitors {
        private final PopulationState[] pops;
        private final int steps;
        private final double dt;
        private final boolean[] spikesKept;
        private final IntList[] spikeSteps;
        private final IntList[] spikeNeurons;
        private final int[] published;
        private final double binMs;
        private final int binSteps;
        private final double[][] rates;
        private final List<StateProbe> probes = new ArrayList<>();

        Monitors(Network net, PopulationState[] pops, int steps, double dt) {
            this.pops = pops;
            this.steps = steps;
            this.dt = dt;
            int np = pops.length;
            spikesKept = new boolean[np];
            spikeSteps = new IntList[np];
            spikeNeurons = new IntList[np];
            published = new int[np];
            double bin = 1.0;
            boolean anySpikeMonitor = false;
            for (MonitorSpec m : net.spec().monitors()) {
                if ("spikes".equals(m.kind())) {
                    anySpikeMonitor = true;
                    for (int p = 0; p < np; p++) {
                        if (m.populations() == null || m.populations().contains(pops[p].population.name())) {
                            spikesKept[p] = true;
                        }
                    }
                } else if ("rates".equals(m.kind()) && m.binMs() != null) {
                    bin = m.binMs();
                } else if ("states".equals(m.kind())) {
                    for (String name : m.populations()) {
                        probes.add(new StateProbe(pops[net.populationIndex(name)], m, steps));
                    }
                }
            }
            if (!anySpikeMonitor) {
                Arrays.fill(spikesKept, true);
            }
            for (int p = 0; p < np; p++) {
                spikeSteps[p] = new IntList();
                spikeNeurons[p] = new IntList();
            }
            binSteps = Math.max(1, (int) Math.round(bin / dt));
            binMs = binSteps * dt;
            rates = new double[np][(steps + binSteps - 1) / binSteps];
        }

        void record(int t) {
            int bin = t / binSteps;
            for (int p = 0; p < pops.length; p++) {
                PopulationState ps = pops[p];
                rates[p][bin] += ps.spikedCount;
                if (spikesKept[p]) {
                    for (int k = 0; k < ps.spikedCount; k++) {
                        spikeSteps[p].add(t);
                        spikeNeurons[p].add(ps.spiked[k]);
                    }
                }
            }
            for (StateProbe probe : probes) {
                probe.record(t);
            }
        }

        NetworkProgress progress(int step, int total) {
            List<String> names = new ArrayList<>();
            List<int[]> newSteps = new ArrayList<>();
            List<int[]> newNeurons = new ArrayList<>();
            for (int p = 0; p < pops.length; p++) {
                names.add(pops[p].population.name());
                newSteps.add(spikeSteps[p].range(published[p]));
                newNeurons.add(spikeNeurons[p].range(published[p]));
                published[p] = spikeSteps[p].size();
            }
            return new NetworkProgress(step, total, dt, List.copyOf(names), List.copyOf(newSteps), List.copyOf(newNeurons));
        }

        NetworkResult result(int completed, double seconds, double cpuSeconds, int threads) {
            List<String> names = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            List<int[]> st = new ArrayList<>();
            List<int[]> sn = new ArrayList<>();
            List<double[]> r = new ArrayList<>();
            int bins = (completed + binSteps - 1) / binSteps;
            for (int p = 0; p < pops.length; p++) {
                names.add(pops[p].population.name());
                sizes.add(pops[p].size);
                st.add(spikeSteps[p].range(0));
                sn.add(spikeNeurons[p].range(0));
                double[] hz = Arrays.copyOf(rates[p], bins);
                for (int b = 0; b < bins; b++) {
                    int width = Math.min(binSteps, completed - b * binSteps);
                    hz[b] = hz[b] / (pops[p].size * width * dt / 1000.0);
                }
                r.add(hz);
            }
            Map<String, NetworkResult.StateTrace> traces = new LinkedHashMap<>();
            for (StateProbe probe : probes) {
                traces.put(probe.population.population.name(), probe.trace(completed));
            }
            return new NetworkResult(dt, steps, completed, List.copyOf(names), List.copyOf(sizes), List.copyOf(st), List.copyOf(sn),
                    binMs, List.copyOf(r), traces, seconds, cpuSeconds, threads);
        }
    }

    /** Samples chosen states of chosen neurons of one population (from the states after each step). */
    private static final class StateProbe {
        private final PopulationState population;
        private final int[] states;
        private final int[] neurons;
        private final int every;
        private final double[][][] values;
        private final List<String> names;

        StateProbe(PopulationState population, MonitorSpec m, int steps) {
            this.population = population;
            this.names = List.copyOf(m.states());
            this.states = m.states().stream().mapToInt(s -> population.population.model().stateIndex(s)).toArray();
            this.neurons = m.neurons() != null ? m.neurons().stream().mapToInt(Integer::intValue).toArray()
                    : java.util.stream.IntStream.range(0, Math.min(population.size, 10)).toArray();
            this.every = m.every() == null ? 1 : m.every();
            this.values = new double[states.length][neurons.length][(steps + every - 1) / every];
        }

        void record(int t) {
            if (t % every != 0) {
                return;
            }
            int sample = t / every;
            for (int k = 0; k < states.length; k++) {
                double[] v = population.next[states[k]];
                for (int j = 0; j < neurons.length; j++) {
                    values[k][j][sample] = v[neurons[j]];
                }
            }
        }

        NetworkResult.StateTrace trace(int completed) {
            int samples = (completed + every - 1) / every;
            double[][][] cut = new double[values.length][neurons.length][];
            for (int k = 0; k < values.length; k++) {
                for (int j = 0; j < neurons.length; j++) {
                    cut[k][j] = Arrays.copyOf(values[k][j], samples);
                }
            }
            return new NetworkResult.StateTrace(names, neurons.clone(), every, cut);
        }
    }

    /** A growable int list without boxing. */
    static final class IntList {
        private int[] data = new int[64];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        int[] range(int from) {
            return Arrays.copyOfRange(data, from, size);
        }
    }
}
