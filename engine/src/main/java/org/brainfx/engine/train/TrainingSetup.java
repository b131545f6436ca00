package org.brainfx.engine.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.Positions;
import org.brainfx.engine.net.SparseRows;
import org.brainfx.engine.net.ValueSpec;
import org.brainfx.engine.net.Wiring;
import org.brainfx.engine.net.WiringRequest;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.task.CognitiveTask;
import org.brainfx.engine.task.ContextDecisionMaking;
import org.brainfx.engine.task.ContextDecisionSettings;
import org.brainfx.engine.task.DelayedMatchSettings;
import org.brainfx.engine.task.DelayedMatchToSample;
import org.brainfx.engine.task.EvidenceAccumulation;
import org.brainfx.engine.task.EvidenceAccumulationSettings;
import org.brainfx.engine.task.PerceptualDecisionMaking;
import org.brainfx.engine.task.PerceptualDecisionSettings;
import org.brainfx.engine.task.RoitmanShadlenBehavior;

/**
 * What a training project becomes: the task, the network (τ_a and connectivity drawn from the
 * project's seed, masks built by the network API's {@link Wiring} so sparse and Gaussian variants
 * follow the same rules as simulated networks), the initial weights and the resolved settings.
 *
 * @param task     the task
 * @param network  the network
 * @param initial  initial weights
 * @param settings resolved settings
 * @param behavior the animal behaviour the task was built from (random_dots), else null
 * @param trainingTask the task training batches come from: {@code task} after the curriculum's stages
 *                 ({@link TrainingSettings#curriculum()}), or {@code task} itself without one
 */
public record TrainingSetup(CognitiveTask task, EiRsnn network, RsnnWeights initial, TrainingSettings settings,
                            RoitmanShadlenBehavior behavior, CognitiveTask trainingTask) {

    /** A setup that trains on {@code task} from the first batch (no curriculum). */
    public TrainingSetup(CognitiveTask task, EiRsnn network, RsnnWeights initial, TrainingSettings settings,
                         RoitmanShadlenBehavior behavior) {
        this(task, network, initial, settings, behavior, task);
    }

    /** The task names a project may give (the NeuroGym/BrainPy names, with underscores). */
    public static final List<String> TASKS = List.of("evidence_accumulation", "perceptual_decision_making",
            "delayed_match_to_sample", "context_decision_making", "random_dots");

    /**
     * Builds the setup of {@code project}, whose relative file names start at {@code baseDir}.
     *
     * @throws IllegalArgumentException naming the field and the fix
     */
    public static TrainingSetup of(TrainingProject project, TrainingSettings settings, Path baseDir) {
        if (project.task() == null || project.task().name() == null) {
            throw new IllegalArgumentException("the project has no task; add \"task\": {\"name\": one of " + TASKS + "}");
        }
        RoitmanShadlenBehavior behavior = behavior(project.task(), baseDir);
        CognitiveTask task = behavior != null ? randomDots(behavior, project.task().settings())
                : task(project.task(), baseDir);
        TrainingSettings s = settings.resolved();
        if (project.network() != null) {
            return ofNetwork(project, task, s, behavior, baseDir);
        }
        if (project.readout() != null) {
            throw new IllegalArgumentException("\"readout\" describes the readout of a \"network\"; this project has none:"
                    + " add the network or move the readout's settings into \"rsnn\"");
        }
        TrainingProject.RsnnSpec r = project.rsnn() != null ? project.rsnn() : TrainingProject.RsnnSpec.reference();
        int nE = or(r.excitatory(), 160);
        int nI = or(r.inhibitory(), 40);
        if (nE < 1 || nI < 0) {
            throw new IllegalArgumentException("rsnn.excitatory must be >= 1 and rsnn.inhibitory >= 0; got " + nE + " and " + nI);
        }
        int n = nE + nI;
        double low = or(r.tauAdaptLowMs(), 500.0);
        double high = or(r.tauAdaptHighMs(), 1500.0);
        if (!(low > 0 && high >= low)) {
            throw new IllegalArgumentException("rsnn.tauAdaptLowMs/HighMs must satisfy 0 < low <= high; got " + low + ", " + high);
        }
        long seed = s.seed();
        SpikeFunction spike = new SpikeFunction(false, or(r.surrogateAlpha(), 0.3), or(r.surrogateWidth(), 1.0), 1);
        Positions positions = r.positions() == null ? null : Positions.of(r.positions(), n, Wiring.seedFor(seed, "positions"),
                "rsnn.positions");
        double dt = task.dtMs();
        boolean[] inputMask = mask("input", r.input(), task.channels(), n, null, positions, 0, dt, seed, baseDir);
        boolean[] eMask = mask("excitatory", r.excitatoryOut(), nE, n, positions, positions, 0, dt, seed, baseDir);
        boolean[] iMask = nI == 0 ? null : mask("inhibitory", r.inhibitoryOut(), nI, n, positions, positions, nE, dt, seed, baseDir);
        EiRsnn net = new EiRsnn(task.channels(), nE, nI, task.classNames().size(), dt, or(r.tauMs(), 100.0),
                or(r.tauSynMs(), 10.0), or(r.tauOutMs(), 10.0), or(r.vThreshold(), 1.0), or(r.vRest(), 0.0), or(r.beta(), 1.0),
                or(r.eExc(), 3.0), or(r.eInh(), -3.0), EiRsnn.uniformTauAdapt(n, low, high, Wiring.seedFor(seed, "tau_a")), spike,
                inputMask, eMask, iMask, r.readout() == null ? EiRsnn.Readout.SPIKES : EiRsnn.Readout.parse(r.readout()),
                Boolean.TRUE.equals(r.detachReset()));
        RsnnWeights w = r.weights() != null ? RsnnWeightFiles.read(baseDir.resolve(r.weights()), net)
                : RsnnWeights.kaiming(net, or(r.feedForwardScale(), 1.0), or(r.recurrentScale(), 0.5),
                or(r.inhibitoryRatio(), 4.0), or(r.readoutScale(), 2.0), Wiring.seedFor(seed, "weights"));
        return new TrainingSetup(task, net, w, s, behavior, trainingTask(project.task(), task, s, baseDir));
    }

    /** The setup of a project whose network is a network spec ({@link NetworkRsnn}). */
    private static TrainingSetup ofNetwork(TrainingProject project, CognitiveTask task, TrainingSettings s,
                                           RoitmanShadlenBehavior behavior, Path baseDir) {
        TrainingProject.RsnnSpec r = project.rsnn();
        if (r != null && !r.onlyWeights()) {
            throw new IllegalArgumentException("the project gives its network twice, as \"network\" and as \"rsnn\"; keep"
                    + " one (with \"network\", \"rsnn\" may only name trained \"weights\" to start from)");
        }
        NetworkRsnn.Translation t = NetworkRsnn.of(project.network(), project.readout(), task.channels(),
                task.classNames().size(), task.dtMs(), baseDir);
        RsnnWeights w = r != null && r.weights() != null ? RsnnWeightFiles.read(baseDir.resolve(r.weights()), t.rsnn())
                : t.initial();
        return new TrainingSetup(task, t.rsnn(), w, s, behavior, trainingTask(project.task(), task, s, baseDir));
    }

    /** The project's task after the curriculum's stages, each the project's task with the stage's settings laid over its own. */
    private static CognitiveTask trainingTask(TrainingProject.TaskSpec spec, CognitiveTask task, TrainingSettings s,
                                              Path baseDir) {
        if (s.curriculum().isEmpty()) {
            return task;
        }
        List<CognitiveTask> stages = new ArrayList<>();
        int[] batches = new int[s.curriculum().size()];
        for (int k = 0; k < batches.length; k++) {
            CurriculumStage stage = s.curriculum().get(k);
            JsonObject settings = spec.settings() == null ? new JsonObject() : spec.settings().deepCopy();
            stage.settings().entrySet().forEach(e -> settings.add(e.getKey(), e.getValue().deepCopy()));
            try {
                stages.add(task(new TrainingProject.TaskSpec(spec.name(), settings), baseDir));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("training.curriculum[" + k + "]: " + e.getMessage(), e);
            }
            batches[k] = stage.batches();
        }
        return new Curriculum(task, stages, batches);
    }

    /** The connectivity mask of one projection, or null for all-to-all (no rule given). */
    private static boolean[] mask(String name, ConnectivitySpec rule, int pre, int post, Positions prePositions,
                                  Positions postPositions, int preOffset, double dt, long seed, Path baseDir) {
        if (rule == null) {
            return null;
        }
        Positions prePos = prePositions == null ? null : subset(prePositions, preOffset, pre);
        SparseRows rows;
        try {
            rows = Wiring.build(new WiringRequest("rsnn." + name + "Out", rule, ValueSpec.constant(1), null, pre, post, prePos,
                    postPositions, false, dt, Wiring.seedFor(seed, "mask:" + name), baseDir));
        } catch (NetworkException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        boolean[] mask = new boolean[pre * post];
        for (int i = 0; i < pre; i++) {
            for (int k = rows.rowStart()[i]; k < rows.rowStart()[i + 1]; k++) {
                mask[i * post + rows.post()[k]] = true;
            }
        }
        return mask;
    }

    private static Positions subset(Positions all, int from, int count) {
        double[] x = java.util.Arrays.copyOfRange(all.x(), from, from + count);
        double[] y = java.util.Arrays.copyOfRange(all.y(), from, from + count);
        return new Positions(x, y, all.width(), all.height(), all.periodic());
    }

    /** The task named in the project, with its settings. */
    static CognitiveTask task(TrainingProject.TaskSpec spec, Path baseDir) {
        String name = spec.name().trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        JsonObject settings = spec.settings() == null ? new JsonObject() : spec.settings();
        try {
            return switch (name) {
                case "evidence_accumulation" -> new EvidenceAccumulation(
                        ProjectFiles.gson().fromJson(settings, EvidenceAccumulationSettings.class));
                case "perceptual_decision_making" -> new PerceptualDecisionMaking(
                        ProjectFiles.gson().fromJson(settings, PerceptualDecisionSettings.class));
                case "delayed_match_to_sample" -> new DelayedMatchToSample(
                        ProjectFiles.gson().fromJson(settings, DelayedMatchSettings.class));
                case "context_decision_making" -> new ContextDecisionMaking(
                        ProjectFiles.gson().fromJson(settings, ContextDecisionSettings.class));
                case "random_dots" -> randomDots(behavior(spec, baseDir), settings);
                default -> throw new IllegalArgumentException("task '" + spec.name() + "' is not known; use one of " + TASKS);
            };
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("task.settings of '" + spec.name() + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** The Roitman–Shadlen behaviour a random_dots task names in {@code settings.behavior}, else null. */
    private static RoitmanShadlenBehavior behavior(TrainingProject.TaskSpec spec, Path baseDir) {
        String name = spec.name().trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (!name.equals("random_dots")) {
            return null;
        }
        JsonObject settings = spec.settings();
        if (settings == null || !settings.has("behavior")) {
            throw new IllegalArgumentException("task random_dots needs settings.behavior: the Roitman–Shadlen behaviour CSV"
                    + " whose coherences it uses");
        }
        return RoitmanShadlenBehavior.read(baseDir.resolve(settings.get("behavior").getAsString()));
    }

    /** The random-dot task over the coherences of the behaviour (its other settings from {@code settings}). */
    private static CognitiveTask randomDots(RoitmanShadlenBehavior behavior, JsonObject settings) {
        JsonObject rest = settings == null ? new JsonObject() : settings.deepCopy();
        rest.remove("behavior");
        return new PerceptualDecisionMaking(behavior.taskSettings(ProjectFiles.gson().fromJson(rest, PerceptualDecisionSettings.class)));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
