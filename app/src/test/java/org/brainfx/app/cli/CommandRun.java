package org.brainfx.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code brainfx} command line, with its exit code and captured output. */
record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code brainfx args…} as {@code Main} would, capturing stdout and stderr. */
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = BrainfxCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** Output and errors, for assertion messages. */
    String both() {
        return "stdout:\n" + out + "\nstderr:\n" + err;
    }
}
