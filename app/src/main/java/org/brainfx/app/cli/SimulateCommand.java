package org.brainfx.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.brainfx.app.charts.ChartPngWriter;
import org.brainfx.app.charts.TraceChart;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.model.unit.Units;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.SimulationResult;
import org.brainfx.engine.sim.Simulator;
import org.brainfx.engine.sim.StepProtocol;
import org.brainfx.engine.sim.SweepInput;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainfx simulate}: runs a project's stimulus, or a step current into a model, and writes
 * the recorded traces as CSV and as a PNG chart.
 */
@Command(name = "simulate",
        description = {
                "Simulate a project or a model; write traces.csv and traces.png.",
                "A network project writes spikes.csv, rates.csv, raster.png and rates.png instead.",
                "A model (built-in name or .model file) gets a step current: 0 for the first tenth of the"
                        + " duration, then the amplitude.",
        })
public final class SimulateCommand implements Callable<Integer> {
    static final double DEFAULT_AMPLITUDE_NA = 1;
    static final double DEFAULT_DURATION_MS = 200;
    static final double DEFAULT_DT_MS = 0.025;
    static final String CSV_FILE = "traces.csv";
    static final String PNG_FILE = "traces.png";
    private static final int CHART_WIDTH = 1200;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROJECT_OR_MODEL",
            description = "A project folder or *.brainfx.json file, a built-in model (see 'brainfx models'),"
                    + " or a .model file.")
    private String target;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder to write to (default: out/<project or model name>).")
    private Path out;

    @Option(names = "--amplitude", paramLabel = "NA",
            description = "Step current into a model, in nA (default: 1).")
    private Double amplitude;

    @Option(names = "--duration", paramLabel = "MS",
            description = "Duration in ms: of a model run (default: 200), or of a network project run (default: the project's).")
    private Double duration;

    @Option(names = "--dt", paramLabel = "MS",
            description = "Time step of a model run in ms (default: 0.025).")
    private Double dt;

    @Option(names = "--seed", paramLabel = "N",
            description = "Network projects: the seed of everything random (default: the project's).")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Network projects: 1 or 2 threads (default: 2 for runs of 10^8 neuron-steps or more on a machine"
                    + " with two or more cores, else 1). The results do not depend on it.")
    private Integer threads;

    @Option(names = "--record", split = ",", paramLabel = "STATE",
            description = "States to record, comma-separated (default: the project's, or the model's first state).")
    private List<String> record;

    @Option(names = "--parameters", paramLabel = "SET",
            description = "A project's parameter values to simulate: project (its own values, the default), target"
                    + " (the values that made its synthetic target) or result (its latest kept fit result).")
    private String parameterSet;

    /** What to simulate, however it was named on the command line; {@code values} says which parameter values. */
    private record Setup(String name, String title, CompiledModel model, double dt, int input,
                         double[][] stimulus, List<String> record, String values) { }

    @Override
    public Integer call() throws IOException {
        if (isProject(target) && NetworkProjectFiles.isNetworkProject(Path.of(target))) {
            if (amplitude != null || dt != null || record != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--amplitude, --dt and --record apply to a neuron model; a network project sets them");
            }
            return NetworkSimulation.run(spec.commandLine().getOut(), spec.commandLine().getErr(), Path.of(target), duration,
                    seed, threads, out);
        }
        if (seed != null || threads != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seed and --threads apply to a network project");
        }
        long start = System.nanoTime();
        Setup setup = isProject(target) ? fromProject(Path.of(target)) : fromModel();
        CompiledModel model = setup.model();
        int steps = setup.stimulus()[0].length;
        SimulationResult result = new Simulator(model).run(LaneValues.defaults(model, setup.stimulus().length),
                SweepInput.tiled(setup.stimulus(), 1, setup.input()), steps, setup.dt(), setup.record());

        Path dir = out != null ? out : Path.of("out", setup.name());
        Files.createDirectories(dir);
        Path csv = dir.resolve(CSV_FILE);
        Path png = dir.resolve(PNG_FILE);
        TraceCsvWriter.write(model, result, csv);
        JFreeChart chart = TraceChart.create(model, result, setup.stimulus(), setup.input(), setup.title(),
                CHART_WIDTH);
        ChartPngWriter.write(chart, png, CHART_WIDTH, TraceChart.preferredHeight(setup.record().size()));
        printSummary(setup, result, List.of(csv, png), (System.nanoTime() - start) / 1e6);
        return 0;
    }

    /**
     * A project is a folder, a {@code *.brainfx.json} file, or any existing file that is not a
     * model file; a built-in model's name counts as a model unless a folder of that name exists.
     */
    private static boolean isProject(String argument) {
        Path path = Path.of(argument);
        return Files.isDirectory(path) || argument.endsWith(ProjectFiles.SUFFIX)
                || (!ModelArgument.isModel(argument) && Files.isRegularFile(path));
    }

    private Setup fromProject(Path path) {
        if (amplitude != null || duration != null || dt != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--amplitude, --duration and --dt apply to a model; a project's stimulus sets them");
        }
        ResolvedProject loaded = ResolvedProject.load(path);
        String set = parameterSet == null ? "project" : parameterSet.trim().toLowerCase(Locale.ROOT);
        Map<String, Double> chosen = chosenValues(loaded, set);
        ResolvedProject project = set.equals("project") ? loaded : ResolvedProject.resolve(withValues(loaded.project(),
                chosen), loaded.file());
        CompiledModel model = project.model();
        String name = project.project().name() != null && !project.project().name().isBlank()
                ? project.project().name()
                : stripSuffix(project.file().getFileName().toString(), ProjectFiles.SUFFIX);
        List<String> states = record == null ? project.record() : checkedRecord(model);
        return new Setup(name, name + " — " + model.name() + " (" + set + " parameters)", model, project.dt(),
                project.input(), project.stimulus(), states, describe(set, chosen, project));
    }

    /** The values of parameter set {@code set} of the project; fails naming what the project lacks. */
    private Map<String, Double> chosenValues(ResolvedProject project, String set) {
        Project p = project.project();
        switch (set) {
            case "project":
                return p.parameters() == null ? Map.of() : p.parameters();
            case "target":
                if (p.target() == null || p.target().syntheticParameters() == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--parameters target: "
                            + project.file() + " has no synthetic target (its target is "
                            + (p.target() == null && p.recording() == null ? "missing" : "a recording")
                            + "); use project or result");
                }
                return p.target().syntheticParameters();
            case "result":
                if (p.savedFits().isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--parameters result: "
                            + project.file() + " keeps no fit results yet; fit it in the workbench (results are kept"
                            + " when the project is saved), or use project or target");
                }
                return p.savedFits().get(p.savedFits().size() - 1).params();
            default:
                throw new CommandLine.ParameterException(spec.commandLine(), "--parameters must be project, target or"
                        + " result, got '" + parameterSet + "'");
        }
    }

    private static Project withValues(Project p, Map<String, Double> values) {
        Map<String, Double> all = new LinkedHashMap<>(p.parameters() == null ? Map.of() : p.parameters());
        all.putAll(values);
        return ProjectEdits.withParameters(p, all);
    }

    /** "target values: gL = 0.008 uS, …", or that the model's defaults are used. */
    private static String describe(String set, Map<String, Double> values, ResolvedProject project) {
        if (values.isEmpty()) {
            return set + " values: the model's defaults";
        }
        List<String> parts = new ArrayList<>();
        values.forEach((name, v) -> {
            String unit = project.spec().parameters().stream().filter(ps -> ps.name().equals(name))
                    .map(ps -> ps.unit() == null ? "" : " " + ps.unit()).findFirst().orElse("");
            parts.add(name + " = " + number(v) + unit);
        });
        String what = switch (set) {
            case "target" -> "target values (made the synthetic target)";
            case "result" -> "latest kept fit result";
            default -> "project values";
        };
        return what + ": " + String.join(", ", parts);
    }

    private Setup fromModel() {
        if (parameterSet != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--parameters applies to a project; a model runs with its defaults");
        }
        if (!ModelArgument.isModel(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + target + "' is not a project folder,"
                    + " a *" + ProjectFiles.SUFFIX + " file, a " + ModelArgument.SUFFIX + " file or a built-in model;"
                    + " built-in models: " + String.join(", ", ModelLibrary.names()));
        }
        ModelSpec modelSpec = ModelArgument.read(spec.commandLine(), target);
        CompiledModel model = ModelCompiler.compile(modelSpec);
        if (model.inputCount() == 0) {
            throw new IllegalArgumentException("model '" + model.name() + "' has no input for the step current;"
                    + " declare one, e.g. 'input I : nA'");
        }
        double amp = optionValue("--amplitude", amplitude, DEFAULT_AMPLITUDE_NA, false);
        double length = optionValue("--duration", duration, DEFAULT_DURATION_MS, true);
        double step = optionValue("--dt", dt, DEFAULT_DT_MS, true);
        double[] current = StepProtocol.of(0, 0.1 * length, toInputUnit(model, amp), 0.9 * length).sample(step);
        if (current.length == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dt " + step
                    + " ms is longer than the whole run (--duration " + length + " ms)");
        }
        List<String> states = record == null ? List.of(model.stateNames().get(0)) : checkedRecord(model);
        String name = ModelArgument.name(modelSpec, target);
        return new Setup(name, name + " — " + number(amp) + " nA step", model, step, 0, new double[][] {current},
                states, "the model's defaults");
    }

    /** The amplitude (nA) in the internal unit of the model's first input, which must be a current. */
    private double toInputUnit(CompiledModel model, double nanoamperes) {
        CheckedModel.Symbol input = model.checked().inputs().get(0);
        Unit nA = Units.parse("nA");
        if (!input.unit().sameDimension(nA)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--amplitude is a current in nA, but input '"
                    + input.name() + "' of model '" + model.name() + "' is in " + input.unit().symbol());
        }
        return nA.toInternal(nanoamperes);
    }

    private double optionValue(String option, Double given, double fallback, boolean positive) {
        double v = given == null ? fallback : given;
        if (!Double.isFinite(v) || (positive && v <= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be a "
                    + (positive ? "positive" : "finite") + " number, got " + v);
        }
        return v;
    }

    private List<String> checkedRecord(CompiledModel model) {
        for (String state : record) {
            if (!model.stateNames().contains(state)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--record: model '" + model.name()
                        + "' has no state '" + state + "'; states: " + String.join(", ", model.stateNames()));
            }
        }
        return List.copyOf(record);
    }

    private void printSummary(Setup setup, SimulationResult result, List<Path> written, double totalMillis) {
        PrintWriter o = spec.commandLine().getOut();
        CompiledModel model = setup.model();
        int sweeps = setup.stimulus().length;
        String description = model.checked().spec().description();
        o.printf(Locale.ROOT, "model      %s%s%n", model.name(),
                description == null || description.isBlank() ? "" : " (" + description + ")");
        o.printf(Locale.ROOT, "sweeps     %d × %d steps of %s ms (%s ms)%n", sweeps, result.steps(),
                number(result.dt()), number(result.steps() * result.dt()));
        o.printf(Locale.ROOT, "parameters %s%n", setup.values());
        o.printf(Locale.ROOT, "recorded   %s%n", String.join(", ", result.recorded()));
        if (model.hasSpike()) {
            o.printf(Locale.ROOT, "spikes     %s (per sweep)%n", Arrays.stream(result.spikeSteps())
                    .map(s -> Integer.toString(spikeCount(s))).collect(Collectors.joining(", ")));
        }
        o.printf(Locale.ROOT, "wall time  %.1f ms simulation, %.0f ms in all%n", result.wallMillis(), totalMillis);
        o.printf(Locale.ROOT, "wrote      %s%n", written.get(0));
        for (Path p : written.subList(1, written.size())) {
            o.printf(Locale.ROOT, "           %s%n", p);
        }
        o.flush();
    }

    /**
     * Spikes as a reader counts them: runs of consecutive spike steps count once, since a model
     * without a reset (HH) stays above its spike condition for several steps per action potential.
     */
    static int spikeCount(int[] spikeSteps) {
        int count = 0;
        for (int i = 0; i < spikeSteps.length; i++) {
            if (i == 0 || spikeSteps[i] != spikeSteps[i - 1] + 1) {
                count++;
            }
        }
        return count;
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    /** A number without trailing zeros or round-off noise, e.g. 0.025 or 200. */
    static String number(double v) {
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
