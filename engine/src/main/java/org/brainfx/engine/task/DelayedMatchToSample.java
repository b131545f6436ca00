package org.brainfx.engine.task;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Delayed match-to-sample, a working-memory task as NeuroGym defines it
 * ({@code neurogym/envs/native/delaymatchsample.py}, class {@code DelayMatchSample}, commit 19ed682;
 * after Miller, Erickson &amp; Desimone 1996): a sample direction θ_s drawn from the ring's
 * directions is shown, then a delay, then a test direction, θ_s on a match trial and θ_s + π on a
 * non-match trial (each with probability ½). Stimulus input i carries
 * {@code 0.5·cos(θ_i − θ) + 0.5} plus Gaussian noise during the sample and the test; the fixation
 * input is on until the decision period. Label 0 = match, 1 = non-match (NeuroGym's actions 1 and
 * 2; its fixation action is not a class). Per-trial facts: {@code match} (1/0),
 * {@code sampleTheta}, {@code testTheta} (radians).
 */
public final class DelayedMatchToSample implements CognitiveTask {
    static final String NAME = "delayed match-to-sample";

    private final DelayedMatchSettings settings;
    private final List<InputGroup> groups;
    private final double[] theta;
    private final int fixation;
    private final int sample;
    private final int delay;
    private final int test;
    private final int decision;

    /** The task with these settings; refuses bad ones, naming the field and the fix. */
    public DelayedMatchToSample(DelayedMatchSettings s) {
        this.settings = s;
        double dt = Checks.dt(NAME, s.dtMs());
        Checks.atLeast(NAME, "ring", s.ring(), 2);
        Checks.nonNegative(NAME, "sigma", s.sigma());
        this.fixation = Checks.steps(NAME, "fixationMs", s.fixationMs(), dt, 0);
        this.sample = Checks.steps(NAME, "sampleMs", s.sampleMs(), dt, 1);
        this.delay = Checks.steps(NAME, "delayMs", s.delayMs(), dt, 0);
        this.test = Checks.steps(NAME, "testMs", s.testMs(), dt, 1);
        this.decision = Checks.steps(NAME, "decisionMs", s.decisionMs(), dt, 1);
        s.encoding().check(NAME, dt);
        this.groups = RingInputs.groups(s.encoding().channelsPerInput(), s.ring(), List.of("stimulus"), List.of());
        this.theta = RingInputs.theta(s.ring());
    }

    /** NeuroGym's defaults. */
    public static DelayedMatchToSample standard() {
        return new DelayedMatchToSample(DelayedMatchSettings.defaults());
    }

    /** The settings this task was made with. */
    public DelayedMatchSettings settings() {
        return settings;
    }

    /** Steps per trial. */
    public int steps() {
        return fixation + sample + delay + test + decision;
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
        return List.of("match", "non-match");
    }

    /** The periods: fixation, sample, delay, test, decision. */
    public List<Period> periods() {
        int a = fixation;
        int b = a + sample;
        int c = b + delay;
        int d = c + test;
        return List.of(new Period("fixation", 0, a), new Period("sample", a, b), new Period("delay", b, c),
                new Period("test", c, d), new Period("decision", d, d + decision));
    }

    @Override
    public TrialBatch batch(long seed, long batchIndex, int trials) {
        int steps = steps();
        BatchBuilder b = new BatchBuilder(seed, batchIndex, trials, steps, settings.dtMs(), groups);
        RateEncoding enc = settings.encoding();
        double noiseSd = settings.sigma() / Math.sqrt(settings.dtMs());
        int[] labels = new int[trials];
        double[] match = new double[trials];
        double[] sampleTheta = new double[trials];
        double[] testTheta = new double[trials];
        int testStart = fixation + sample + delay;
        int testEnd = settings.testThroughDecision() ? steps : testStart + test;
        for (int trial = 0; trial < trials; trial++) {
            SplittableRandom rng = b.random(trial);
            boolean isMatch = rng.nextBoolean();
            double s = theta[rng.nextInt(theta.length)];
            double t = isMatch ? s : (s + Math.PI) % (2 * Math.PI);
            labels[trial] = isMatch ? 0 : 1;
            match[trial] = isMatch ? 1 : 0;
            sampleTheta[trial] = s;
            testTheta[trial] = t;
            b.set(trial, 0, 0, testStart + test, enc.hz(1));
            RingInputs.stimulus(b, trial, 1, theta, s, 0.5, 0.5, noiseSd, fixation, fixation + sample, enc);
            RingInputs.stimulus(b, trial, 1, theta, t, 0.5, 0.5, noiseSd, testStart, testEnd, enc);
        }
        b.addEverywhere(enc.backgroundHz());
        boolean[] mask = new boolean[steps];
        java.util.Arrays.fill(mask, steps - decision, steps, true);
        return b.build(NAME, classNames(), labels, mask, periods(),
                Map.of("match", match, "sampleTheta", sampleTheta, "testTheta", testTheta));
    }
}
