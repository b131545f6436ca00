package org.brainfx.engine.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private static final AtomicLong DISK_HITS = new AtomicLong();
    private static final KernelDiskCache DISK = KernelDiskCache.fromEnvironment();
    private static volatile boolean diskCacheUsed = true;
    /** Stands for the class name in the emitted source, so equal models give equal text. */
    private static final String CLASS_NAME_SLOT = "KernelClassNameSlot";
    /** Kernel classes by their source; the least recently used drop out past {@link #CACHED_KERNELS}. */
    private static final int CACHED_KERNELS = 64;
    private static final Map<String, Loaded> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
            return size() > CACHED_KERNELS;
        }
    };

    private ModelCompiler() {
    }

    /** Checks and compiles a model spec. */
    public static CompiledModel compile(ModelSpec spec) {
        return compile(ModelChecker.check(spec));
    }

    /** Compiles a checked model. */
    public static CompiledModel compile(CheckedModel checked) {
        return compile(checked, false);
    }

    /**
     * Compiles a model whose spikes are smooth: σ(α·x) forward, its exact derivative backward, so
     * finite differences of the forward pass check the reverse pass through spikes. Needs the
     * sigmoid surrogate (whose primitive that is).
     *
     * @throws ModelException when the model's surrogate is not the sigmoid
     */
    public static CompiledModel compileSmooth(ModelSpec spec) {
        CheckedModel checked = ModelChecker.check(spec);
        if (checked.spikeArgument() != null && !"sigmoid".equals(Surrogate.of(spec.surrogate()).kind())) {
            throw new ModelException("model '" + spec.name() + "': smooth spikes are the sigmoid surrogate's primitive; use"
                    + " 'surrogate sigmoid' (its surrogate is '" + spec.surrogate().kind() + "')");
        }
        return compile(checked, true);
    }

    private static CompiledModel compile(CheckedModel checked, boolean smoothSpikes) {
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
        String template = new KernelEmitter(n, smoothSpikes).emitClass(CLASS_NAME_SLOT,
                new KernelEmitter.Methods(prepare, forward, backward, finish, invariants.size()));
        Loaded loaded = loadCached(template, checked.spec().name());
        StepKernel kernel = newKernel(loaded.kernelClass(), checked.spec().name());
        String source = loaded.source();
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

    /**
     * Forgets the compiled kernel classes this JVM holds, and stops or starts using the kernels stored on
     * disk, so that the next compile of any model runs Janino again (for benchmarks of compile time).
     */
    public static void forgetCompiledKernels(boolean useDiskCache) {
        synchronized (CACHE) {
            CACHE.clear();
        }
        diskCacheUsed = useDiskCache;
    }

    /** A generated kernel class and its source (with its real class name). */
    private record Loaded(Class<?> kernelClass, String source) { }

    /**
     * The kernel class for {@code template}, compiled by Janino only the first time: the same
     * model compiled again (every edit of a project, every fit) reuses the class, so the JIT's
     * work on it is kept instead of starting over on a fresh class.
     */
    private static Loaded loadCached(String template, String modelName) {
        synchronized (CACHE) {
            Loaded hit = CACHE.get(template);
            if (hit != null) {
                return hit;
            }
        }
        Loaded loaded = fromDisk(template);
        if (loaded == null) {
            String className = "Kernel_" + sanitize(modelName) + "_" + COUNTER.incrementAndGet();
            String source = template.replace(CLASS_NAME_SLOT, className);
            loaded = new Loaded(load(className, source, template, modelName), source);
        }
        synchronized (CACHE) {
            Loaded raced = CACHE.putIfAbsent(template, loaded);
            return raced != null ? raced : loaded;
        }
    }

    /** The kernel stored on disk by an earlier run, or null (none, unreadable, or no longer linking). */
    private static Loaded fromDisk(String template) {
        KernelDiskCache.Stored stored = diskCacheUsed ? DISK.read(template) : null;
        if (stored == null) {
            return null;
        }
        try {
            Class<?> c = KernelDiskCache.define(stored);
            c.getDeclaredConstructor().newInstance();
            DISK_HITS.incrementAndGet();
            return new Loaded(c, template.replace(CLASS_NAME_SLOT, stored.className()));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** How many kernels this JVM loaded from the disk cache instead of compiling (for tests). */
    static long diskHits() {
        return DISK_HITS.get();
    }

    private static Class<?> load(String className, String source, String template, String modelName) {
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(StepKernel.class.getClassLoader());
            compiler.cook(source);
            byte[] bytes = compiler.getBytecodes().get(className);
            if (bytes != null) {
                DISK.write(template, className, bytes);
            }
            return compiler.getClassLoader().loadClass(className);
        } catch (Exception e) {
            throw new ModelException("internal error: the generated kernel of model '" + modelName
                    + "' did not compile (" + e.getMessage() + ")");
        }
    }

    private static StepKernel newKernel(Class<?> c, String modelName) {
        try {
            return (StepKernel) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ModelException("internal error: the generated kernel of model '" + modelName
                    + "' cannot be created (" + e.getMessage() + ")");
        }
    }

    private static String sanitize(String name) {
        return name == null ? "model" : name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
