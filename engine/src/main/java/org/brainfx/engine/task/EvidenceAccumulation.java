package org.brainfx.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The evidence-accumulation task of the reference paper (Wang et al. 2024, arXiv 2406.19708; brainpy_datasets'
 * {@code EvidenceAccumulation}, after Morcos &amp; Harvey 2016, doi:10.1038/nn.4403): Poisson input
 * channels in four groups (left cues, right cues, recall, background noise); a number of cues, each
 * a silent gap then a cue on the left or the right group; a delay; a recall period with the recall
 * group on; noise throughout. Per trial a majority side is drawn with probability ½ and each cue
 * goes to it with the majority probability. Label 1 when more cues went left, else 0; the loss and
 * the accuracy count the recall steps.
 *
 * <p>Channels: left 0–24, right 25–49, recall 50–74, noise 75–99 with the defaults (the reference's
 * order). Cue {@code k} (0-based) occupies steps [gap + k·(gap + cue), gap + k·(gap + cue) + cue).
 * Per-trial facts: {@code leftCues}, {@code rightCues}, {@code majorityLeft} (1 or 0).
 */
public final class EvidenceAccumulation implements CognitiveTask {
    static final String NAME = "evidence accumulation";

    private final EvidenceAccumulationSettings settings;
    private final List<InputGroup> groups;
    private final int cues;
    private final int gapSteps;
    private final int cueSteps;
    private final int delaySteps;
    private final int recallSteps;
    private final int steps;

    /** The task with these settings; refuses bad ones, naming the field and the fix. */
    public EvidenceAccumulation(EvidenceAccumulationSettings s) {
        this.settings = s;
        double dt = Checks.dt(NAME, s.dtMs());
        Checks.atLeast(NAME, "leftChannels", s.leftChannels(), 1);
        Checks.atLeast(NAME, "rightChannels", s.rightChannels(), 1);
        Checks.atLeast(NAME, "recallChannels", s.recallChannels(), 1);
        Checks.atLeast(NAME, "noiseChannels", s.noiseChannels(), 0);
        Checks.rate(NAME, "leftRateHz", s.leftRateHz(), dt);
        Checks.rate(NAME, "rightRateHz", s.rightRateHz(), dt);
        Checks.rate(NAME, "recallRateHz", s.recallRateHz(), dt);
        Checks.rate(NAME, "noiseRateHz", s.noiseRateHz(), dt);
        this.cues = Checks.atLeast(NAME, "cues", s.cues(), 1);
        this.gapSteps = Checks.steps(NAME, "gapMs", s.gapMs(), dt, 0);
        this.cueSteps = Checks.steps(NAME, "cueMs", s.cueMs(), dt, 1);
        this.delaySteps = Checks.steps(NAME, "delayMs", s.delayMs(), dt, 0);
        this.recallSteps = Checks.steps(NAME, "recallMs", s.recallMs(), dt, 1);
        Checks.probability(NAME, "majorityProbability", s.majorityProbability());
        long total = (long) cues * (gapSteps + cueSteps) + delaySteps + recallSteps;
        if (total > 10_000_000) {
            throw Checks.bad(NAME, "cues", cues, "a trial of " + total + " steps is too long (at most 10 000 000)");
        }
        this.steps = (int) total;
        int l = s.leftChannels();
        int r = s.rightChannels();
        int c = s.recallChannels();
        List<InputGroup> g = List.of(new InputGroup("left", 0, l), new InputGroup("right", l, r),
                new InputGroup("recall", l + r, c), new InputGroup("noise", l + r + c, s.noiseChannels()));
        this.groups = List.copyOf(g);
    }

    /** The reference's task. */
    public static EvidenceAccumulation reference() {
        return new EvidenceAccumulation(EvidenceAccumulationSettings.defaults());
    }

    /** The settings this task was made with. */
    public EvidenceAccumulationSettings settings() {
        return settings;
    }

    /** Steps per trial (2 200 with the defaults). */
    public int steps() {
        return steps;
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
        return List.of("right", "left");
    }

    /** The trial's periods: gap and cue per cue ({@code gap 1}, {@code cue 1}, …), {@code delay}, {@code recall}. */
    public List<Period> periods() {
        List<Period> p = new ArrayList<>();
        int t = 0;
        for (int k = 0; k < cues; k++) {
            p.add(new Period("gap " + (k + 1), t, t + gapSteps));
            t += gapSteps;
            p.add(new Period("cue " + (k + 1), t, t + cueSteps));
            t += cueSteps;
        }
        p.add(new Period("delay", t, t + delaySteps));
        t += delaySteps;
        p.add(new Period("recall", t, t + recallSteps));
        return p;
    }

    @Override
    public TrialBatch batch(long seed, long batchIndex, int trials) {
        BatchBuilder b = new BatchBuilder(seed, batchIndex, trials, steps, settings.dtMs(), groups);
        int[] labels = new int[trials];
        double[] left = new double[trials];
        double[] right = new double[trials];
        double[] majorityLeft = new double[trials];
        double p = settings.majorityProbability();
        for (int trial = 0; trial < trials; trial++) {
            SplittableRandom rng = b.random(trial);
            boolean majority = rng.nextDouble() < 0.5;
            majorityLeft[trial] = majority ? 1 : 0;
            int nLeft = 0;
            for (int k = 0; k < cues; k++) {
                boolean toLeft = (rng.nextDouble() < p) == majority;
                int from = gapSteps + k * (gapSteps + cueSteps);
                if (toLeft) {
                    nLeft++;
                    b.set(trial, 0, from, from + cueSteps, settings.leftRateHz());
                } else {
                    b.set(trial, 1, from, from + cueSteps, settings.rightRateHz());
                }
            }
            left[trial] = nLeft;
            right[trial] = cues - nLeft;
            labels[trial] = 2 * nLeft > cues ? 1 : 0;
            b.set(trial, 2, steps - recallSteps, steps, settings.recallRateHz());
            if (groups.get(3).size() > 0) {
                b.set(trial, 3, 0, steps, settings.noiseRateHz());
            }
        }
        boolean[] mask = new boolean[steps];
        java.util.Arrays.fill(mask, steps - recallSteps, steps, true);
        return b.build(NAME, classNames(), labels, mask, periods(),
                Map.of("leftCues", left, "rightCues", right, "majorityLeft", majorityLeft));
    }
}
