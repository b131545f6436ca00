package org.brainfx.app.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code brainfx} command: holds the global options and the list of subcommands.
 *
 * <p>To add a subcommand, write a {@code @Command} class in this package and add it to
 * {@code subcommands} below; it inherits {@code --help}, {@code --version} and {@code --verbose}.
 *
 * <p>Exit codes: 0 success, 1 failure while running, 2 usage error. A subcommand reports a bad
 * argument it finds while running by throwing {@link CommandLine.ParameterException} (exit 2); any
 * other exception is a failure (exit 1). Errors are one line on stderr; {@code --verbose} adds the
 * stack trace.
 */
@Command(name = "brainfx",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Differentiable neuron and network modeling. Without arguments, opens the workbench.",
        subcommands = {
                ModelsCommand.class,
                SimulateCommand.class,
                GradcheckCommand.class,
                BenchCommand.class,
                FitCommand.class,
                TrainCommand.class,
                CompareCommand.class,
                InspectCommand.class,
                ConnectomeNetworkCommand.class,
                SnapshotCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class BrainfxCommand implements Runnable {

    /** Exit code for a command that failed while running. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    /** Declares {@code --verbose}; the error handlers read it from the parse result of any level. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    private boolean verbose;

    /**
     * Builds the command line with BrainFX's error handling; call {@code execute(args)} on it.
     *
     * @return a fresh command line for one invocation
     */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new BrainfxCommand());
        commandLine.setParameterExceptionHandler(BrainfxCommand::handleUsageError);
        commandLine.setExecutionExceptionHandler(BrainfxCommand::handleFailure);
        return commandLine;
    }

    /** Without a subcommand, {@code brainfx <options>} only prints the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handleUsageError(CommandLine.ParameterException error, String[] args) {
        CommandLine failed = error.getCommandLine();
        PrintWriter err = failed.getErr();
        String name = failed.getCommandSpec().qualifiedName();
        err.println(name + ": " + describe(error) + " (see '" + name + " --help')");
        if (isVerbose(failed.getParseResult())) {
            error.printStackTrace(err);
        }
        err.flush();
        return EXIT_USAGE;
    }

    private static String describe(CommandLine.ParameterException error) {
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.isUnknownOption()
                && !error.getCommandLine().getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()) {
            List<String> suggestions = unmatched.getSuggestions();
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'"
                    + (suggestions.isEmpty() ? "" : "; did you mean '" + suggestions.get(0) + "'?");
        }
        return error.getMessage();
    }

    private static int handleFailure(Exception error, CommandLine failed, ParseResult parseResult) {
        PrintWriter err = failed.getErr();
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        err.println(failed.getCommandSpec().qualifiedName() + ": " + message);
        if (isVerbose(parseResult)) {
            error.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** What a command that ran out of heap tells the user: the heap it had and how to give it more. */
    public static String outOfMemory(String[] args, long maxHeapBytes) {
        String command = args.length == 0 ? "brainfx" : "brainfx " + args[0];
        return command + ": out of memory: the work needs more than the " + (maxHeapBytes >> 20) + " MB this Java"
                + " heap may use. Give it more (BRAINFX_JAVA_OPTS=-Xmx8g ./brainfx " + String.join(" ", args)
                + ") or make the work smaller (fewer neurons or synapses, a shorter run, fewer trials per batch).";
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
