package org.brainfx.engine.project;

import java.nio.file.Path;

/** A file the project refers to (a recording, a trace file, a model file) is not where the project says. */
public final class MissingDataFileException extends ProjectException {
    private final transient ProjectPaths.DataRef reference;
    private final transient Path tried;

    /** The file {@code reference} names was looked for at {@code tried}, from the project {@code projectFile}. */
    public MissingDataFileException(Path projectFile, ProjectPaths.DataRef reference, Path tried) {
        super(projectFile + ": \"" + reference.field() + "\": data file not found: looked for " + tried
                + (reference.path().equals(tried.toString()) ? "" : " (the project says \"" + reference.path() + "\")")
                + "; put the file back there, or point the project at it (in the workbench: Locate\u2026)");
        this.reference = reference;
        this.tried = tried;
    }

    /** Which reference is missing. */
    public ProjectPaths.DataRef reference() {
        return reference;
    }

    /** The absolute path that was looked for. */
    public Path tried() {
        return tried;
    }
}
