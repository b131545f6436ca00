package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the data shared with developers ({@code shared/data}, kept next to the repository, not in it)
 * from the test's working directory upwards, so tests work wherever the checkout lives. A test whose
 * data is missing is skipped on a developer's machine but fails under CI (environment variable
 * {@code CI} set), where a silent skip would hide that nothing was checked.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared data folder, or null when no parent directory of the working directory holds one. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A file or folder under the shared data folder (e.g. {@code abf/17o05028_ic_steps.abf}); aborts the
     * test (skip locally, failure under CI) when it is missing.
     */
    public static Path require(String relative) {
        Path root = root();
        Path path = root == null ? null : root.resolve(relative);
        if (path == null || !Files.exists(path)) {
            String why = "shared data " + relative + " not found in a 'shared/data' folder above "
                    + Path.of("").toAbsolutePath();
            if (System.getenv("CI") != null) {
                fail(why + "; CI must provide it (the environment variable CI is set)");
            }
            Assumptions.abort(why);
        }
        return path;
    }
}
