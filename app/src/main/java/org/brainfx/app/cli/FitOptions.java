package org.brainfx.app.cli;

import java.util.List;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.project.ResolvedProject;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The fit budget options that {@code brainfx fit} and {@code brainfx compare} share; each
 * overrides the project's {@code "fit"} setting when given.
 */
final class FitOptions {

    @Option(names = "--starts", paramLabel = "N",
            description = "Starts (gradient methods) or population size (gradient-free); default: the project's, else 20.")
    Integer starts;

    @Option(names = "--max-iter", paramLabel = "N", description = "Iteration budget (default: the project's, else 200).")
    Integer maxIterations;

    @Option(names = "--budget-seconds", paramLabel = "S", description = "Wall-time budget in seconds (0: none).")
    Double budgetSeconds;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed gives the same fit.")
    Long seed;

    /** Rejects values no fit can use, as usage errors naming the option. */
    void check(CommandLine cl) {
        checkPositive(cl, "--starts", starts);
        checkPositive(cl, "--max-iter", maxIterations);
        checkNonNegative(cl, "--budget-seconds", budgetSeconds);
    }

    /** A usage error unless {@code name} is a known optimizer. */
    static void checkOptimizer(CommandLine cl, String option, String name) {
        if (!FitConfig.OPTIMIZERS.contains(name)) {
            throw new CommandLine.ParameterException(cl, option + ": unknown optimizer '" + name + "'; choose one of "
                    + String.join(", ", FitConfig.OPTIMIZERS));
        }
    }

    static void checkPositive(CommandLine cl, String option, Integer value) {
        if (value != null && value < 1) {
            throw new CommandLine.ParameterException(cl, option + " must be at least 1, got " + value);
        }
    }

    static void checkNonNegative(CommandLine cl, String option, Number value) {
        if (value != null && !(value.doubleValue() >= 0 && Double.isFinite(value.doubleValue()))) {
            throw new CommandLine.ParameterException(cl, option + " must be a finite number ≥ 0, got " + value);
        }
    }

    /** The project's name, or its file name without the suffix when it has none. */
    static String projectName(ResolvedProject resolved) {
        String name = resolved.project().name();
        if (name != null && !name.isBlank()) {
            return name;
        }
        String file = resolved.file().getFileName().toString();
        return file.endsWith(ProjectFiles.SUFFIX) ? file.substring(0, file.length() - ProjectFiles.SUFFIX.length())
                : file;
    }

    /** How a configuration searches, e.g. "lbfgsb, 20 starts, seed 1" or "de, population 20, seed 1". */
    static String describe(FitConfig config) {
        return config.optimizer() + ", " + (config.gradientBased() ? config.starts() + " starts"
                : "population " + config.starts()) + ", seed " + config.seed();
    }

    /** The optimizer names of a list, checked. */
    static List<String> checkedOptimizers(CommandLine cl, String option, List<String> names) {
        if (names.isEmpty()) {
            throw new CommandLine.ParameterException(cl, option + ": name at least one optimizer; choose from "
                    + String.join(", ", FitConfig.OPTIMIZERS));
        }
        for (String name : names) {
            checkOptimizer(cl, option, name);
        }
        return List.copyOf(names);
    }
}
