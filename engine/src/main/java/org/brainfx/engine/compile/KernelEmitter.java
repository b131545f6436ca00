package org.brainfx.engine.compile;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders graph outputs as the Java source of a {@link StepKernel}: one loop over lanes per
 * method, one local per graph node in topological order (so shared subexpressions are computed
 * once), leaves loaded from the lane's slots, no allocation and no calls but {@link Math} and
 * {@link KernelMath}.
 */
final class KernelEmitter {

    /**
     * Where an output node goes: {@code target[l] = node} (or {@code +=}), {@code target} being a
     * lane array such as {@code next[2]} or {@code spike}.
     */
    record Store(String target, Node node, boolean accumulate) {
        String local() {
            return "o_" + target.replace("[", "_").replace("]", "");
        }
    }

    private final int stateCount;
    private final boolean smoothSpikes;
    /** Ids of the nodes of the method being emitted that are computed once before its loop. */
    private java.util.Set<Integer> laneInvariant = java.util.Set.of();
    /** Exponentials as {@link KernelMath#expArith} (the SIMD kernels' scalar twin), not {@link Math#exp}. */
    private boolean arithmetic;

    /**
     * An emitter; with {@code smoothSpikes} a spike is the sigmoid σ(α·x) whose derivative the
     * sigmoid surrogate is, instead of the step H(x), so the reverse kernel is the exact derivative
     * of the forward one (for checking gradients against finite differences).
     */
    KernelEmitter(int stateCount, boolean smoothSpikes) {
        this.stateCount = stateCount;
        this.smoothSpikes = smoothSpikes;
    }

    /** The parts of a kernel class: one list of stores per method. */
    record Methods(List<Store> prepare, List<Store> forward, List<Store> backward, List<Store> finish,
                   int invariantCount) { }

    String emitClass(String className, Methods m) {
        StringBuilder sb = new StringBuilder();
        sb.append("public final class ").append(className).append(" extends ")
                .append(StepKernel.class.getName()).append(" {\n");
        sb.append("  public int invariantCount() {\n    return ").append(m.invariantCount()).append(";\n  }\n");
        sb.append("  public void prepare(double[][] p, double dt, double[][] inv, int from, int to) {\n");
        emitBody(sb, m.prepare(), false);
        sb.append("  }\n");
        sb.append("  public void forward(double[][] s, double[][] p, double[][] inv, double[][] in, double dt, double[][] next, double[] spike, int from, int to) {\n");
        emitBody(sb, m.forward(), false);
        sb.append("  }\n");
        if (VectorKernelEmitter.available() && VectorKernelEmitter.supports(m.forward())) {
            arithmetic = true;
            new VectorKernelEmitter(this).emit(sb, m.forward(), smoothSpikes);
            arithmetic = false;
        }
        sb.append("  public void backward(double[][] s, double[][] p, double[][] inv, double[][] in, double dt, double[][] adjNext, double[] adjSpike, double[][] adjPrev, double[][] gradP, double[][] gradInv, double[][] gradIn, int from, int to) {\n");
        emitBody(sb, m.backward(), false);
        sb.append("  }\n");
        sb.append("  public void finish(double[][] p, double dt, double[][] gradInv, double[][] gradP, int from, int to) {\n");
        emitBody(sb, m.finish(), true);
        sb.append("  }\n}\n");
        return sb.toString();
    }

    /**
     * The nodes the stores need, post-order from each output in turn: a value is computed just before its
     * first use, which keeps live ranges short (fewer spills) in kernels with many intermediates.
     */
    static Map<Integer, Node> needed(List<Store> stores) {
        Map<Integer, Node> needed = new java.util.LinkedHashMap<>();
        for (int i = stores.size() - 1; i >= 0; i--) {
            collect(stores.get(i).node(), needed);
        }
        return needed;
    }

    /**
     * What a method does before its loop: the lane arrays hoisted into locals, and the values that are the
     * same in every lane (constants and dt alone) computed once as doubles {@code v<id>}; returns the ids
     * of those lane-independent nodes.
     */
    java.util.Set<Integer> emitPrologue(StringBuilder sb, Map<Integer, Node> needed, List<Store> stores,
                                        boolean seedsAreInvariantGradients) {
        // Hoist the lane arrays out of the loop.
        Map<String, String> arrays = new TreeMap<>();
        for (Node n : needed.values()) {
            if (n.op().isLeaf() && !n.isConst() && n.op() != Op.DT) {
                arrays.put(leafLocal(n), leafArray(n, seedsAreInvariantGradients));
            }
        }
        for (Store st : stores) {
            arrays.put(st.local(), st.target());
        }
        for (Map.Entry<String, String> e : arrays.entrySet()) {
            sb.append("    final double[] ").append(e.getKey()).append(" = ").append(e.getValue()).append(";\n");
        }
        java.util.Set<Integer> uniform = new java.util.HashSet<>();
        laneInvariant = uniform;
        for (Node n : needed.values()) {
            if (n.isConst() || n.op() == Op.DT || isUniform(n, uniform)) {
                uniform.add(n.id());
                if (!n.isConst() && n.op() != Op.DT) {
                    sb.append("    final double v").append(n.id()).append(" = ").append(expression(n, "l", "")).append(";\n");
                }
            }
        }
        return uniform;
    }

    /**
     * One method body: hoisted lane arrays, then the loop. In the {@code finish} method the
     * adjoint seeds are the accumulated invariant gradients rather than the step's adjoints.
     */
    void emitBody(StringBuilder sb, List<Store> stores, boolean seedsAreInvariantGradients) {
        Map<Integer, Node> needed = needed(stores);
        java.util.Set<Integer> uniform = emitPrologue(sb, needed, stores, seedsAreInvariantGradients);
        // Two lanes per iteration, statements interleaved: one lane's step is a long chain of
        // dependent operations (exp, divide) that leaves the core idle while it waits; two
        // independent chains side by side nearly halve the time per lane. An odd last lane is
        // computed twice and its second copy's accumulations are multiplied by 0.
        sb.append("    for (int l = from; l < to; l += 2) {\n");
        sb.append("      final int lb = l + 1 < to ? l + 1 : l;\n");
        sb.append("      final double mb = l + 1 < to ? 1.0 : 0.0;\n");
        for (Node n : needed.values()) {
            if (uniform.contains(n.id())) {
                continue;
            }
            sb.append("      final double v").append(n.id()).append(" = ").append(expression(n, "l", "")).append(";\n");
            sb.append("      final double v").append(n.id()).append("b = ").append(expression(n, "lb", "b")).append(";\n");
        }
        for (Store st : stores) {
            sb.append("      ").append(st.local()).append("[lb] ").append(st.accumulate() ? "+= mb * " : "= ")
                    .append(ref(st.node(), "b")).append(";\n");
            sb.append("      ").append(st.local()).append("[l] ").append(st.accumulate() ? "+= " : "= ")
                    .append(ref(st.node(), "")).append(";\n");
        }
        sb.append("    }\n");
    }

    /** True for a computed node all of whose arguments are the same in every lane. */
    private static boolean isUniform(Node n, java.util.Set<Integer> uniform) {
        if (n.op().isLeaf() || n.argCount() == 0) {
            return false;
        }
        for (int i = 0; i < n.argCount(); i++) {
            if (!uniform.contains(n.arg(i).id())) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Node n, Map<Integer, Node> seen) {
        if (seen.containsKey(n.id())) {
            return;
        }
        for (int i = 0; i < n.argCount(); i++) {
            collect(n.arg(i), seen);
        }
        seen.put(n.id(), n);
    }

    String leafArray(Node n, boolean finishSeeds) {
        return switch (n.op()) {
            case STATE -> "s[" + n.index() + "]";
            case PARAM -> "p[" + n.index() + "]";
            case INPUT -> "in[" + n.index() + "]";
            case ADJOINT -> finishSeeds ? "gradInv[" + n.index() + "]"
                    : n.index() == stateCount ? "adjSpike" : "adjNext[" + n.index() + "]";
            case INVARIANT -> "inv[" + n.index() + "]";
            default -> throw new IllegalStateException("leaf " + n + " has no lane array");
        };
    }

    static String leafLocal(Node n) {
        return switch (n.op()) {
            case STATE -> "s_" + n.index();
            case PARAM -> "p_" + n.index();
            case INPUT -> "in_" + n.index();
            case ADJOINT -> "adj_" + n.index();
            case INVARIANT -> "inv_" + n.index();
            default -> throw new IllegalStateException("leaf " + n + " has no lane array");
        };
    }

    private String ref(Node n, String suffix) {
        if (n.isConst()) {
            return literal(n.value());
        }
        if (n.op() == Op.DT) {
            return "dt";
        }
        return "v" + n.id() + (laneInvariant.contains(n.id()) ? "" : suffix);
    }

    static String literal(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        String s = Double.toString(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** The expression of node {@code n} for the lane index variable {@code lane}, locals suffixed {@code sfx}. */
    String expression(Node n, String lane, String sfx) {
        String a = n.argCount() > 0 ? ref(n.arg(0), sfx) : null;
        String b = n.argCount() > 1 ? ref(n.arg(1), sfx) : null;
        String km = KernelMath.class.getName();
        return switch (n.op()) {
            case STATE, PARAM, INPUT, ADJOINT, INVARIANT -> leafLocal(n) + "[" + lane + "]";
            case ADD -> a + " + " + b;
            case SUB -> a + " - " + b;
            case MUL -> a + " * " + b;
            case DIV -> a + " / " + b;
            case NEG -> "-" + a;
            case POWI -> powi(a, (int) n.value());
            case POW -> "Math.pow(" + a + ", " + b + ")";
            case EXP -> arithmetic ? km + ".expArith(" + a + ")" : "Math.exp(" + a + ")";
            case LOG -> "Math.log(" + a + ")";
            case SQRT -> "Math.sqrt(" + a + ")";
            case ABS -> "Math.abs(" + a + ")";
            case SIGN -> "(" + a + " >= 0.0 ? 1.0 : -1.0)";
            case TANH -> "Math.tanh(" + a + ")";
            case SIGMOID -> km + (arithmetic ? ".sigmoidArith(" : ".sigmoid(") + a + ")";
            case EXPREL -> km + (arithmetic ? ".exprelArith(" : ".exprel(") + a + ")";
            case EXPREL_D1 -> km + ".exprelPrime(" + a + ")";
            case EXPREL_D2 -> km + ".exprelSecond(" + a + ")";
            case MIN -> "Math.min(" + a + ", " + b + ")";
            case MAX -> "Math.max(" + a + ", " + b + ")";
            case WHERE -> "(" + a + " != 0.0 ? " + b + " : " + ref(n.arg(2), sfx) + ")";
            case LT -> "(" + a + " < " + b + " ? 1.0 : 0.0)";
            case LE -> "(" + a + " <= " + b + " ? 1.0 : 0.0)";
            case GT -> "(" + a + " > " + b + " ? 1.0 : 0.0)";
            case GE -> "(" + a + " >= " + b + " ? 1.0 : 0.0)";
            case EQ -> "(" + a + " == " + b + " ? 1.0 : 0.0)";
            case NE -> "(" + a + " != " + b + " ? 1.0 : 0.0)";
            case HEAVISIDE -> smoothSpikes ? km + (arithmetic ? ".sigmoidArith(" : ".sigmoid(") + literal(n.surrogate().a()) + " * " + a + ")"
                    : "(" + a + " >= 0.0 ? 1.0 : 0.0)";
            case STOP_GRADIENT -> a;
            default -> throw new IllegalStateException("cannot emit " + n);
        };
    }

    private static String powi(String a, int n) {
        if (n < 0) {
            return "1.0 / (" + powi(a, -n) + ")";
        }
        return switch (n) {
            case 2 -> a + " * " + a;
            case 3 -> a + " * " + a + " * " + a;
            case 4 -> "(" + a + " * " + a + ") * (" + a + " * " + a + ")";
            default -> "Math.pow(" + a + ", " + n + ")";
        };
    }
}
