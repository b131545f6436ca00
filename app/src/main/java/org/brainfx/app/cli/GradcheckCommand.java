package org.brainfx.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.brainfx.engine.grad.GradientCheck;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainfx gradcheck}: compares every reverse-mode derivative of a model with central
 * finite differences and fails when any disagrees beyond tolerance.
 */
@Command(name = "gradcheck",
        description = {
                "Check reverse-mode gradients against finite differences, for every trainable parameter and"
                        + " initial state, on a subthreshold and a spiking step current.",
                "Exits with 1 when any check fails.",
        })
public final class GradcheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "MODEL", arity = "0..*",
            description = "Built-in models or .model files (default: every built-in model).")
    private List<String> models;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the checks as JSON.")
    private Path json;

    @Option(names = "--all-integrators",
            description = "Check with each integrator (euler, exp_euler, rk2, rk4), not only the model's own.")
    private boolean allIntegrators;

    /** One check in the JSON file; the checked variable (parameter or initial state) is under {@code parameter}. */
    private record JsonCheck(String model, String integrator, String protocol, String parameter, double relError,
                             double tolerance, double reverse, double finiteDifference) { }

    /** The JSON file's content. */
    private record JsonReport(List<JsonCheck> checks, double maxRelError) { }

    @Override
    public Integer call() throws IOException {
        List<String> names = models == null || models.isEmpty() ? ModelLibrary.names() : models;
        // Read every model first, so a misspelt name fails at once rather than after minutes of checks.
        List<ModelSpec> specs = new ArrayList<>();
        for (String name : names) {
            specs.add(ModelArgument.read(spec.commandLine(), name));
        }
        PrintWriter err = spec.commandLine().getErr();
        List<GradientCheck.Check> checks = new ArrayList<>();
        for (ModelSpec modelSpec : specs) {
            for (String integrator : allIntegrators ? ModelSpec.INTEGRATORS : List.of(modelSpec.integrator())) {
                long start = System.nanoTime();
                List<GradientCheck.Check> found = GradientCheck.run(modelSpec, integrator);
                checks.addAll(found);
                long failed = found.stream().filter(c -> !c.passed()).count();
                err.printf(Locale.ROOT, "gradcheck: %s (%s): %d checks, %s, max relative error %.1e, %.1f s%n",
                        modelSpec.name(), integrator, found.size(), failed == 0 ? "all ok" : failed + " FAILED",
                        maxRelError(found), (System.nanoTime() - start) / 1e9);
                err.flush();
            }
        }
        printTable(checks);
        if (json != null) {
            writeJson(checks);
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d checks, %d failed, max relative error %.1e (tolerance %.0e)%n", checks.size(),
                failed, maxRelError(checks), GradientCheck.TOLERANCE);
        out.flush();
        if (failed > 0) {
            err.println("gradcheck: " + failed + " of " + checks.size() + " gradient checks failed");
            err.flush();
            return BrainfxCommand.EXIT_FAILURE;
        }
        return 0;
    }

    private static double maxRelError(List<GradientCheck.Check> checks) {
        return checks.stream().mapToDouble(GradientCheck.Check::relError).max().orElse(0);
    }

    private void printTable(List<GradientCheck.Check> checks) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "integrator", "protocol", "variable", "reverse", "finite difference",
                "rel. error", ""});
        for (GradientCheck.Check c : checks) {
            rows.add(new String[] {c.model(), c.integrator(), c.protocol(), c.variable(),
                    String.format(Locale.ROOT, "% .9e", c.reverse()),
                    String.format(Locale.ROOT, "% .9e", c.finiteDifference()),
                    String.format(Locale.ROOT, "%.1e", c.relError()), c.passed() ? "ok" : "FAIL"});
        }
        TextTable.print(spec.commandLine().getOut(), rows, 4);
    }

    private void writeJson(List<GradientCheck.Check> checks) throws IOException {
        List<JsonCheck> out = checks.stream().map(c -> new JsonCheck(c.model(), c.integrator(), c.protocol(),
                c.variable(), c.relError(), c.tolerance(), c.reverse(), c.finiteDifference())).toList();
        TextFiles.write(json, ProjectFiles.gson().toJson(new JsonReport(out, maxRelError(checks))));
    }
}
