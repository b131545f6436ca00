package org.brainfx.engine.net;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brainfx.engine.project.ProjectFiles;

/** Reads and writes network projects, atomically and keeping the previous copy, as {@link ProjectFiles} does for neuron projects. */
public final class NetworkProjectFiles {
    /** The network project format version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private NetworkProjectFiles() {
    }

    /**
     * True when the path names a project file (or a folder with one) whose JSON has a {@code network} and no
     * {@code training} (a training project may give its network as a network spec; it stays a training project).
     */
    public static boolean isNetworkProject(Path path) {
        try {
            Path file = ProjectFiles.locate(path);
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            return root.isJsonObject() && root.getAsJsonObject().has("network") && !root.getAsJsonObject().has("training");
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    /**
     * Reads a network project.
     *
     * @throws NetworkException naming the file, the place in it and the fix
     */
    public static NetworkProject read(Path path) {
        Path file;
        try {
            file = ProjectFiles.locate(path);
        } catch (RuntimeException e) {
            throw new NetworkException(e.getMessage(), e);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NetworkException(file + ": cannot read the project (" + e.getMessage() + ")", e);
        }
        NetworkProject project;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (root == null || !root.isJsonObject() || !root.getAsJsonObject().has("network")) {
                throw new NetworkException(file + ": not a network project; expected a JSON object with a \"network\"");
            }
            JsonObject network = root.getAsJsonObject().getAsJsonObject("network");
            if (network == null) {
                throw new NetworkException(file + ": \"network\" must be an object with populations and projections");
            }
            project = ProjectFiles.gson().fromJson(root, NetworkProject.class);
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new NetworkException(file + ": not a valid network project: " + rootMessage(e) + "; fix the JSON at that place", e);
        }
        if (project.schemaVersion() > SCHEMA_VERSION) {
            throw new NetworkException(file + ": schemaVersion " + project.schemaVersion() + " was written by a newer BrainFX;"
                    + " this one reads network projects up to " + SCHEMA_VERSION + " — update BrainFX to open it");
        }
        if (project.schemaVersion() < 1) {
            throw new NetworkException(file + ": missing or invalid \"schemaVersion\" (got " + project.schemaVersion()
                    + "); add \"schemaVersion\": " + SCHEMA_VERSION);
        }
        return project;
    }

    /** The folder relative names in a project start from. */
    public static Path baseDir(Path path) {
        Path file = ProjectFiles.locate(path);
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** Writes a network project atomically, keeping the previous version as {@code FILE.bak}. */
    public static void write(NetworkProject project, Path file) {
        ProjectFiles.writeAtomically(file, ProjectFiles.gson().toJson(project));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
