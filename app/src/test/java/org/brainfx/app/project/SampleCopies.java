package org.brainfx.app.project;

import java.nio.file.Path;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;

/** Copies of the sample projects in a temporary folder, with their data paths made absolute so they still resolve. */
public final class SampleCopies {

    private SampleCopies() {
    }

    /** Writes {@code sample}'s project into {@code dir} as {@code copy.brainfx.json} and returns the file. */
    public static Path copy(String sample, Path dir) {
        Path source = ProjectFiles.locate(Path.of("..", "sample-projects", sample));
        Project p = ProjectFiles.read(source);
        Path folder = source.toAbsolutePath().getParent();
        Project.Stimulus s = p.stimulus();
        if (s != null && s.traces() != null) {
            Project.TraceFile t = s.traces();
            s = new Project.Stimulus(s.dt(), s.input(), new Project.TraceFile(
                    folder.resolve(t.file()).normalize().toString(), t.layout(), t.indexColumn(), t.unit()), s.steps(), s.unit());
        }
        Project.RecordingRef r = p.recording();
        if (r != null) {
            r = new Project.RecordingRef(folder.resolve(r.file()).normalize().toString(), r.sweeps(), r.window(), r.dt(),
                    r.offsetMv(), r.channel(), r.baseline());
        }
        Path file = dir.resolve("copy" + ProjectFiles.SUFFIX);
        ProjectFiles.write(new Project(p.schemaVersion(), p.name(), p.description(), p.model(), p.parameters(), s,
                p.record(), p.target(), p.fit(), r), file);
        return file;
    }
}
