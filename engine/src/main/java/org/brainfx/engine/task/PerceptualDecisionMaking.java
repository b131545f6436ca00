package org.brainfx.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Perceptual decision making, the random-dot motion task as NeuroGym defines it
 * ({@code neurogym/envs/native/perceptualdecisionmaking.py}, class {@code PerceptualDecisionMaking},
 * commit 0999dd3; after Britten et al. 1992): per trial a direction (the label) and a coherence c
 * (percent) are drawn uniformly; during the stimulus period stimulus input i carries
 * {@code cos(θ_i − θ_label)·c/200 + 0.5} plus Gaussian noise, so with two choices the labelled input
 * is (1 + c/100)/2 and the other (1 − c/100)/2. Periods: fixation, stimulus, delay, decision; the
 * decision period is the loss mask.
 *
 * <p>The fixation input is on until the decision period (the go signal), as NeuroGym's earlier
 * versions and its delayed tasks do; its latest version of this task turns it on in the fixation
 * period only. NeuroGym's fixation action (class 0) is not a class here: the label is the direction
 * (0 … choices − 1). Per-trial facts: {@code coherence} (percent), {@code direction}.
 */
public final class PerceptualDecisionMaking implements CognitiveTask {
    static final String NAME = "perceptual decision making";

    private final PerceptualDecisionSettings settings;
    private final List<InputGroup> groups;
    private final List<Double> coherences;
    private final double[] theta;
    private final int fixation;
    private final int stimulus;
    private final int delay;
    private final int decision;

    /** The task with these settings; refuses bad ones, naming the field and the fix. */
    public PerceptualDecisionMaking(PerceptualDecisionSettings s) {
        this.settings = s;
        double dt = Checks.dt(NAME, s.dtMs());
        Checks.atLeast(NAME, "choices", s.choices(), 2);
        this.coherences = Checks.coherences(NAME, "coherences", s.coherences());
        Checks.nonNegative(NAME, "sigma", s.sigma());
        this.fixation = Checks.steps(NAME, "fixationMs", s.fixationMs(), dt, 0);
        this.stimulus = Checks.steps(NAME, "stimulusMs", s.stimulusMs(), dt, 1);
        this.delay = Checks.steps(NAME, "delayMs", s.delayMs(), dt, 0);
        this.decision = Checks.steps(NAME, "decisionMs", s.decisionMs(), dt, 1);
        s.encoding().check(NAME, dt);
        this.groups = RingInputs.groups(s.encoding().channelsPerInput(), s.choices(), List.of("stimulus"), List.of());
        this.theta = RingInputs.theta(s.choices());
    }

    /** NeuroGym's defaults. */
    public static PerceptualDecisionMaking standard() {
        return new PerceptualDecisionMaking(PerceptualDecisionSettings.defaults());
    }

    /** The settings this task was made with. */
    public PerceptualDecisionSettings settings() {
        return settings;
    }

    /** Steps per trial. */
    public int steps() {
        return fixation + stimulus + delay + decision;
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
        for (int i = 0; i < settings.choices(); i++) {
            names.add("direction " + (i + 1));
        }
        return names;
    }

    /** The periods: fixation, stimulus, delay, decision. */
    public List<Period> periods() {
        int a = fixation;
        int b = a + stimulus;
        int c = b + delay;
        return List.of(new Period("fixation", 0, a), new Period("stimulus", a, b), new Period("delay", b, c),
                new Period("decision", c, c + decision));
    }

    @Override
    public TrialBatch batch(long seed, long batchIndex, int trials) {
        int steps = steps();
        BatchBuilder b = new BatchBuilder(seed, batchIndex, trials, steps, settings.dtMs(), groups);
        RateEncoding enc = settings.encoding();
        double noiseSd = settings.sigma() / Math.sqrt(settings.dtMs());
        int[] labels = new int[trials];
        double[] coh = new double[trials];
        double[] direction = new double[trials];
        for (int trial = 0; trial < trials; trial++) {
            SplittableRandom rng = b.random(trial);
            int gt = rng.nextInt(settings.choices());
            double c = coherences.get(rng.nextInt(coherences.size()));
            labels[trial] = gt;
            coh[trial] = c;
            direction[trial] = gt;
            b.set(trial, 0, 0, fixation + stimulus + delay, enc.hz(1));
            int stimulusEnd = settings.stimulusThroughDecision() ? steps : fixation + stimulus;
            RingInputs.stimulus(b, trial, 1, theta, theta[gt], c / 200, 0.5, noiseSd, fixation, stimulusEnd, enc);
        }
        b.addEverywhere(enc.backgroundHz());
        boolean[] mask = new boolean[steps];
        java.util.Arrays.fill(mask, steps - decision, steps, true);
        return b.build(NAME, classNames(), labels, mask, periods(), Map.of("coherence", coh, "direction", direction));
    }
}
