package org.brainfx.engine.net;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The spike generators of one {@link SourceSpec} during a run: independent Poisson trains or given
 * spike times. Below 0.1 expected spikes per generator and step, each generator fires with
 * probability rate·dt, drawn by geometric skips so that a step costs its spikes, not its generators;
 * above (the summed external input of Brunel's model is 20 kHz per neuron), a generator may fire
 * several times in a step: the step's total is drawn from a Poisson distribution and each spike
 * goes to a uniformly drawn generator, which gives independent Poisson counts per generator.
 * A generator that fires k times appears k times in the step's list.
 */
public final class SpikeSources {
    private final SourceSpec spec;
    private final double dt;
    private final SplittableRandom random;
    private final int[] timedSteps;
    private final int[] timedNeurons;
    private final org.apache.commons.math3.random.RandomGenerator countRandom;
    private int next;
    private int[] fired;
    private double countMean = Double.NaN;
    private org.apache.commons.math3.distribution.PoissonDistribution counts;

    /** The generators of source {@code index} of a built network, drawing what a simulation of it draws. */
    public static SpikeSources of(Network net, int index) {
        SourceSpec s = net.sources().get(index);
        return new SpikeSources(s, net.spec().dt(), Wiring.seedFor(net.spec().seed(), "source:" + s.name()));
    }

    SpikeSources(SourceSpec spec, double dt, long seed) {
        this.spec = spec;
        this.dt = dt;
        this.random = new SplittableRandom(seed);
        this.countRandom = new org.apache.commons.math3.random.Well19937c(seed ^ 0x5DEECE66DL);
        this.fired = new int[Math.max(16, spec.size())];
        if ("spike_times".equals(spec.kind())) {
            List<List<Double>> spikes = spec.spikes() == null ? List.of() : spec.spikes();
            long[] packed = new long[spikes.size()];
            for (int k = 0; k < packed.length; k++) {
                int neuron = (int) Math.round(spikes.get(k).get(0));
                int step = (int) Math.round(spikes.get(k).get(1) / dt);
                packed[k] = ((long) step << 32) | neuron;
            }
            Arrays.sort(packed);
            timedSteps = new int[packed.length];
            timedNeurons = new int[packed.length];
            for (int k = 0; k < packed.length; k++) {
                timedSteps[k] = (int) (packed[k] >>> 32);
                timedNeurons[k] = (int) packed[k];
            }
        } else {
            timedSteps = null;
            timedNeurons = null;
        }
    }

    /** Checks a source spec; every error names the source and the fix. */
    static void check(SourceSpec s) {
        String where = "source '" + s.name() + "'";
        if ("poisson".equals(s.kind())) {
            if (s.rateHz() == null && s.schedule() == null) {
                throw new NetworkException(where + ": a Poisson source needs 'rateHz' or a 'schedule' of [from ms, Hz] pairs");
            }
            if (s.rateHz() != null && !(s.rateHz() >= 0 && Double.isFinite(s.rateHz()))) {
                throw new NetworkException(where + ": rateHz = " + s.rateHz() + "; a rate must be a finite number >= 0 Hz");
            }
            if (s.schedule() != null) {
                double last = Double.NEGATIVE_INFINITY;
                for (List<Double> row : s.schedule()) {
                    if (row == null || row.size() != 2 || !(row.get(1) >= 0) || !Double.isFinite(row.get(1)) || !(row.get(0) > last)) {
                        throw new NetworkException(where + ": schedule entry " + row + " must be [from ms, rate Hz] with increasing"
                                + " times and finite rates >= 0");
                    }
                    last = row.get(0);
                }
            }
        } else if ("spike_times".equals(s.kind())) {
            for (List<Double> row : s.spikes() == null ? List.<List<Double>>of() : s.spikes()) {
                if (row == null || row.size() != 2 || !(row.get(0) >= 0) || row.get(0) >= s.size() || row.get(0) % 1 != 0
                        || !(row.get(1) >= 0) || !Double.isFinite(row.get(1))) {
                    throw new NetworkException(where + ": spike " + row + " must be [neuron 0.." + (s.size() - 1) + ", time ms >= 0]");
                }
            }
        } else {
            throw new NetworkException(where + ": kind '" + s.kind() + "' is not 'poisson' or 'spike_times'");
        }
    }

    /**
     * Draws the spikes of {@code step}: their generators' indices are the first {@link #count}
     * entries of {@link #fired()}, ascending for Bernoulli draws and timed spikes. Steps must be
     * asked for in order (the draws are one stream).
     */
    public int spikes(int step) {
        if (timedSteps != null) {
            while (next < timedSteps.length && timedSteps[next] < step) {
                next++;
            }
            int count = 0;
            while (next < timedSteps.length && timedSteps[next] == step) {
                fired = grow(fired, count + 1);
                fired[count++] = timedNeurons[next++];
            }
            return count;
        }
        double q = rate(step * dt) * dt / 1000.0;
        int n = spec.size();
        if (q <= 0) {
            return 0;
        }
        if (q > 0.1) {
            double mean = q * n;
            if (mean != countMean) {
                countMean = mean;
                counts = new org.apache.commons.math3.distribution.PoissonDistribution(countRandom, mean,
                        org.apache.commons.math3.distribution.PoissonDistribution.DEFAULT_EPSILON,
                        org.apache.commons.math3.distribution.PoissonDistribution.DEFAULT_MAX_ITERATIONS);
            }
            int total = counts.sample();
            fired = grow(fired, total);
            for (int k = 0; k < total; k++) {
                fired[k] = random.nextInt(n);
            }
            return total;
        }
        double logMiss = Math.log1p(-q);
        int count = 0;
        long i = -1;
        while (true) {
            i += 1 + (long) (Math.log(1.0 - random.nextDouble()) / logMiss);
            if (i >= n) {
                return count;
            }
            fired[count++] = (int) i;
        }
    }

    /** The generators that fired in the last step asked for (see {@link #spikes}); the array is reused. */
    public int[] fired() {
        return fired;
    }

    private static int[] grow(int[] a, int needed) {
        return needed <= a.length ? a : java.util.Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    private double rate(double t) {
        if (spec.schedule() == null) {
            return spec.rateHz();
        }
        double r = spec.rateHz() == null ? 0 : spec.rateHz();
        for (List<Double> row : spec.schedule()) {
            if (row.get(0) <= t + 1e-9) {
                r = row.get(1);
            }
        }
        return r;
    }
}
