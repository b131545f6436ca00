package org.brainfx.engine.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The built-in synapse models, kept as text resources ({@code synapses/<name>.synapse}) in the user's own form. */
public final class SynapseLibrary {
    private static final List<String> NAMES = List.of("delta", "exp", "alpha", "dual_exp", "nmda");

    private SynapseLibrary() {
    }

    /** The built-in synapse names. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The built-in synapse of that name.
     *
     * @throws NetworkException when there is none, listing the names there are
     */
    public static SynapseSpec get(String name) {
        return SynapseText.parse(text(name));
    }

    /** The text of a built-in synapse. */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            throw new NetworkException("no built-in synapse '" + name + "' (built-in synapses: " + String.join(", ", NAMES)
                    + "; or give a .synapse file)");
        }
        String resource = "synapses/" + name + ".synapse";
        try (InputStream in = SynapseLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in synapse resource " + resource + " is missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in synapse resource " + resource, e);
        }
    }
}
