package org.brainfx.engine.net.connectome;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.project.ProjectFiles;

/**
 * Network projects generated from a connectome: the project file keeps the editable
 * {@link ConnectomeMapping} as its {@code connectome} beside the {@code network} generated from it
 * (which every network tool reads as usual); {@link #generate} regenerates the network, and the
 * synapse files it names, after the mapping was edited.
 */
public final class ConnectomeProjects {
    /** The project member holding the mapping. */
    public static final String MEMBER = "connectome";

    private ConnectomeProjects() {
    }

    /**
     * The mapping saved in a project file.
     *
     * @throws NetworkException naming the file and the fix
     */
    public static ConnectomeMapping readMapping(Path projectFile) {
        JsonObject root = root(projectFile);
        JsonElement mapping = root.get(MEMBER);
        if (mapping == null || !mapping.isJsonObject()) {
            throw new NetworkException(projectFile + ": no \"" + MEMBER + "\" mapping; add one with \"mode\": \"neurons\""
                    + " or \"areas\" (see README, Connectomes)");
        }
        try {
            return ProjectFiles.gson().fromJson(mapping, ConnectomeMapping.class);
        } catch (JsonParseException | IllegalStateException | ClassCastException | NumberFormatException e) {
            throw new NetworkException(projectFile + ": the \"" + MEMBER + "\" mapping is not valid: " + e.getMessage()
                    + "; fix the JSON at that place", e);
        }
    }

    /**
     * Generates the network of a mapping; relative file names start from {@code baseDir}.
     *
     * @throws NetworkException naming the field or file at fault and the fix
     */
    public static ConnectomeNetwork build(String name, ConnectomeMapping mapping, Path baseDir) {
        if (ConnectomeMapping.NEURONS.equals(mapping.mode()) && mapping.neurons() != null) {
            return NeuronNetworks.build(name, mapping.neurons(), baseDir);
        }
        if (ConnectomeMapping.AREAS.equals(mapping.mode()) && mapping.areas() != null) {
            return AreaNetworks.build(name, mapping.areas(), baseDir);
        }
        throw new NetworkException("connectome mapping: mode '" + mapping.mode() + "' needs its settings; give \"mode\":"
                + " \"neurons\" with \"neurons\": {…} or \"mode\": \"areas\" with \"areas\": {…}");
    }

    /**
     * Writes a project of the mapping and the network generated from it, with the synapse files the
     * network names in the project's folder (the previous project file is kept as {@code FILE.bak}).
     */
    public static ConnectomeNetwork write(Path projectFile, String name, String description, ConnectomeMapping mapping)
            throws IOException {
        Path dir = projectFile.toAbsolutePath().getParent();
        ConnectomeNetwork net = build(name, mapping, dir);
        net.writeFiles(dir);
        Gson gson = ProjectFiles.gson();
        JsonObject root = new JsonObject();
        root.addProperty("schemaVersion", NetworkProjectFiles.SCHEMA_VERSION);
        root.addProperty("name", name);
        root.addProperty("description", description);
        root.add(MEMBER, gson.toJsonTree(mapping));
        root.add("network", gson.toJsonTree(net.spec()));
        ProjectFiles.writeAtomically(projectFile, gson.toJson(root));
        return net;
    }

    /** Regenerates a project's network (and synapse files) from the mapping saved in it. */
    public static ConnectomeNetwork regenerate(Path projectFile) throws IOException {
        JsonObject root = root(projectFile);
        String name = text(root, "name", projectFile.getFileName().toString().replace(".brainfx.json", ""));
        return write(projectFile, name, text(root, "description", ""), readMapping(projectFile));
    }

    private static String text(JsonObject root, String member, String fallback) {
        JsonElement e = root.get(member);
        return e == null || !e.isJsonPrimitive() ? fallback : e.getAsString();
    }

    private static JsonObject root(Path projectFile) {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(projectFile, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new NetworkException(projectFile + ": not a JSON object; a project is {\"schemaVersion\": 1, …}");
            }
            return root.getAsJsonObject();
        } catch (IOException e) {
            throw new NetworkException(projectFile + ": cannot read the project (" + e.getMessage() + ")", e);
        } catch (JsonParseException e) {
            throw new NetworkException(projectFile + ": not valid JSON: " + e.getMessage(), e);
        }
    }
}
