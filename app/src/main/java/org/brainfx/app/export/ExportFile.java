package org.brainfx.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes an exported text file whole or not at all, so a failed export never leaves half a file over a good one. */
public final class ExportFile {

    private ExportFile() {
    }

    /**
     * Writes {@code text} as UTF-8 to {@code file} through a temporary file beside it, creating the folder.
     *
     * @throws IOException naming the file when it cannot be written
     */
    public static void write(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
            throw new IOException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
