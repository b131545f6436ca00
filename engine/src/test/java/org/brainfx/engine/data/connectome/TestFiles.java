package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the connectome tests find their files: bundled test resources, and the shared data folder. */
final class TestFiles {

    private TestFiles() {
    }

    /** A file under the test resources' {@code data/connectome/}. */
    static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/data/connectome/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing test resource data/connectome/" + name, e);
        }
    }

    /**
     * A file of the shared {@code shared/data/connectomes} folder, found in a parent directory of the
     * working directory (the repository or a worktree of it). Without it the test is skipped, or fails
     * when the environment variable {@code CI} is set.
     */
    static Path shared(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("connectomes").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        String message = "shared/data/connectomes/" + name + " not found in any parent of "
                + Path.of("").toAbsolutePath();
        if (System.getenv("CI") != null) {
            fail(message + " (CI is set, so the shared data must be present)");
        }
        Assumptions.assumeTrue(false, message);
        return null;
    }
}
