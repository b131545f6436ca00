package org.brainfx.engine.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brainfx.engine.project.ProjectFiles;

/** Reads training projects: a {@code *.brainfx.json} whose JSON has a {@code "task"} and {@code "training"}. */
public final class TrainingProjectFiles {
    /** The training project format version this build reads. */
    public static final int SCHEMA_VERSION = 1;

    private TrainingProjectFiles() {
    }

    /** True when the path names a project file (or a folder with one) whose JSON has a {@code training} section. */
    public static boolean isTrainingProject(Path path) {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(ProjectFiles.locate(path), StandardCharsets.UTF_8));
            return root.isJsonObject() && root.getAsJsonObject().has("training");
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    /**
     * Reads a training project.
     *
     * @throws IllegalArgumentException naming the file, the place and the fix
     */
    public static TrainingProject read(Path path) {
        Path file = ProjectFiles.locate(path);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the project (" + e.getMessage() + ")", e);
        }
        TrainingProject project;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (root == null || !root.isJsonObject() || !root.getAsJsonObject().has("training")) {
                throw new IllegalArgumentException(file + ": not a training project; expected a JSON object with \"task\","
                        + " \"rsnn\" (or \"network\" and \"readout\") and \"training\" (see sample-projects/ea-training)");
            }
            project = ProjectFiles.gson().fromJson(root, TrainingProject.class);
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(file + ": not a valid training project: " + cause.getMessage()
                    + "; fix the JSON at that place", e);
        }
        if (project.schemaVersion() > SCHEMA_VERSION) {
            throw new IllegalArgumentException(file + ": schemaVersion " + project.schemaVersion() + " was written by a newer"
                    + " BrainFX; this one reads training projects up to " + SCHEMA_VERSION + " — update BrainFX to open it");
        }
        if (project.schemaVersion() < 1) {
            throw new IllegalArgumentException(file + ": missing or invalid \"schemaVersion\"; add \"schemaVersion\": "
                    + SCHEMA_VERSION);
        }
        return project;
    }

    /** Writes {@code project} to {@code file} (atomically: a failed write leaves the old file). */
    public static void write(TrainingProject project, Path file) {
        ProjectFiles.writeAtomically(file, ProjectFiles.gson().toJson(project));
    }

    /** The folder relative names in a project start from. */
    public static Path baseDir(Path path) {
        Path parent = ProjectFiles.locate(path).toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
