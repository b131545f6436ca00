package org.brainfx.engine.loss;

import java.util.Arrays;
import org.brainfx.engine.grad.TrajectoryLoss;

/**
 * Spike-train losses on spike times that are continuous in the parameters: every spike, the
 * model's and the recording's alike, is timed by its {@link SpikeCrossing} (the interpolated time
 * its upstroke reaches the spike detector's dV/dt threshold), so the van Rossum distance and the
 * first-spike latency change smoothly as a spike moves, also from one step to the next, and their
 * gradient enters the voltage at the three early-upstroke samples of each crossing. No gradient
 * passes through the spike output, whose surrogate carries nothing usable for models like AdEx.
 *
 * <p>The spike count stays an integer, {@code (n − n*)²}; while it is wrong a proxy adds a
 * continuous slope towards the right count ({@value #PROXY} at most per missing or extra spike, and
 * 0 once the counts agree, so it cannot pull on a fit whose counts are right). Missing spikes: how
 * far the highest voltage after the model's last spike stays below the level at which the model
 * spikes (the voltage at its first spike's crossing; the target's threshold when the model is
 * silent), in units of {@value #MISSING_SCALE_MV} mV, at most 1, once per missing spike. Extra
 * spikes (the last ones): how early in the sweep each comes, as a fraction of the sweep — an extra
 * spike vanishes by moving later, as a spike near rheobase does.
 */
public final class SpikeTimeLoss implements TrajectoryLoss {
    /** Most a missing or extra spike's proxy adds (times the term's weight). */
    public static final double PROXY = 0.5;
    /** A missing spike's proxy reaches its most when the voltage stays this far below the target's threshold, mV. */
    public static final double MISSING_SCALE_MV = 20;
    /**
     * Samples kept per lane to find a model spike's crossing when it fires: an upstroke rising faster
     * than the threshold for longer than this many steps is timed at its spike step, without gradient.
     */
    static final int LOOKBACK = 64;
    /** A recorded spike's crossing is looked for within this time after its detected onset, ms. */
    static final double RECORDED_RISE_MS = 5;

    /** Which spike-train loss. */
    public enum Kind {
        /** The van Rossum distance, {@code w·∫(f − g)² dt/τ} of exponentially filtered trains, in closed form. */
        VAN_ROSSUM,
        /** {@code w·(latency − latency*)²}, ms, of the first spike in a window (its length when there is none). */
        FIRST_SPIKE_LATENCY,
        /** {@code w·((n − n*)² + proxy)}, the spike count's squared error with the proxy described above. */
        SPIKE_COUNT
    }

    private final Kind kind;
    private final int state;
    private final int[] sweepOfLane;
    private final int steps;
    private final double dt;
    private final double rise;
    private final double tau;
    private final int from;
    private final int to;
    private final double weight;
    private final double[][] targetTimes;
    private final double[][] targetThreshold;
    /** The target's spike trains filtered as the surrogate path filters the model's (van Rossum only). */
    private final double[][] targetFiltered;
    private final double decay;
    private double[][] recent;
    private double[][] unrolled;
    private int[][] spikes;
    private SpikeCrossing[][] crossings;
    private int[] spikeCount;
    private double[] previousSpike;
    private double[] highest;
    private int[] highestStep;
    private int[][] gradStep;
    private double[][] gradValue;
    private int[] cursor;
    /**
     * Lanes with a spike that has no upstroke (a reset at threshold, as LIF and GIF) and none timed by one: their
     * gradient goes through the spike output.
     */
    private boolean[] stepTimed;
    private boolean[] timed;
    /**
     * Whether such lanes take the surrogate: with a simulated target (spike outputs) only. Against a recording,
     * spikes that a model fires within one step (AdEx from its threshold region) look like that too, and the
     * surrogate's pull made those fits worse (abf-steps: loss 10.5 and 67.6 against 3.95 without).
     */
    private final boolean surrogateFallback;
    private double[][] filteredModel;
    private double[] carry;

    /**
     * @param kind          which loss
     * @param state         index of the membrane potential
     * @param targetTrace   target voltage per sweep
     * @param targetOnsets  spike steps per target sweep: onsets (thresholds) found by the spike detector in a
     *                      recording, or a simulated target's spike outputs
     * @param recorded      true when {@code targetOnsets} are a recording's onsets, false for spike outputs
     * @param sweepOfLane   target sweep of each lane
     * @param riseMvPerMs   the spike detector's dV/dt threshold, voltage units per ms
     * @param tau           van Rossum time constant, ms (other kinds ignore it)
     * @param window        {@code [from, to)} steps: the latency's window (other kinds ignore it)
     */
    public SpikeTimeLoss(Kind kind, int state, double[][] targetTrace, int[][] targetOnsets, boolean recorded,
                         int[] sweepOfLane,
                         int steps, double dt, double riseMvPerMs, double tau, int[] window, double weight) {
        if (kind == Kind.VAN_ROSSUM && !(tau > 0)) {
            throw new IllegalArgumentException("van Rossum tau must be positive, got " + tau);
        }
        if (!(riseMvPerMs > 0)) {
            throw new IllegalArgumentException("the spike detector's dV/dt threshold must be positive, got " + riseMvPerMs);
        }
        this.kind = kind;
        this.surrogateFallback = !recorded;
        this.state = state;
        this.sweepOfLane = sweepOfLane.clone();
        this.steps = steps;
        this.dt = dt;
        this.rise = riseMvPerMs * dt;
        this.tau = tau;
        this.from = window[0];
        this.to = window[1];
        this.weight = weight;
        targetTimes = new double[targetOnsets.length][];
        targetThreshold = new double[targetOnsets.length][];
        int maxRise = Math.max(2, (int) Math.round(RECORDED_RISE_MS / dt));
        for (int s = 0; s < targetOnsets.length; s++) {
            int[] on = Arrays.stream(targetOnsets[s]).filter(t -> t < steps).toArray();
            targetTimes[s] = new double[on.length];
            targetThreshold[s] = new double[on.length];
            for (int i = 0; i < on.length; i++) {
                targetTimes[s][i] = (recorded ? SpikeCrossing.ofRecordedSpike(targetTrace[s], on[i], rise, maxRise)
                        : SpikeCrossing.ofModelSpike(targetTrace[s], on[i], i == 0 ? -1 : on[i - 1], rise)).step();
                targetThreshold[s][i] = targetTrace[s][on[i]];
            }
        }
        // The step-filtered trains serve only the surrogate fallback, which a recorded target never takes.
        boolean filtered = kind == Kind.VAN_ROSSUM && surrogateFallback;
        decay = filtered ? Math.exp(-dt / tau) : 0;
        targetFiltered = filtered ? new double[targetOnsets.length][steps] : null;
        for (int s = 0; filtered && s < targetOnsets.length; s++) {
            double[] train = new double[steps];
            for (int t : targetOnsets[s]) {
                if (t < steps) {
                    train[t] += 1;
                }
            }
            double f = 0;
            for (int t = 0; t < steps; t++) {
                f = f * decay + train[t];
                targetFiltered[s][t] = f;
            }
        }
    }

    /** The target's spike times on each sweep, ms (the sample after step {@code t} at {@code t·dt}). */
    public double[][] targetTimesMs() {
        return Arrays.stream(targetTimes).map(a -> Arrays.stream(a).map(t -> t * dt).toArray()).toArray(double[][]::new);
    }

    @Override
    public void begin(int lanes, int steps) {
        recent = new double[lanes][LOOKBACK];
        unrolled = new double[lanes][];
        spikes = new int[lanes][4];
        crossings = new SpikeCrossing[lanes][4];
        spikeCount = new int[lanes];
        previousSpike = new double[lanes];
        highest = new double[lanes];
        Arrays.fill(highest, Double.NEGATIVE_INFINITY);
        highestStep = new int[lanes];
        gradStep = new int[lanes][];
        gradValue = new double[lanes][];
        cursor = new int[lanes];
        stepTimed = new boolean[lanes];
        timed = new boolean[lanes];
        filteredModel = targetFiltered != null ? new double[lanes][steps] : null;
        carry = new double[lanes];
    }

    @Override
    public void forward(int step, double[][] s, double[] spike, double[] lossOut, int count, int firstLane) {
        double[] v = s[state];
        for (int j = 0; j < count; j++) {
            int lane = firstLane + j;
            recent[lane][step % LOOKBACK] = v[j];
            if (filteredModel != null) {
                filteredModel[lane][step] = (step == 0 ? 0 : filteredModel[lane][step - 1] * decay) + spike[j];
            }
            // A spike is an event: a model without a reset stays above threshold for several steps.
            if (spike[j] != 0 && previousSpike[lane] == 0) {
                fired(lane, step);
            } else if (v[j] > highest[lane]) {
                highest[lane] = v[j];
                highestStep[lane] = step;
            }
            previousSpike[lane] = spike[j];
        }
        if (step != steps - 1) {
            return;
        }
        for (int j = 0; j < count; j++) {
            lossOut[j] += finish(firstLane + j);
        }
    }

    /** Times a spike from the samples kept, and restarts the search for the highest voltage after it. */
    private void fired(int lane, int step) {
        int n = spikeCount[lane];
        if (n == spikes[lane].length) {
            spikes[lane] = Arrays.copyOf(spikes[lane], 2 * n);
            crossings[lane] = Arrays.copyOf(crossings[lane], 2 * n);
        }
        int first = Math.max(0, step - LOOKBACK + 1);
        if (unrolled[lane] == null || unrolled[lane].length != step - first + 1) {
            unrolled[lane] = new double[step - first + 1];
        }
        double[] window = unrolled[lane];
        for (int t = first; t <= step; t++) {
            window[t - first] = recent[lane][t % LOOKBACK];
        }
        int earliest = n == 0 ? -1 : Math.max(-1, spikes[lane][n - 1] - first);
        crossings[lane][n] = SpikeCrossing.ofModelSpike(window, step - first, earliest, rise).shifted(first);
        if (crossings[lane][n].differentiable()) {
            timed[lane] = true;
        } else if (!risesFast(window, earliest, step - first)) {
            stepTimed[lane] = true;
        }
        spikes[lane][n] = step;
        spikeCount[lane] = n + 1;
        highest[lane] = Double.NEGATIVE_INFINITY;
    }

    @Override
    public void backward(int step, double[][] s, double[] spike, double[][] adjState, double[] adjSpike, int count,
                         int firstLane) {
        double[] a = adjState[state];
        for (int j = 0; j < count; j++) {
            int lane = firstLane + j;
            int[] gs = gradStep[lane];
            int c = cursor[lane];
            while (c > 0 && gs[c - 1] >= step) {
                c--;
                if (gs[c] == step) {
                    a[j] += gradValue[lane][c];
                }
            }
            cursor[lane] = c;
            if (surrogateFallback && stepTimed[lane] && !timed[lane]) {
                adjSpike[j] += surrogate(lane, step);
            }
        }
    }

    /**
     * Whether any interval after {@code earliest} up to {@code spikeStep} rises at least the detector's threshold: a
     * spike with an upstroke that could not be timed (too long for the samples kept, or cut by the previous spike)
     * rather than a reset at threshold without one.
     */
    private boolean risesFast(double[] window, int earliest, int spikeStep) {
        for (int k = Math.max(1, earliest + 1); k <= spikeStep; k++) {
            if (window[k] - window[k - 1] >= rise) {
                return true;
            }
        }
        return false;
    }

    /**
     * dLoss/dz for the spike output at {@code step} of a lane whose spikes have no upstroke to time: the spike
     * output's surrogate then carries the gradient, as it did before spikes were timed by their upstroke
     * (van Rossum of the step-filtered trains, {@code r_t = 2w·dt/τ·(f_t − g_t) + e^{−dt/τ}·r_{t+1}}; the count's
     * {@code 2w·(n − n*)}); the latency has none.
     */
    private double surrogate(int lane, int step) {
        return switch (kind) {
            case VAN_ROSSUM -> {
                double r = 2 * weight * dt / tau * (filteredModel[lane][step] - targetFiltered[sweepOfLane[lane]][step])
                        + (step == steps - 1 ? 0 : decay * carry[lane]);
                carry[lane] = r;
                yield r;
            }
            case SPIKE_COUNT -> 2 * weight * (spikeCount[lane] - targetTimes[sweepOfLane[lane]].length);
            case FIRST_SPIKE_LATENCY -> 0;
        };
    }

    /** The lane's loss; keeps its gradient with respect to the voltage samples for {@link #backward}. */
    private double finish(int lane) {
        int n = spikeCount[lane];
        SpikeCrossing[] model = Arrays.copyOf(crossings[lane], n);
        int sweep = sweepOfLane[lane];
        double[] dLossDTime = new double[n];
        SampleGradient g = new SampleGradient();
        double loss = switch (kind) {
            case VAN_ROSSUM -> vanRossum(model, targetTimes[sweep], dLossDTime);
            case FIRST_SPIKE_LATENCY -> latency(lane, model, targetTimes[sweep], dLossDTime);
            case SPIKE_COUNT -> count(lane, model, sweep, dLossDTime, g);
        };
        for (int i = 0; i < n; i++) {
            if (dLossDTime[i] != 0 && model[i].differentiable()) {
                for (int k = 0; k < 3; k++) {
                    g.add(model[i].last() - 2 + k, dLossDTime[i] * model[i].weights()[k]);
                }
            }
        }
        g.sortInto(lane);
        return loss;
    }

    /** Closed form of the filtered trains' squared distance: ½ΣΣ k(tᵢ−tⱼ) + ½ΣΣ k(sᵢ−sⱼ) − ΣΣ k(tᵢ−sⱼ), k(x) = e^{−|x|/τ}. */
    private double vanRossum(SpikeCrossing[] model, double[] target, double[] dLossDTime) {
        double sum = 0;
        for (int i = 0; i < model.length; i++) {
            double ti = model[i].step() * dt;
            for (int k = 0; k < model.length; k++) {
                double x = ti - model[k].step() * dt;
                double e = Math.exp(-Math.abs(x) / tau);
                sum += 0.5 * e;
                if (k != i) {
                    dLossDTime[i] -= weight * Math.signum(x) * e / tau * dt;
                }
            }
            for (double s : target) {
                double x = ti - s * dt;
                double e = Math.exp(-Math.abs(x) / tau);
                sum -= e;
                dLossDTime[i] += weight * Math.signum(x) * e / tau * dt;
            }
        }
        for (double a : target) {
            for (double b : target) {
                sum += 0.5 * Math.exp(-Math.abs(a - b) * dt / tau);
            }
        }
        return weight * sum;
    }

    private double latency(int lane, SpikeCrossing[] model, double[] target, double[] dLossDTime) {
        double none = (to - from) * dt;
        double want = none;
        for (int i = 0; i < target.length; i++) {
            int onset = (int) Math.ceil(target[i]);
            if (onset >= from && onset < to) {
                want = (target[i] - from) * dt;
                break;
            }
        }
        for (int i = 0; i < model.length; i++) {
            int s = spikes[lane][i];
            if (s >= from && s < to) {
                double got = (model[i].step() - from) * dt;
                dLossDTime[i] = 2 * weight * (got - want) * dt;
                return weight * (got - want) * (got - want);
            }
        }
        return weight * (none - want) * (none - want);
    }

    private double count(int lane, SpikeCrossing[] model, int sweep, double[] dLossDTime, SampleGradient g) {
        int n = model.length;
        int m = targetTimes[sweep].length;
        double proxy = 0;
        for (int i = m; i < n; i++) {
            proxy += PROXY * (steps - model[i].step()) / steps;
            dLossDTime[i] = -weight * PROXY / steps;
        }
        if (m > n && highest[lane] > Double.NEGATIVE_INFINITY) {
            // How far the voltage after the model's last spike stays below the level at which it spikes.
            SpikeCrossing own = n == 0 ? null : model[0];
            boolean ownLevel = own != null && own.differentiable();
            double level = ownLevel ? own.levelBefore() : targetThreshold[sweep][n];
            double below = (level - highest[lane]) / MISSING_SCALE_MV;
            if (below > 0) {
                proxy += (m - n) * PROXY * Math.min(1, below);
                if (below < 1) {
                    double slope = (m - n) * weight * PROXY / MISSING_SCALE_MV;
                    g.add(highestStep[lane], -slope);
                    if (ownLevel) {
                        g.add(own.last() - 1, slope);
                    }
                }
            }
        }
        double d = n - m;
        return weight * (d * d + proxy);
    }

    /** A lane's sparse gradient with respect to its voltage samples, gathered before it is sorted by step. */
    private final class SampleGradient {
        private int[] stepOf = new int[8];
        private double[] value = new double[8];
        private int size;

        void add(int step, double v) {
            if (step < 0 || step >= steps || v == 0) {
                return;
            }
            if (size == stepOf.length) {
                stepOf = Arrays.copyOf(stepOf, 2 * size);
                value = Arrays.copyOf(value, 2 * size);
            }
            stepOf[size] = step;
            value[size] = v;
            size++;
        }

        void sortInto(int lane) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(stepOf[a], stepOf[b]));
            int[] s = new int[size];
            double[] val = new double[size];
            for (int i = 0; i < size; i++) {
                s[i] = stepOf[order[i]];
                val[i] = value[order[i]];
            }
            gradStep[lane] = s;
            gradValue[lane] = val;
            cursor[lane] = size;
        }
    }
}
