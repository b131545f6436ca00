package org.brainfx.app.network;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.brainfx.engine.project.ProjectFiles;

/**
 * Where the editor draws each population and source, by name. The network spec has no room for
 * view state (and the engine should not carry it), so the layout lives in a sidecar file beside the
 * project ({@code NAME.layout.json} for {@code NAME.brainfx.json}); a node without a position is
 * placed by {@link AutoLayout} when the project opens.
 */
public record NetworkLayout(Map<String, NodePosition> positions) {
    /** The sidecar format version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    /** An empty layout: every node placed by auto-layout. */
    public static final NetworkLayout EMPTY = new NetworkLayout(Map.of());

    /** The map is copied, sorted by name so the sidecar's text is stable. */
    public NetworkLayout {
        positions = java.util.Collections.unmodifiableMap(new TreeMap<>(positions == null ? Map.of() : positions));
    }

    /** The position of a node, or null when it has none. */
    public NodePosition of(String name) {
        return positions.get(name);
    }

    /** This layout with {@code name} at {@code p}. */
    public NetworkLayout with(String name, NodePosition p) {
        Map<String, NodePosition> m = new TreeMap<>(positions);
        m.put(name, p);
        return new NetworkLayout(m);
    }

    /** This layout without {@code name}. */
    public NetworkLayout without(String name) {
        Map<String, NodePosition> m = new TreeMap<>(positions);
        m.remove(name);
        return new NetworkLayout(m);
    }

    /** This layout with the node {@code from} called {@code to}. */
    public NetworkLayout renamed(String from, String to) {
        NodePosition p = positions.get(from);
        return p == null ? this : without(from).with(to, p);
    }

    /** The sidecar file of a project file: {@code NAME.layout.json} beside {@code NAME.brainfx.json}. */
    public static Path sidecarOf(Path projectFile) {
        String name = projectFile.getFileName().toString();
        String base = name.endsWith(ProjectFiles.SUFFIX) ? name.substring(0, name.length() - ProjectFiles.SUFFIX.length())
                : name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return projectFile.resolveSibling(base + ".layout.json");
    }

    /**
     * The layout saved beside {@code projectFile}; empty when there is none. A sidecar that cannot be
     * read loses only positions (auto-layout places the nodes), never the project, so it is not an error.
     */
    public static NetworkLayout read(Path projectFile) {
        Path file = sidecarOf(projectFile);
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            JsonObject nodes = root.getAsJsonObject().getAsJsonObject("nodes");
            Map<String, NodePosition> m = new TreeMap<>();
            if (nodes != null) {
                for (Map.Entry<String, JsonElement> e : nodes.entrySet()) {
                    JsonObject p = e.getValue().getAsJsonObject();
                    double x = p.get("x").getAsDouble();
                    double y = p.get("y").getAsDouble();
                    if (Double.isFinite(x) && Double.isFinite(y)) {
                        m.put(e.getKey(), new NodePosition(x, y));
                    }
                }
            }
            return new NetworkLayout(m);
        } catch (IOException | JsonParseException | IllegalStateException | ClassCastException | NullPointerException e) {
            return EMPTY;
        }
    }

    /** Writes this layout beside {@code projectFile}, atomically (as project files are written). */
    public void write(Path projectFile) {
        JsonObject nodes = new JsonObject();
        positions.forEach((name, p) -> {
            JsonObject o = new JsonObject();
            o.addProperty("x", p.x());
            o.addProperty("y", p.y());
            nodes.add(name, o);
        });
        JsonObject root = new JsonObject();
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        root.addProperty("about", "Where the BrainFX network editor draws each population and source (view state only)");
        root.add("nodes", nodes);
        ProjectFiles.writeAtomically(sidecarOf(projectFile), ProjectFiles.gson().toJson(root));
    }
}
