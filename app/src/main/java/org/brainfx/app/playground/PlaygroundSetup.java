package org.brainfx.app.playground;

import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.project.ResolvedProject;

/**
 * A model loaded into the playground: its spec (whose parameter values the sliders start from),
 * the compiled kernel, the time step, and the resolved project when it is the project's model.
 *
 * @param dt      time step of the simulations, ms
 * @param project the resolved project (its stimulus sweeps and target), or null for a built-in model
 */
record PlaygroundSetup(ModelChoice choice, ModelSpec spec, CompiledModel model, double dt, ResolvedProject project) {

    /** Time step for built-in models: fine enough for HH's spikes with the exponential Euler integrator. */
    static final double BUILTIN_DT_MS = 0.02;

    /** The project's model as resolved (already compiled), with the project's parameter values. */
    static PlaygroundSetup of(ModelChoice choice, ResolvedProject project) {
        return new PlaygroundSetup(choice, project.spec(), project.model(), project.dt(), project);
    }

    /** A built-in model with its default values; compiles it, which takes tens of milliseconds. */
    static PlaygroundSetup compile(ModelChoice choice) {
        ModelSpec spec = ModelLibrary.get(choice.builtin());
        return new PlaygroundSetup(choice, spec, ModelCompiler.compile(spec), BUILTIN_DT_MS, null);
    }
}
