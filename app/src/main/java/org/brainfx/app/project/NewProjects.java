package org.brainfx.app.project;

import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectException;
import org.brainfx.engine.project.ProjectFiles;

/**
 * New projects from the workbench's File → New: a built-in model and either a recording to fit
 * or, without data, a step protocol to explore the model with.
 */
public final class NewProjects {

    /** Steps of the stimulus a project without a recording starts with: rest, 0.5 nA, rest (amplitude, ms pairs). */
    static final List<Double> DEFAULT_STEPS = List.of(0.0, 50.0, 0.5, 200.0, 0.0, 50.0);
    /** Time step of that stimulus, ms. */
    static final double DEFAULT_DT = 0.025;

    private NewProjects() {
    }

    /**
     * A new project.
     *
     * @param name      the project's name (non-blank)
     * @param model     a built-in model ({@link ModelLibrary#names()})
     * @param recording a recording to fit (ABF, NWB or CSV), or null for a step stimulus without a target
     * @param file      where the project will be saved; the recording path is stored relative to its folder
     */
    public static Project create(String name, String model, Path recording, Path file) {
        if (name == null || name.isBlank()) {
            throw new ProjectException("New project: the name is empty; type one");
        }
        if (!ModelLibrary.names().contains(model)) {
            throw new ProjectException("New project: unknown model '" + model + "'; choose one of " + ModelLibrary.names());
        }
        if (!file.getFileName().toString().endsWith(ProjectFiles.SUFFIX)) {
            throw new ProjectException(file + ": a project file name must end in " + ProjectFiles.SUFFIX);
        }
        Project.ModelRef ref = new Project.ModelRef(model, null, null);
        if (recording == null) {
            return new Project(ProjectFiles.SCHEMA_VERSION, name.trim(), "", ref, null,
                    new Project.Stimulus(DEFAULT_DT, null, null, List.of(DEFAULT_STEPS), "nA"), null, null, null);
        }
        Path folder = file.toAbsolutePath().getParent();
        Path data = recording.toAbsolutePath().normalize();
        String stored = data.startsWith(folder) || data.getRoot().equals(folder.getRoot())
                ? folder.relativize(data).toString().replace('\\', '/') : data.toString();
        FitSettings fit = new FitSettings(null, List.of(new FitSettings.LossTerm("mse", 1.0, null, null, null)),
                FitConfig.DEFAULT_OPTIMIZER, 20, 200, null, null, 1L, null);
        return new Project(ProjectFiles.SCHEMA_VERSION, name.trim(), "Fit " + model + " to " + data.getFileName(), ref,
                null, null, null, null, fit, new Project.RecordingRef(stored, null, null, null, null));
    }
}
