package org.brainfx.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The Python scripts the peer measurements run, shipped inside the engine jar and copied out to run. */
final class PeerScript {
    private PeerScript() {
    }

    /** Copies the classpath resource to {@code target}; false when the jar does not hold it. */
    static boolean extract(String resource, Path target) throws IOException {
        try (InputStream in = PeerScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    /** Deletes a peer's temporary folder and the files in it; null is ignored. */
    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the measurement is what matters.
        }
    }
}
