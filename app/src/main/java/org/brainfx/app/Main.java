package org.brainfx.app;

import org.brainfx.app.cli.BrainfxCommand;
import org.brainfx.app.jobs.BackgroundPriority;
import org.brainfx.app.jobs.LowPriorityForkJoinThreads;
import org.brainfx.app.workbench.WorkbenchApp;

/**
 * Entry point of the {@code brainfx} executable: no arguments open the workbench window, any
 * arguments run the command line.
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application}: launched from
 * a plain classpath, such a main class fails with "JavaFX runtime components are missing". It also
 * keeps JavaFX out of the command-line path, so {@code brainfx <command>} runs on a headless machine.
 */
public final class Main {

    private Main() {
    }

    /**
     * Opens the workbench or runs a command, and exits with the command's exit code.
     *
     * @param args command-line arguments; none for the workbench
     */
    public static void main(String[] args) {
        if (args.length == 0 || "snapshot".equals(args[0])) {
            // Before anything creates the common pool: a fit's parallel chunks run there, and in
            // the window they must yield the processor to the JavaFX threads.
            LowPriorityForkJoinThreads.install();
            // The compilers stay busy for seconds after start; the window's threads come first.
            BackgroundPriority.lowerJitCompilerThreads();
        }
        if (args.length == 0) {
            System.exit(WorkbenchApp.launchWorkbench());
        }
        try {
            System.exit(BrainfxCommand.newCommandLine().execute(args));
        } catch (OutOfMemoryError e) {
            System.err.println(BrainfxCommand.outOfMemory(args, Runtime.getRuntime().maxMemory()));
            System.exit(BrainfxCommand.EXIT_FAILURE);
        }
    }
}
