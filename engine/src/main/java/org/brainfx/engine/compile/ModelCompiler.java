package org.brainfx.engine.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.ModelChecker;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.codehaus.janino.SimpleCompiler;

/**
 * The kernel compiler: model spec → checked equations → step graph (with symbolic
 * derivatives, simplification and shared subexpressions) → fused forward and reverse step
 * rendered as Java source → bytecode compiled in memory by Janino.
 */
public final class ModelCompiler {
    private static final AtomicLong COUNTER = new AtomicLong();

    private ModelCompiler() {
    }

    /** Checks and compiles a model spec. */
    public static CompiledModel compile(ModelSpec spec) {
        return compile(ModelChecker.check(spec));
    }

    /** Compiles a checked model. */
    public static CompiledModel compile(CheckedModel checked) {
        long t0 = System.nanoTime();
        StepGraph step = new StepBuilder(checked).build();
        int n = checked.states().size();
        List<KernelEmitter.Store> forward = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            forward.add(new KernelEmitter.Store("next[" + i + "]", step.nextState()[i], false));
        }
        forward.add(new KernelEmitter.Store("spike", step.spike(), false));
        int forwardNodes = step.graph().size();
        ReverseBuilder.Adjoints adj = new ReverseBuilder(step.graph())
                .build(step, checked.parameters().size(), checked.inputs().size());
        List<KernelEmitter.Store> backward = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            backward.add(new KernelEmitter.Store("adjPrev[" + i + "]", adj.states()[i], false));
        }
        for (int i = 0; i < adj.parameters().length; i++) {
            if (!adj.parameters()[i].isConst(0)) {
                backward.add(new KernelEmitter.Store("gradP[" + i + "]", adj.parameters()[i], true));
            }
        }
        for (int i = 0; i < adj.inputs().length; i++) {
            backward.add(new KernelEmitter.Store("gradIn[" + i + "]", adj.inputs()[i], false));
        }
        String className = "Kernel_" + sanitize(checked.spec().name()) + "_" + COUNTER.incrementAndGet();
        String source = new KernelEmitter(n).emitClass(className, forward, backward);
        StepKernel kernel = load(className, source, checked.spec().name());
        double ms = (System.nanoTime() - t0) / 1e6;
        return new CompiledModel(checked, kernel, source, ms, forwardNodes, step.graph().size() - forwardNodes);
    }

    private static StepKernel load(String className, String source, String modelName) {
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(StepKernel.class.getClassLoader());
            compiler.cook(source);
            Class<?> c = compiler.getClassLoader().loadClass(className);
            return (StepKernel) c.getDeclaredConstructor().newInstance();
        } catch (Exception e) {
            throw new ModelException("internal error: the generated kernel of model '" + modelName
                    + "' did not compile (" + e.getMessage() + ")");
        }
    }

    private static String sanitize(String name) {
        return name == null ? "model" : name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
