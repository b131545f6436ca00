package org.brainfx.engine.task;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Assembles a {@link TrialBatch}: a task fills the group rates of every trial (drawing its
 * conditions from that trial's own random stream), then {@link #build} draws the spikes.
 */
final class BatchBuilder {
    final int trials;
    final int steps;
    final double dtMs;
    final List<InputGroup> groups;
    final float[] rates;
    private final SplittableRandom[] random;
    private final long seed;
    private final long batchIndex;

    BatchBuilder(long seed, long batchIndex, int trials, int steps, double dtMs, List<InputGroup> groups) {
        this(seed, batchIndex, trials, steps, dtMs, groups, null);
    }

    /** A builder that continues the given per-trial streams (a task that drew conditions first), or new ones when null. */
    BatchBuilder(long seed, long batchIndex, int trials, int steps, double dtMs, List<InputGroup> groups,
                 SplittableRandom[] streams) {
        if (trials < 1) {
            throw new IllegalArgumentException("a batch needs at least 1 trial, got " + trials);
        }
        if (batchIndex < 0) {
            throw new IllegalArgumentException("the batch index must be >= 0, got " + batchIndex);
        }
        long cells = (long) trials * steps;
        if (cells * groups.size() > Integer.MAX_VALUE - 8 || cells + 1 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a batch of " + trials + " trials × " + steps + " steps × " + groups.size()
                    + " input groups is too large for one array; use fewer trials per batch");
        }
        this.seed = seed;
        this.batchIndex = batchIndex;
        this.trials = trials;
        this.steps = steps;
        this.dtMs = dtMs;
        this.groups = groups;
        this.rates = new float[(int) cells * groups.size()];
        if (streams != null) {
            this.random = streams;
        } else {
            this.random = new SplittableRandom[trials];
            for (int b = 0; b < trials; b++) {
                random[b] = new SplittableRandom(trialSeed(seed, batchIndex, b));
            }
        }
    }

    /**
     * The seed of one trial's random stream: SplitMix64's finalizer over (seed, batch, trial), so that
     * neighbouring seeds, batches and trials give unrelated streams.
     */
    static long trialSeed(long seed, long batchIndex, int trial) {
        return mix(mix(mix(seed) + batchIndex) + trial);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The random stream of {@code trial}: draw its conditions and noise from it, in a fixed order. */
    SplittableRandom random(int trial) {
        return random[trial];
    }

    /** Sets the rate of {@code group} in {@code trial} to {@code hz} over steps [{@code from}, {@code to}). */
    void set(int trial, int group, int from, int to, double hz) {
        int g = groups.size();
        for (int t = from; t < to; t++) {
            rates[(t * trials + trial) * g + group] = (float) hz;
        }
    }

    /** Sets the rate of {@code group} in {@code trial} at one step. */
    void set(int trial, int group, int step, double hz) {
        rates[(step * trials + trial) * groups.size() + group] = (float) hz;
    }

    /** Adds {@code hz} to the rate of every group of every trial at every step (a background). */
    void addEverywhere(double hz) {
        if (hz != 0) {
            for (int i = 0; i < rates.length; i++) {
                rates[i] += (float) hz;
            }
        }
    }

    /**
     * Draws the spikes from the rates and returns the batch. Per step, trial and group the channels
     * that fire are found by geometric skips (one random number per spike, plus one), so a step costs
     * its spikes rather than its channels; each trial draws from its own stream, in step order.
     */
    TrialBatch build(String task, List<String> classNames, int[] labels, boolean[] mask, List<Period> periods,
                     Map<String, double[]> info) {
        int g = groups.size();
        int[] groupFirst = new int[g];
        int[] groupSize = new int[g];
        for (int k = 0; k < g; k++) {
            groupFirst[k] = groups.get(k).first();
            groupSize[k] = groups.get(k).size();
        }
        double expected = 0;
        for (int i = 0; i < rates.length; i++) {
            expected += rates[i] * groupSize[i % g];
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, expected * dtMs / 1000.0 * 1.1 + 1024);
        int[] channel = new int[capacity];
        int[] start = new int[steps * trials + 1];
        double perHzStep = dtMs / 1000.0;
        int count = 0;
        double lastP = -1;
        double logMiss = 0;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < trials; b++) {
                int cell = t * trials + b;
                start[cell] = count;
                SplittableRandom rng = random[b];
                int base = cell * g;
                for (int k = 0; k < g; k++) {
                    double p = rates[base + k] * perHzStep;
                    if (!(p > 0)) {
                        continue;
                    }
                    int size = groupSize[k];
                    int first = groupFirst[k];
                    if (count + size > channel.length) {
                        channel = Arrays.copyOf(channel, Math.max(count + size, channel.length * 2));
                    }
                    if (p >= 1) {
                        for (int i = 0; i < size; i++) {
                            channel[count++] = first + i;
                        }
                        continue;
                    }
                    if (p != lastP) {
                        lastP = p;
                        logMiss = Math.log1p(-p);
                    }
                    long i = -1;
                    while (true) {
                        i += 1 + (long) (Math.log(1.0 - rng.nextDouble()) / logMiss);
                        if (i >= size) {
                            break;
                        }
                        channel[count++] = first + (int) i;
                    }
                }
            }
        }
        start[steps * trials] = count;
        return new TrialBatch(task, seed, batchIndex, trials, steps, dtMs, groups, rates, start,
                count == channel.length ? channel : Arrays.copyOf(channel, count), classNames, labels, mask, periods, info);
    }
}
