package org.brainfx.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.model.library.ModelLibrary;
import picocli.CommandLine;

/** A model named on the command line: the name of a built-in model or a {@code .model} file. */
final class ModelArgument {
    /** File name suffix of model text files. */
    static final String SUFFIX = ".model";

    private ModelArgument() {
    }

    /** True when {@code argument} names a model file rather than a built-in model. */
    static boolean isFile(String argument) {
        return argument.endsWith(SUFFIX);
    }

    /** True when {@code argument} is a model file or a built-in model's name. */
    static boolean isModel(String argument) {
        return isFile(argument) || ModelLibrary.names().contains(argument);
    }

    /**
     * Reads and checks the model. A model file's errors (syntax, names, units) name the file,
     * line and column.
     *
     * @param commandLine the command whose argument this is, for usage errors
     * @throws CommandLine.ParameterException when the argument is neither a model file nor a built-in name
     */
    static ModelSpec read(CommandLine commandLine, String argument) {
        if (!isFile(argument)) {
            if (!ModelLibrary.names().contains(argument)) {
                throw new CommandLine.ParameterException(commandLine, "unknown model '" + argument
                        + "'; built-in models: " + String.join(", ", ModelLibrary.names()) + " (or a " + SUFFIX + " file)");
            }
            return ModelLibrary.get(argument);
        }
        Path file = Path.of(argument);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + ": no such model file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the model file (" + e.getMessage() + ")", e);
        }
        try {
            return ModelText.check(text).spec();
        } catch (ModelException e) {
            throw ModelException.located(file + ": " + e.getMessage(), e.pos());
        }
    }

    /** A name for the model to use in file names: the model's own name, else the file's name without {@link #SUFFIX}. */
    static String name(ModelSpec spec, String argument) {
        if (spec.name() != null && !spec.name().isBlank()) {
            return spec.name();
        }
        String file = Path.of(argument).getFileName().toString();
        return file.substring(0, file.length() - SUFFIX.length());
    }
}
