package org.brainfx.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the small text outputs of commands (JSON reports), creating their folder. */
final class TextFiles {

    private TextFiles() {
    }

    /** Writes {@code text} to {@code file}, replacing it; the error names the file. */
    static void write(Path file, String text) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
