package org.brainfx.app.welcome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The last {@value #LIMIT} project files opened, most recent first, kept in a
 * {@link Preferences} node so they survive a restart.
 */
public final class RecentProjects {

    /** How many projects are remembered. */
    public static final int LIMIT = 8;
    /** The user preferences node of the workbench. */
    public static final String USER_NODE = "org/brainfx/workbench";
    private static final String KEY = "recent.";

    private final Preferences node;

    /** Recent projects stored in {@code node} (tests pass a node of their own). */
    public RecentProjects(Preferences node) {
        this.node = node;
    }

    /** The user's recent projects, in the workbench's preferences node. */
    public static RecentProjects forUser() {
        return new RecentProjects(Preferences.userRoot().node(USER_NODE));
    }

    /** The remembered project files, most recent first. */
    public List<Path> list() {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String p = node.get(KEY + i, null);
            if (p != null && !p.isBlank()) {
                paths.add(Path.of(p));
            }
        }
        return List.copyOf(paths);
    }

    /** Puts {@code file} first (absolute and normalized), drops an older entry of it and the oldest beyond the limit. */
    public List<Path> add(Path file) {
        Path entry = file.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(list());
        paths.remove(entry);
        paths.add(0, entry);
        List<Path> kept = paths.subList(0, Math.min(LIMIT, paths.size()));
        for (int i = 0; i < LIMIT; i++) {
            if (i < kept.size()) {
                node.put(KEY + i, kept.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
        flush();
        return List.copyOf(kept);
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // The list still lives in memory for this session; losing it on restart is the only cost.
        }
    }
}
