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
        StepGraph built = new StepBuilder(checked).build();
        Graph g = built.graph();
        InvariantHoisting.Hoisted hoisted = new InvariantHoisting(g).hoist(built);
        StepGraph step = hoisted.step();
        List<Node> invariants = hoisted.invariants();
        int n = checked.states().size();
        int np = checked.parameters().size();
        List<KernelEmitter.Store> prepare = new ArrayList<>();
        for (int k = 0; k < invariants.size(); k++) {
            prepare.add(new KernelEmitter.Store("inv[" + k + "]", invariants.get(k), false));
        }
        List<KernelEmitter.Store> forward = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            forward.add(new KernelEmitter.Store("next[" + i + "]", step.nextState()[i], false));
        }
        forward.add(new KernelEmitter.Store("spike", step.spike(), false));
        int forwardNodes = g.size();
        ReverseBuilder reverse = new ReverseBuilder(g);
        ReverseBuilder.Adjoints adj = reverse.build(step, np, checked.inputs().size(), invariants.size());
        List<KernelEmitter.Store> backward = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            backward.add(new KernelEmitter.Store("adjPrev[" + i + "]", adj.states()[i], false));
        }
        addAccumulating(backward, "gradP", adj.parameters());
        addAccumulating(backward, "gradInv", adj.invariants());
        for (int i = 0; i < adj.inputs().length; i++) {
            backward.add(new KernelEmitter.Store("gradIn[" + i + "]", adj.inputs()[i], false));
        }
        Node[] seeds = new Node[invariants.size()];
        for (int k = 0; k < seeds.length; k++) {
            seeds[k] = g.leaf(Op.ADJOINT, k);
        }
        java.util.Map<Node, Node> finishAdj = reverse.adjoints(invariants.toArray(new Node[0]), seeds);
        List<KernelEmitter.Store> finish = new ArrayList<>();
        addAccumulating(finish, "gradP", reverse.leaves(finishAdj, Op.PARAM, np));
        String className = "Kernel_" + sanitize(checked.spec().name()) + "_" + COUNTER.incrementAndGet();
        String source = new KernelEmitter(n).emitClass(className,
                new KernelEmitter.Methods(prepare, forward, backward, finish, invariants.size()));
        StepKernel kernel = load(className, source, checked.spec().name());
        double ms = (System.nanoTime() - t0) / 1e6;
        return new CompiledModel(checked, kernel, source, ms, forwardNodes, g.size() - forwardNodes);
    }

    private static void addAccumulating(List<KernelEmitter.Store> stores, String array, Node[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isConst(0)) {
                stores.add(new KernelEmitter.Store(array + "[" + i + "]", values[i], true));
            }
        }
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
