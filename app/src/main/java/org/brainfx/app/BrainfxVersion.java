package org.brainfx.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The BrainFX version, read from the {@code version.properties} resource that Maven filters at build time. */
public final class BrainfxVersion {

    private static final String RESOURCE = "/org/brainfx/app/version.properties";

    private BrainfxVersion() {
    }

    /**
     * The version as Maven built it.
     *
     * @return the version, e.g. {@code 0.1.0-SNAPSHOT}
     */
    public static String version() {
        try (InputStream in = BrainfxVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + "; rebuild with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
