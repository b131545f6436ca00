package org.brainfx.engine.net.connectome;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brainfx.engine.net.NetworkException;

/**
 * Finds a mapping's data files: a relative name is looked up from the project's folder and then from
 * each folder above it, so that {@code shared/data/connectomes/x.csv} finds data kept beside the
 * repository (licensed data a sample may not copy) wherever the checkout lives.
 */
public final class ConnectomeFiles {
    private ConnectomeFiles() {
    }

    /**
     * The file {@code name} names.
     *
     * @throws NetworkException naming the field, the folders searched and the fix
     */
    public static Path resolve(String name, Path baseDir, String field) {
        if (name == null || name.isBlank()) {
            throw new NetworkException("connectome mapping: '" + field + "' is missing; give the file's path relative to"
                    + " the project");
        }
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            if (!Files.isRegularFile(given)) {
                throw new NetworkException("connectome mapping: '" + field + "' = " + name + " does not exist; fix the path");
            }
            return given;
        }
        Path base = (baseDir == null ? Path.of(".") : baseDir).toAbsolutePath().normalize();
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(given);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new NetworkException("connectome mapping: '" + field + "' = " + name + " was found neither in " + base
                + " nor in a folder above it; give the path relative to the project file");
    }
}
