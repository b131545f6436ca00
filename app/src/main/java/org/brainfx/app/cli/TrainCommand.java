package org.brainfx.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.brainfx.app.charts.ChartPngWriter;
import org.brainfx.app.charts.TrainingCharts;
import org.brainfx.engine.net.Wiring;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.task.RoitmanShadlenBehavior;
import org.brainfx.engine.task.TrialBatch;
import org.brainfx.engine.train.CurriculumStage;
import org.brainfx.engine.train.EiRsnn;
import org.brainfx.engine.train.RsnnBptt;
import org.brainfx.engine.train.RsnnWeightFiles;
import org.brainfx.engine.train.RsnnWeights;
import org.brainfx.engine.train.TrainJob;
import org.brainfx.engine.train.TrainRecord;
import org.brainfx.engine.train.TrainResult;
import org.brainfx.engine.train.TrainingCsv;
import org.brainfx.engine.train.TrainingProject;
import org.brainfx.engine.train.TrainingProjectFiles;
import org.brainfx.engine.train.TrainingSettings;
import org.brainfx.engine.train.TrainingSetup;
import org.brainfx.engine.train.TrialRecording;
import org.brainfx.engine.train.WeightHistogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainfx train}: trains a training project's E/I spiking network on its task with a progress
 * bar, and writes the trained weights (one {@code .npy} per projection), the curves
 * ({@code training.csv}, {@code training.png}), a held-out trial ({@code trial.png}), the weight
 * distributions before and after ({@code weights.png}), a checkpoint to resume from, and a JSON summary.
 */
@Command(name = "train",
        description = {
                "Train a training project's E/I spiking network on its cognitive task",
                "(BPTT through surrogate spikes, or an online rule); write weights, curves and pictures.",
        })
public final class TrainCommand implements Callable<Integer> {
    private static final int HISTOGRAM_BINS = 40;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "A training project folder or *.brainfx.json file (e.g. sample-projects/ea-training).")
    private Path project;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "bptt, d-rtrl or es-d-rtrl (default: the project's, else bptt).")
    private String algorithm;

    @Option(names = "--batches", paramLabel = "N", description = "Most batches to train (default: the project's).")
    private Integer batches;

    @Option(names = "--budget-seconds", paramLabel = "S", description = "Wall-clock budget in seconds (default: the project's).")
    private Double budgetSeconds;

    @Option(names = "--target-accuracy", paramLabel = "A", description = "Stop when the held-out accuracy reaches A.")
    private Double targetAccuracy;

    @Option(names = "--stop-on-batch-accuracy", paramLabel = "A",
            description = "Stop when one training batch's accuracy exceeds A, the reference's rule (0 = never; default: the project's).")
    private Double stopOnBatchAccuracy;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of weights, connectivity and trials (default: the project's).")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the project's, else 1).")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: train-<project name>).")
    private Path out;

    @Option(names = "--resume", description = "Continue from the checkpoint in the output folder.")
    private boolean resume;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write a JSON summary with the history.")
    private Path json;

    @Option(names = "--peers", paramLabel = "NAME", split = ",",
            description = "Also time the reference network and evidence-accumulation task at this batch size in a peer,"
                    + " one thread: torch (Debian's python3-torch; its own script, written from the paper's step).")
    private java.util.List<String> peers = java.util.List.of();

    @Option(names = "--peer-batches", paramLabel = "N", description = "Batches the peer trains for its timing (default 3).")
    private int peerBatches = 3;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String peer : peers) {
            if (!peer.equals("torch")) {
                throw new IllegalArgumentException("--peers " + peer + " is not known; the training peer is torch");
            }
        }
        if (peerBatches < 2) {
            throw new IllegalArgumentException("--peer-batches must be at least 2 (the first batch warms up), got " + peerBatches);
        }
        TrainingProject p = TrainingProjectFiles.read(project);
        TrainingSettings base = p.training() == null ? TrainingSettings.defaults() : p.training();
        TrainingSettings settings;
        try {
            settings = base.with(algorithm, batches, budgetSeconds, targetAccuracy, seed, threads);
            if (stopOnBatchAccuracy != null) {
                settings = settings.withStopOnBatchAccuracy(stopOnBatchAccuracy);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("training.algorithm", "--algorithm")
                    .replace("training.batches", "--batches").replace("training.threads", "--threads")
                    .replace("training.stopOnBatchAccuracy", "--stop-on-batch-accuracy"), e);
        }
        TrainingSetup setup = TrainingSetup.of(p, settings, TrainingProjectFiles.baseDir(project));
        Path dir = out != null ? out : Path.of("train-" + (p.name() == null ? "project" : p.name()));
        Files.createDirectories(dir);
        EiRsnn net = setup.network();
        int steps = setup.task().batch(1, 0, 1).steps();
        stdout.printf(Locale.ROOT, "task        %s (%d channels, %d steps of %.3g ms, classes %s)%n", setup.task().name(),
                net.inputs(), steps, net.dtMs(), setup.task().classNames());
        stdout.printf(Locale.ROOT, "network     %d E + %d I adaptive LIF, conductance synapses, %s; %d trainable weights%n",
                net.excitatory(), net.inhibitory(), connectivity(net), setup.initial().size());
        stdout.printf(Locale.ROOT, "training    %s, batch %d, Adam lr %.3g%s, up to %d batches%s, %d thread%s%n",
                settings.algorithm(), settings.batchSize(), settings.learningRate(),
                settings.clipNorm() > 0 ? ", clip " + settings.clipNorm() : "", settings.batches(),
                settings.budgetSeconds() > 0 ? " or " + settings.budgetSeconds() + " s" : "", settings.threads(),
                settings.threads() == 1 ? "" : "s");
        for (int k = 0; k < settings.curriculum().size(); k++) {
            CurriculumStage stage = settings.curriculum().get(k);
            stdout.printf(Locale.ROOT, "curriculum  stage %d: %d batches with %s (held-out trials: the project's task)%n",
                    k + 1, stage.batches(), stage.settings());
        }
        stdout.flush();
        TrainingProgressBar bar = new TrainingProgressBar(err, ProgressBar.stderrIsTerminal());
        TrainResult result = new TrainJob(setup, dir, resume).run(bar::update);
        bar.finish(result.stop());
        writeOutputs(dir, setup, result, p.name());
        stdout.printf(Locale.ROOT, "stopped     %s after %d batches (%.1f s, %.3f s per batch, peak heap %.0f MB)%n",
                result.stop(), result.batches(), result.wallSeconds(), result.secondsPerBatch(), result.peakHeapMB());
        stdout.printf(Locale.ROOT, "memory      %.1f MB of %s for a batch of %d trials × %d steps%n", result.stateMB(),
                settings.algorithm().equals("bptt") ? "trajectory (grows with trial length)"
                        : "eligibility traces (independent of trial length)", settings.batchSize(),
                steps);
        stdout.printf(Locale.ROOT, "held-out    accuracy %.4f, loss %.4f on %d trials (these chose the best weights)%n",
                result.heldOutAccuracy(), result.heldOutLoss(), settings.evaluationTrials());
        stdout.printf(Locale.ROOT, "test        accuracy %.4f, loss %.4f on %d fresh trials (best weights)%n",
                result.testAccuracy(), result.testLoss(), settings.evaluationTrials());
        stdout.printf(Locale.ROOT, "wrote       %s (weights *.npy, training.csv/png, trial.png, weights.png, checkpoint.bin)%n", dir);
        JsonObject summary = summary(result);
        summary.addProperty("threads", settings.threads());
        if (peers.contains("torch")) {
            summary.add("peers", torchPeer(stdout, err, settings, result));
        }
        if (json != null) {
            TextFiles.write(json, ProjectFiles.gson().toJson(summary));
            stdout.printf(Locale.ROOT, "wrote       %s%n", json);
        }
        return 0;
    }

    /** Times the torch peer on the same network, task and batch size, one thread, and prints both side by side. */
    private JsonArray torchPeer(PrintWriter stdout, PrintWriter err, TrainingSettings settings, TrainResult result) {
        JsonArray list = new JsonArray();
        err.println("train: timing the torch peer (" + peerBatches + " batches of " + settings.batchSize() + ", one thread)…");
        err.flush();
        TorchTrainingPeer.Outcome o;
        try {
            o = TorchTrainingPeer.time(peerBatches, settings.batchSize(), 1, settings.seed(), settings.clipNorm());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the torch peer ran", e);
        }
        if (o.run() == null) {
            stdout.println("peer torch  not run: " + o.note());
            return list;
        }
        TorchTrainingPeer.Run r = o.run();
        stdout.printf(Locale.ROOT, "seconds per batch of %d × %d steps (forward + backward + Adam): BrainFX %.3f s (%d thread%s),"
                        + " torch %s %.3f s (1 thread): %.2f× faster%n", settings.batchSize(), r.steps(), result.secondsPerBatch(),
                settings.threads(), settings.threads() == 1 ? "" : "s", r.version(), r.secondsPerBatch(),
                r.secondsPerBatch() / result.secondsPerBatch());
        stdout.printf(Locale.ROOT, "peak memory: BrainFX heap %.0f MB, torch %.0f MB (resident)%n", result.peakHeapMB(), r.peakMB());
        JsonObject e = new JsonObject();
        e.addProperty("name", "torch");
        e.addProperty("version", r.version());
        e.addProperty("secondsPerBatch", r.secondsPerBatch());
        e.addProperty("threads", r.threads());
        e.addProperty("peakMB", r.peakMB());
        list.add(e);
        return list;
    }

    private static String connectivity(EiRsnn net) {
        if (net.inputMask() == null && net.excitatoryMask() == null && net.inhibitoryMask() == null) {
            return "dense";
        }
        return String.format(Locale.ROOT, "recurrent density %.2f", density(net.excitatoryMask()));
    }

    private static double density(boolean[] mask) {
        if (mask == null) {
            return 1;
        }
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return (double) n / mask.length;
    }

    static JsonObject summary(TrainResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("accuracy", r.testAccuracy());
        o.addProperty("loss", r.testLoss());
        o.addProperty("heldOutAccuracy", r.heldOutAccuracy());
        o.addProperty("heldOutLoss", r.heldOutLoss());
        o.addProperty("batches", r.batches());
        o.addProperty("wallSeconds", r.wallSeconds());
        o.addProperty("secondsPerBatch", r.secondsPerBatch());
        o.addProperty("peakHeapMB", r.peakHeapMB());
        o.addProperty("stateMB", r.stateMB());
        o.addProperty("stop", r.stop());
        JsonArray history = new JsonArray();
        for (TrainRecord h : r.history()) {
            JsonObject e = new JsonObject();
            e.addProperty("batch", h.batch());
            e.addProperty("wallSeconds", h.wallSeconds());
            e.addProperty("loss", h.loss());
            e.addProperty("accuracy", h.accuracy());
            if (!Double.isNaN(h.heldOutAccuracy())) {
                e.addProperty("heldOutAccuracy", h.heldOutAccuracy());
            }
            history.add(e);
        }
        o.add("history", history);
        return o;
    }

    private static void writeOutputs(Path dir, TrainingSetup setup, TrainResult result, String name) throws IOException {
        EiRsnn net = setup.network();
        RsnnWeights best = result.best();
        RsnnWeightFiles.write(dir, net, best);
        TrainingCsv.write(dir.resolve("training.csv"), result.history());
        String title = (name == null ? "training" : name) + " — " + setup.task().name();
        String sub = String.format(Locale.ROOT, "%s, %d batches of %d, %.0f s; best weights: held-out %.3f, test %.3f; %s",
                setup.settings().algorithm(), result.batches(), setup.settings().batchSize(), result.wallSeconds(),
                result.heldOutAccuracy(), result.testAccuracy(), result.stop());
        ChartPngWriter.write(TrainingCharts.curves(result.history(), title, sub), dir.resolve("training.png"),
                TrainingCharts.WIDTH, 560);
        double topE = Math.max(WeightHistogram.of(result.initial().excitatory(), net.excitatoryMask(), 1, 0).max(),
                WeightHistogram.of(best.excitatory(), net.excitatoryMask(), 1, 0).max());
        double topI = Math.max(WeightHistogram.of(result.initial().inhibitory(), net.inhibitoryMask(), 1, 0).max(),
                WeightHistogram.of(best.inhibitory(), net.inhibitoryMask(), 1, 0).max());
        ChartPngWriter.write(TrainingCharts.weights(
                        WeightHistogram.of(result.initial().excitatory(), net.excitatoryMask(), HISTOGRAM_BINS, topE),
                        WeightHistogram.of(best.excitatory(), net.excitatoryMask(), HISTOGRAM_BINS, topE),
                        WeightHistogram.of(result.initial().inhibitory(), net.inhibitoryMask(), HISTOGRAM_BINS, topI),
                        WeightHistogram.of(best.inhibitory(), net.inhibitoryMask(), HISTOGRAM_BINS, topI),
                        title + " — weight magnitudes", "Dale's law: weights are magnitudes; E synapses excite, I synapses inhibit"),
                dir.resolve("weights.png"), TrainingCharts.WIDTH, 520);
        TrialBatch test = setup.task().batch(Wiring.seedFor(setup.settings().seed(), "held-out"), 0, 1);
        int[] shown = net.inhibitory() > 0 ? new int[] {0, 1, net.excitatory()} : new int[] {0, 1};
        writePsychometric(dir, setup, best, title);
        try (RsnnBptt recorder = new RsnnBptt(net, 1, 1)) {
            TrialRecording trial = recorder.record(test, 0, best, shown);
            ChartPngWriter.write(TrainingCharts.trial(trial, title + " — a held-out trial",
                    "true class " + trial.classNames().get(trial.label()) + ", chosen " + trial.classNames().get(trial.chosen())),
                    dir.resolve("trial.png"), TrainingCharts.WIDTH, 900);
        }
    }

    /**
     * For tasks with a coherence per trial: the fraction of held-out trials chosen right at each coherence
     * ({@code psychometric.csv}, {@code psychometric.png}), beside the animal's when the task came from
     * behaviour data. The readout decides at the end of a fixed stimulus, so there is no reaction time to
     * set beside the monkey's (no chronometric curve).
     */
    private static boolean writePsychometric(Path dir, TrainingSetup setup, RsnnWeights best, String title) throws IOException {
        TrialBatch held = setup.task().batch(Wiring.seedFor(setup.settings().seed(), "held-out"), 0,
                setup.settings().evaluationTrials());
        if (!held.info().containsKey("coherence")) {
            return false;
        }
        int[] chosen;
        try (RsnnBptt evaluator = new RsnnBptt(setup.network(), Math.min(held.trials(), setup.settings().batchSize()),
                setup.settings().threads())) {
            chosen = evaluator.choices(held, best);
        }
        double[] coherence = held.info("coherence");
        java.util.TreeMap<Double, int[]> byCoherence = new java.util.TreeMap<>();
        for (int i = 0; i < held.trials(); i++) {
            int[] c = byCoherence.computeIfAbsent(coherence[i], k -> new int[2]);
            c[0]++;
            c[1] += chosen[i] == held.labels()[i] ? 1 : 0;
        }
        RoitmanShadlenBehavior animal = setup.behavior();
        java.util.Map<Double, RoitmanShadlenBehavior.CoherencePoint> monkey = new java.util.HashMap<>();
        if (animal != null) {
            for (RoitmanShadlenBehavior.CoherencePoint p : animal.points()) {
                monkey.put(p.coherence(), p);
            }
        }
        java.util.TreeSet<Double> all = new java.util.TreeSet<>(byCoherence.keySet());
        all.addAll(monkey.keySet());
        double[] xs = new double[all.size()];
        double[] net = new double[all.size()];
        double[] mk = new double[all.size()];
        int i = 0;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("psychometric.csv"), StandardCharsets.UTF_8)) {
            w.write("coherence_percent,network_trials,network_fraction_correct,animal_trials,animal_fraction_correct,"
                    + "animal_mean_correct_rt_ms\n");
            for (double c : all) {
                int[] n = byCoherence.get(c);
                RoitmanShadlenBehavior.CoherencePoint m = monkey.get(c);
                xs[i] = c;
                net[i] = n == null ? Double.NaN : (double) n[1] / n[0];
                // At 0 % coherence no answer is right: the file counts every choice as correct there.
                mk[i] = m == null || c == 0 ? Double.NaN : (double) m.correctTrials() / m.trials();
                w.write(String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%s%n", c, n == null ? 0 : n[0],
                        n == null ? "" : String.format(Locale.ROOT, "%.4f", net[i]), m == null ? "" : m.trials(),
                        Double.isNaN(mk[i]) ? "" : String.format(Locale.ROOT, "%.4f", mk[i]),
                        m == null ? "" : String.format(Locale.ROOT, "%.1f", m.meanCorrectRtMs())));
                i++;
            }
        }
        ChartPngWriter.write(TrainingCharts.psychometric(xs, net, animal == null ? null : mk,
                        animal == null ? null : "monkey B (Roitman & Shadlen 2002)", title + " — psychometric curve",
                        "fraction correct by motion coherence on " + held.trials() + " held-out trials"),
                dir.resolve("psychometric.png"), 900, 560);
        return true;
    }
}
