package org.brainfx.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Context-dependent decision making (Mante, Sussillo, Shenoy &amp; Newsome 2013,
 * doi:10.1038/nature12742) as NeuroGym defines it ({@code neurogym/envs/native/contextdecisionmaking.py},
 * class {@code ContextDecisionMaking}, commit 033b315): two modalities (motion and colour) each show a
 * noisy ring stimulus with its own direction and coherence, {@code cos(θ_i − θ_m)·c_m/200 + 0.5};
 * the context says which modality to report. Per trial the label (the relevant modality's direction),
 * the other modality's direction, the context and the two coherences are drawn uniformly; the delay
 * between stimulus and decision is drawn from an exponential truncated to [min, max) (NeuroGym's
 * {@code TruncExp(600, 300, 3000)}, here by inverting its distribution function, which gives the
 * same distribution as NeuroGym's rejection loop).
 *
 * <p>Trials of a batch differ in length, so they are aligned at their end: the decision period is
 * the last steps of the batch for every trial (one mask), and a trial with a shorter delay starts
 * later, its inputs silent (background only) before. Per-trial facts: {@code onsetStep} (where the
 * trial's fixation starts), {@code delayMs}, {@code context} (0 or 1), {@code direction1},
 * {@code direction2} (ring indices), {@code coherence1}, {@code coherence2} (percent).
 * {@link TrialBatch#periods()} are those of the batch's longest trial.
 *
 * <p>The context inputs stay on through the decision (as NeuroGym); the fixation input is on until
 * the decision (the go signal; NeuroGym's latest version turns it on in the fixation period only).
 * NeuroGym's fixation action is not a class: the label is the direction (0 … ring − 1).
 */
public final class ContextDecisionMaking implements CognitiveTask {
    static final String NAME = "context-dependent decision making";

    private final ContextDecisionSettings settings;
    private final List<InputGroup> groups;
    private final List<Double> coherences;
    private final double[] theta;
    private final int fixation;
    private final int stimulus;
    private final int decision;
    private final double delayMin;
    private final double delayMax;

    /** The task with these settings; refuses bad ones, naming the field and the fix. */
    public ContextDecisionMaking(ContextDecisionSettings s) {
        this.settings = s;
        double dt = Checks.dt(NAME, s.dtMs());
        Checks.atLeast(NAME, "ring", s.ring(), 2);
        if (s.implicitModality() != 0 && s.implicitModality() != 1) {
            throw Checks.bad(NAME, "implicitModality", s.implicitModality(), "the modality is 0 or 1");
        }
        this.coherences = Checks.coherences(NAME, "coherences", s.coherences());
        Checks.nonNegative(NAME, "sigma", s.sigma());
        this.fixation = Checks.steps(NAME, "fixationMs", s.fixationMs(), dt, 0);
        this.stimulus = Checks.steps(NAME, "stimulusMs", s.stimulusMs(), dt, 1);
        this.decision = Checks.steps(NAME, "decisionMs", s.decisionMs(), dt, 1);
        this.delayMin = Checks.nonNegative(NAME, "delayMinMs", s.delayMinMs());
        this.delayMax = Checks.nonNegative(NAME, "delayMaxMs", s.delayMaxMs());
        if (delayMax < delayMin) {
            throw Checks.bad(NAME, "delayMaxMs", delayMax, "the longest delay must be >= delayMinMs = " + delayMin);
        }
        if (!(s.delayMeanMs() > 0) || !Double.isFinite(s.delayMeanMs())) {
            throw Checks.bad(NAME, "delayMeanMs", s.delayMeanMs(), "the exponential's mean must be a finite number of ms > 0");
        }
        if (delayMax / dt > 10_000_000) {
            throw Checks.bad(NAME, "delayMaxMs", delayMax, "at most 10 000 000 time steps");
        }
        s.encoding().check(NAME, dt);
        this.groups = RingInputs.groups(s.encoding().channelsPerInput(), s.ring(), List.of("modality 1", "modality 2"),
                s.explicitContext() ? List.of("context 1", "context 2") : List.of());
        this.theta = RingInputs.theta(s.ring());
    }

    /** NeuroGym's defaults with an explicit context. */
    public static ContextDecisionMaking standard() {
        return new ContextDecisionMaking(ContextDecisionSettings.defaults());
    }

    /** The settings this task was made with. */
    public ContextDecisionSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double dtMs() {
        return settings.dtMs();
    }

    @Override
    public List<InputGroup> groups() {
        return groups;
    }

    @Override
    public List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < settings.ring(); i++) {
            names.add("direction " + (i + 1));
        }
        return names;
    }

    /** A delay from the exponential of mean {@code delayMeanMs} conditioned on [min, max), in steps. */
    private int delaySteps(SplittableRandom rng) {
        double dt = settings.dtMs();
        if (delayMin >= delayMax) {
            return (int) Math.round(delayMax / dt);
        }
        double mean = settings.delayMeanMs();
        double span = -Math.expm1(-(delayMax - delayMin) / mean);
        double ms = delayMin - mean * Math.log1p(-rng.nextDouble() * span);
        return (int) Math.min(Math.round(ms / dt), Math.round(delayMax / dt));
    }

    @Override
    public TrialBatch batch(long seed, long batchIndex, int trials) {
        int n = settings.ring();
        int ctxCount = settings.explicitContext() ? 2 : 1;
        int[] gt = new int[trials];
        int[] other = new int[trials];
        int[] context = new int[trials];
        double[] coh1 = new double[trials];
        double[] coh2 = new double[trials];
        int[] delay = new int[trials];
        int maxDelay = 0;
        SplittableRandom[] streams = new SplittableRandom[trials];
        for (int trial = 0; trial < trials; trial++) {
            // Conditions come first in each trial's stream, before the noise, so the batch length
            // (the longest delay) is known before the rates are laid out.
            SplittableRandom rng = new SplittableRandom(BatchBuilder.trialSeed(seed, batchIndex, trial));
            streams[trial] = rng;
            gt[trial] = rng.nextInt(n);
            other[trial] = rng.nextInt(n);
            context[trial] = ctxCount == 2 ? rng.nextInt(2) : settings.implicitModality();
            coh1[trial] = coherences.get(rng.nextInt(coherences.size()));
            coh2[trial] = coherences.get(rng.nextInt(coherences.size()));
            delay[trial] = delaySteps(rng);
            maxDelay = Math.max(maxDelay, delay[trial]);
        }
        int steps = fixation + stimulus + maxDelay + decision;
        BatchBuilder b = new BatchBuilder(seed, batchIndex, trials, steps, settings.dtMs(), groups, streams);
        RateEncoding enc = settings.encoding();
        double noiseSd = settings.sigma() / Math.sqrt(settings.dtMs());
        int[] labels = new int[trials];
        double[] dir1 = new double[trials];
        double[] dir2 = new double[trials];
        double[] ctx = new double[trials];
        double[] delayMs = new double[trials];
        double[] onsetStep = new double[trials];
        for (int trial = 0; trial < trials; trial++) {
            int d1 = gt[trial];
            int d2 = other[trial];
            if (context[trial] == 1) {
                d1 = other[trial];
                d2 = gt[trial];
            }
            int onset = maxDelay - delay[trial];
            int stimStart = onset + fixation;
            labels[trial] = gt[trial];
            dir1[trial] = d1;
            dir2[trial] = d2;
            ctx[trial] = context[trial];
            delayMs[trial] = delay[trial] * settings.dtMs();
            onsetStep[trial] = onset;
            b.set(trial, 0, onset, steps - decision, enc.hz(1));
            int stimEnd = settings.stimulusThroughDecision() ? steps : stimStart + stimulus;
            RingInputs.stimulus(b, trial, 1, theta, theta[d1], coh1[trial] / 200, 0.5, noiseSd, stimStart, stimEnd, enc);
            RingInputs.stimulus(b, trial, 1 + n, theta, theta[d2], coh2[trial] / 200, 0.5, noiseSd, stimStart, stimEnd, enc);
            if (ctxCount == 2) {
                b.set(trial, 1 + 2 * n + context[trial], onset, steps, enc.hz(1));
            }
        }
        b.addEverywhere(enc.backgroundHz());
        boolean[] mask = new boolean[steps];
        java.util.Arrays.fill(mask, steps - decision, steps, true);
        List<Period> periods = List.of(new Period("fixation", 0, fixation),
                new Period("stimulus", fixation, fixation + stimulus),
                new Period("delay", fixation + stimulus, steps - decision), new Period("decision", steps - decision, steps));
        return b.build(NAME, classNames(), labels, mask, periods, Map.of("onsetStep", onsetStep, "delayMs", delayMs,
                "context", ctx, "direction1", dir1, "direction2", dir2, "coherence1", coh1, "coherence2", coh2));
    }
}
