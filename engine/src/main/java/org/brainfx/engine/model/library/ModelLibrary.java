package org.brainfx.engine.model.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;

/**
 * The built-in neuron models, kept as model text resources ({@code library/<name>.model}) and
 * read through {@link ModelText}, so that they are data in the same form as a user's model.
 */
public final class ModelLibrary {
    private static final List<String> NAMES = List.of("lif", "gif", "adex", "izhikevich", "hh");

    private ModelLibrary() {
    }

    /** The names of the built-in models, in the order a user would meet them. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The built-in model of that name.
     *
     * @throws ModelException when there is no such model, listing the names there are
     */
    public static ModelSpec get(String name) {
        return ModelText.parse(text(name));
    }

    /** The model text of a built-in model, e.g. to show it in an editor as a starting point. */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            throw new ModelException("no built-in model '" + name + "' (built-in models: " + String.join(", ", NAMES) + ")");
        }
        String resource = name + ".model";
        try (InputStream in = ModelLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in model resource " + resource + " is missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in model resource " + resource, e);
        }
    }
}
