package org.brainfx.engine.project;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Reads and writes {@code *.brainfx.json} project files; saves are atomic and keep the previous copy. */
public final class ProjectFiles {
    /**
     * The project file format version this build writes; it reads every version up to it.
     * Version 2 added the kept fit {@code results}; a version 1 file reads as a version 2
     * project without results (and is written as version 2 when saved).
     */
    public static final int SCHEMA_VERSION = 2;
    /** File name suffix of project files. */
    public static final String SUFFIX = ".brainfx.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private ProjectFiles() {
    }

    /** The shared Gson instance for project and result JSON. */
    public static Gson gson() {
        return GSON;
    }

    /**
     * The project file a path names: the file itself, or the single {@code *.brainfx.json} in a folder.
     */
    public static Path locate(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
                if (found.size() != 1) {
                    throw new ProjectException(path + ": expected exactly one *" + SUFFIX + " file in the folder, found "
                            + found.size() + (found.isEmpty() ? "" : " " + found) + "; name the project file instead");
                }
                return found.get(0);
            } catch (IOException e) {
                throw new ProjectException(path + ": cannot list the folder (" + e.getMessage() + ")", e);
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new ProjectException(path + ": no such project file or folder");
        }
        return path;
    }

    /** Reads a project; fails naming the file, the place in it, and what is wrong. */
    public static Project read(Path path) {
        Path file = locate(path);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot read the project (" + e.getMessage() + ")", e);
        }
        Project p;
        try {
            com.google.gson.JsonElement tree = com.google.gson.JsonParser.parseString(text);
            if (tree != null && tree.isJsonObject() && tree.getAsJsonObject().has("network")) {
                throw new ProjectException(file + ": a network project (it has a \"network\"); run it with 'brainfx simulate "
                        + file + "' — fitting and the workbench's views take neuron projects");
            }
            if (tree != null && tree.isJsonObject() && tree.getAsJsonObject().has("training")) {
                throw new ProjectException(file + ": a training project (it has a \"training\"); train it with 'brainfx train "
                        + file + "' — fitting and simulation take neuron projects");
            }
            p = GSON.fromJson(tree, Project.class);
        } catch (JsonParseException e) {
            throw new ProjectException(file + ": not a valid project file: " + rootMessage(e)
                    + "; fix the JSON at that place", e);
        }
        if (p == null) {
            throw new ProjectException(file + ": the file is empty; expected a JSON project object");
        }
        if (p.schemaVersion() > SCHEMA_VERSION) {
            throw new ProjectException(file + ": schemaVersion " + p.schemaVersion() + " was written by a newer BrainFX; "
                    + "this one reads up to " + SCHEMA_VERSION + " — update BrainFX to open it");
        }
        if (p.schemaVersion() < 1) {
            throw new ProjectException(file + ": missing or invalid \"schemaVersion\" (got " + p.schemaVersion()
                    + "); add \"schemaVersion\": " + SCHEMA_VERSION);
        }
        // Every older version is a subset of this one: upgrading only changes the number.
        return p.schemaVersion() < SCHEMA_VERSION ? p.withSchemaVersion(SCHEMA_VERSION) : p;
    }

    /**
     * Writes a project atomically: to a temporary file in the same folder, then renamed over the
     * target; the previous version is kept as {@code FILE.bak}.
     */
    public static void write(Project project, Path file) {
        String json = GSON.toJson(project);
        writeAtomically(file, json);
    }

    /** Writes text atomically, keeping the previous version as {@code FILE.bak}. */
    public static void writeAtomically(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                if (Files.exists(file)) {
                    Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot save (" + e.getMessage() + "); the previous file is unchanged", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
