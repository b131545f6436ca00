package org.brainfx.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The BrainFX version this engine was built as, recorded in results so they can be traced to a build. */
public final class EngineVersion {
    private static final String VERSION = load();

    private EngineVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} if the build did not record it. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/org/brainfx/engine/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
