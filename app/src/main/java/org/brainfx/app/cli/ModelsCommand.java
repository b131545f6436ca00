package org.brainfx.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.brainfx.engine.model.library.ModelLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code brainfx models}: lists the built-in neuron models of the library, one per line. */
@Command(name = "models",
        description = "List the built-in neuron models.")
public final class ModelsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = ModelLibrary.names();
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        for (String name : names) {
            String description = ModelLibrary.get(name).description();
            out.println(description == null || description.isBlank()
                    ? name
                    : String.format("%-" + width + "s  %s", name, description));
        }
        out.flush();
        return 0;
    }
}
