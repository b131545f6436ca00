package org.brainfx.engine.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files a project refers to, and the edits that keep those references working when the
 * project file moves (Save As to another folder) or a file is found elsewhere. Relative paths
 * are relative to the project file's folder and are written with {@code /}.
 */
public final class ProjectPaths {

    /** Field name of a {@code .model} file reference. */
    public static final String MODEL_FILE = "model.file";
    /** Field name of the recording a project fits. */
    public static final String RECORDING_FILE = "recording.file";
    /** Field name of the stimulus trace file. */
    public static final String STIMULUS_FILE = "stimulus.traces.file";
    /** Field name of the target trace file. */
    public static final String TARGET_FILE = "target.traces.file";

    private ProjectPaths() {
    }

    /**
     * A file reference in a project.
     *
     * @param field where in the project, e.g. {@code stimulus.traces.file}
     * @param path  the path as the project writes it
     */
    public record DataRef(String field, String path) {
        /** The file this reference names for a project in {@code folder}. */
        public Path resolve(Path folder) {
            return folder.toAbsolutePath().resolve(path).normalize();
        }

        /** True when the path is relative to the project's folder. */
        public boolean relative() {
            return !Path.of(path).isAbsolute();
        }
    }

    /** Every file the project refers to, model file first. */
    public static List<DataRef> references(Project p) {
        List<DataRef> refs = new ArrayList<>();
        if (p.model() != null && p.model().file() != null) {
            refs.add(new DataRef(MODEL_FILE, p.model().file()));
        }
        if (p.recording() != null && p.recording().file() != null) {
            refs.add(new DataRef(RECORDING_FILE, p.recording().file()));
        }
        if (p.stimulus() != null && p.stimulus().traces() != null && p.stimulus().traces().file() != null) {
            refs.add(new DataRef(STIMULUS_FILE, p.stimulus().traces().file()));
        }
        if (p.target() != null && p.target().traces() != null && p.target().traces().file() != null) {
            refs.add(new DataRef(TARGET_FILE, p.target().traces().file()));
        }
        return refs;
    }

    /** The first reference whose file does not exist for a project in {@code folder}. */
    public static Optional<DataRef> firstMissing(Project p, Path folder) {
        return references(p).stream().filter(r -> !Files.isRegularFile(r.resolve(folder))).findFirst();
    }

    /** The project with reference {@code field} set to {@code path}. */
    public static Project withPath(Project p, String field, String path) {
        return switch (field) {
            case MODEL_FILE -> {
                Project.ModelRef m = p.model();
                yield with(p, new Project.ModelRef(m.builtin(), path, m.spec(), m.detachReset(), m.surrogate(), m.text()),
                        p.stimulus(), p.target(), p.recording());
            }
            case RECORDING_FILE -> {
                Project.RecordingRef r = p.recording();
                yield with(p, p.model(), p.stimulus(), p.target(), new Project.RecordingRef(path, r.sweeps(), r.window(),
                        r.dt(), r.offsetMv(), r.channel(), r.baseline(), r.spikes()));
            }
            case STIMULUS_FILE -> {
                Project.Stimulus s = p.stimulus();
                yield with(p, p.model(), new Project.Stimulus(s.dt(), s.input(), withFile(s.traces(), path), s.steps(),
                        s.unit()), p.target(), p.recording());
            }
            case TARGET_FILE -> {
                Project.Target t = p.target();
                yield with(p, p.model(), p.stimulus(), new Project.Target(t.state(), withFile(t.traces(), path),
                        t.syntheticParameters()), p.recording());
            }
            default -> throw new IllegalArgumentException("not a file reference: " + field);
        };
    }

    /**
     * The project, saved until now in {@code from}, as it must be written in {@code to}: every
     * relative path rewritten so that it names the same file from the new folder. Absolute paths stay.
     */
    public static Project rebase(Project p, Path from, Path to) {
        Project out = p;
        for (DataRef r : references(p)) {
            if (r.relative()) {
                out = withPath(out, r.field(), relative(to, r.resolve(from)));
            }
        }
        return out;
    }

    /**
     * Copies every file the project (saved until now in {@code from}) refers to into {@code to} and
     * returns the project pointing at the copies by file name. A file of that name already in
     * {@code to} is kept when its content is the same and refused otherwise, so nothing is overwritten.
     */
    public static Project copyData(Project p, Path from, Path to) {
        Project out = p;
        for (DataRef r : references(p)) {
            Path source = r.resolve(from);
            Path target = to.toAbsolutePath().normalize().resolve(source.getFileName().toString());
            try {
                Files.createDirectories(target.getParent());
                if (!target.equals(source)) {
                    if (Files.exists(target)) {
                        if (Files.mismatch(source, target) != -1) {
                            throw new ProjectException(target + ": a different file of this name is already there; "
                                    + "cannot copy " + source + " (\"" + r.field() + "\") beside the project. Save to another "
                                    + "folder, or keep the data where it is");
                        }
                    } else {
                        Files.copy(source, target);
                    }
                }
            } catch (IOException e) {
                throw new ProjectException(source + ": cannot copy (\"" + r.field() + "\") to " + target + " ("
                        + e.getMessage() + "); the project was not saved", e);
            }
            out = withPath(out, r.field(), target.getFileName().toString());
        }
        return out;
    }

    /**
     * The project (in {@code folder}) with reference {@code field} pointing at {@code found}, and
     * every other missing reference pointing at a file of its name beside {@code found} when there is one
     * (data moved together is found together).
     */
    public static Project relocate(Project p, Path folder, String field, Path found) {
        Project out = withPath(p, field, relative(folder, found.toAbsolutePath().normalize()));
        Path beside = found.toAbsolutePath().normalize().getParent();
        for (DataRef r : references(out)) {
            if (!r.field().equals(field) && !Files.isRegularFile(r.resolve(folder))) {
                Path candidate = beside.resolve(Path.of(r.path()).getFileName().toString());
                if (Files.isRegularFile(candidate)) {
                    out = withPath(out, r.field(), relative(folder, candidate));
                }
            }
        }
        return out;
    }

    /** {@code file} relative to {@code folder} with {@code /} separators, or absolute when it has another root. */
    public static String relative(Path folder, Path file) {
        Path dir = folder.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (!dir.getRoot().equals(f.getRoot())) {
            return f.toString();
        }
        return dir.relativize(f).toString().replace('\\', '/');
    }

    private static Project.TraceFile withFile(Project.TraceFile t, String path) {
        return new Project.TraceFile(path, t.layout(), t.indexColumn(), t.unit());
    }

    private static Project with(Project p, Project.ModelRef model, Project.Stimulus stimulus, Project.Target target,
                                Project.RecordingRef recording) {
        return new Project(p.schemaVersion(), p.name(), p.description(), model, p.parameters(), stimulus, p.record(),
                target, p.fit(), recording, p.results());
    }
}
