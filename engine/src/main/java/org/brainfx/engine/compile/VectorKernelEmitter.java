package org.brainfx.engine.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the forward step as two more methods for networks (see {@link StepKernel#hasSimd}):
 * {@code forwardSimd}, over whole SIMD vectors of lanes with the JDK's Vector API
 * ({@code jdk.incubator.vector}, present when the JVM runs with that module), and
 * {@code forwardSimdScalar}, the same arithmetic one lane at a time, which also takes a call's last,
 * partial vector. Both use only operations whose results IEEE 754 fixes bit for bit (+, −, ×, ÷, √,
 * comparisons, bit moves): the exponential is {@link KernelMath#expArith} written out, not the Vector
 * API's {@code EXP}, which is SVML once the JIT has compiled it but {@link Math#exp} before. So a lane
 * gets the same bits from either method, whichever range of lanes a call gets and however warm the
 * JIT is: runs are reproducible while a network switches from one to the other. Models using
 * {@code pow}, {@code log} or {@code tanh} get neither method.
 */
final class VectorKernelEmitter {
    /** The module; present only when the JVM runs with {@code --add-modules jdk.incubator.vector}. */
    static final String MODULE = "jdk.incubator.vector";
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule(MODULE).isPresent()
            && !"off".equals(System.getProperty("brainfx.simd"));
    private static final String V = "jdk.incubator.vector.DoubleVector";
    private static final String OPS = "jdk.incubator.vector.VectorOperators";
    static final String SIGNATURE = "(double[][] s, double[][] p, double[][] inv, double[][] in, double dt,"
            + " double[][] next, double[] spike, int from, int to)";

    private final KernelEmitter scalar;

    VectorKernelEmitter(KernelEmitter scalar) {
        this.scalar = scalar;
    }

    /** True when this JVM can run SIMD kernels (the module is loaded and not switched off by {@code -Dbrainfx.simd=off}). */
    static boolean available() {
        return AVAILABLE;
    }

    /** True when every operation of the stores has an exactly reproducible vector form. */
    static boolean supports(List<KernelEmitter.Store> stores) {
        for (Node n : KernelEmitter.needed(stores).values()) {
            switch (n.op()) {
                case POW, LOG, TANH, EXPREL_D1, EXPREL_D2, PLACEHOLDER, ADJOINT -> {
                    return false;
                }
                case POWI -> {
                    int k = Math.abs((int) n.value());
                    if (k < 2 || k > 4) {
                        return false;
                    }
                }
                default -> { }
            }
        }
        return true;
    }

    /** The two methods and the species field they use, for the class body. */
    void emit(StringBuilder sb, List<KernelEmitter.Store> stores, boolean smoothSpikes) {
        sb.append("  public boolean hasSimd() {\n    return true;\n  }\n");
        sb.append("  public void forwardSimdScalar").append(SIGNATURE).append(" {\n");
        scalar.emitBody(sb, stores, false);
        sb.append("  }\n");
        sb.append("  private static final jdk.incubator.vector.VectorSpecies VS = ").append(V).append(".SPECIES_PREFERRED;\n");
        emitForward(sb, stores, smoothSpikes);
    }

    /** {@code forwardSimd}: whole vectors, then the scalar twin for the rest. */
    private void emitForward(StringBuilder sb, List<KernelEmitter.Store> stores, boolean smoothSpikes) {
        sb.append("  public void forwardSimd").append(SIGNATURE).append(" {\n");
        Map<Integer, Node> needed = KernelEmitter.needed(stores);
        // Lane-independent values are the twin's doubles, broadcast once.
        Set<Integer> uniform = scalar.emitPrologue(sb, needed, stores, false);
        for (Node n : needed.values()) {
            if (uniform.contains(n.id()) && usedByLanes(n, needed, uniform, stores)) {
                sb.append("    final ").append(V).append(" u").append(n.id()).append(" = ").append(V)
                        .append(".broadcast(VS, ").append(scalarRef(n)).append(");\n");
            }
        }
        sb.append("    final ").append(V).append(" ZERO = ").append(V).append(".zero(VS);\n");
        sb.append("    final ").append(V).append(" ONE = ").append(V).append(".broadcast(VS, 1.0);\n");
        sb.append("    final int width = VS.length();\n");
        sb.append("    int l = from;\n");
        sb.append("    for (; l <= to - width; l += width) {\n");
        emitLanes(sb, needed, uniform, stores, smoothSpikes);
        sb.append("    }\n");
        sb.append("    if (l < to) {\n");
        sb.append("      forwardSimdScalar(s, p, inv, in, dt, next, spike, l, to);\n");
        sb.append("    }\n");
        sb.append("  }\n");
    }

    private static boolean usedByLanes(Node u, Map<Integer, Node> needed, Set<Integer> uniform, List<KernelEmitter.Store> stores) {
        for (KernelEmitter.Store st : stores) {
            if (st.node() == u) {
                return true;
            }
        }
        for (Node n : needed.values()) {
            if (!uniform.contains(n.id())) {
                for (int i = 0; i < n.argCount(); i++) {
                    if (n.arg(i) == u) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void emitLanes(StringBuilder sb, Map<Integer, Node> needed, Set<Integer> uniform,
                           List<KernelEmitter.Store> stores, boolean smoothSpikes) {
        for (Node n : needed.values()) {
            if (!uniform.contains(n.id())) {
                emitNode(sb, n, uniform, smoothSpikes);
            }
        }
        for (KernelEmitter.Store st : stores) {
            String value = vectorRef(st.node(), uniform);
            if (st.accumulate()) {
                value = V + ".fromArray(VS, " + st.local() + ", l).add(" + value + ")";
            }
            sb.append("      ").append(value).append(".intoArray(").append(st.local()).append(", l);\n");
        }
    }

    /** Statements that leave node {@code n}'s vector in {@code x<id>}. */
    private void emitNode(StringBuilder sb, Node n, Set<Integer> uniform, boolean smoothSpikes) {
        String x = "x" + n.id();
        String a = n.argCount() > 0 ? vectorRef(n.arg(0), uniform) : null;
        switch (n.op()) {
            case EXP -> exp(sb, a, x);
            case EXPREL -> exprel(sb, a, x);
            case SIGMOID -> sigmoid(sb, a, x);
            case HEAVISIDE -> {
                if (smoothSpikes) {
                    sb.append("      final ").append(V).append(" ").append(x).append("_a = ")
                            .append(a).append(".mul(").append(KernelEmitter.literal(n.surrogate().a())).append(");\n");
                    sigmoid(sb, x + "_a", x);
                } else {
                    define(sb, x, "ZERO.blend(ONE, " + a + ".compare(" + OPS + ".GE, 0.0))");
                }
            }
            default -> define(sb, x, vector(n, uniform));
        }
    }

    private static void define(StringBuilder sb, String name, String expression) {
        sb.append("      final ").append(V).append(" ").append(name).append(" = ").append(expression).append(";\n");
    }

    private static String lit(double v) {
        return KernelEmitter.literal(v);
    }

    /** {@code KernelMath.expArith}, operation for operation. */
    private static void exp(StringBuilder sb, String a, String x) {
        String min = lit(KernelMath.EXP_ARITH_MIN);
        String max = lit(KernelMath.EXP_ARITH_MAX);
        String shifter = lit(KernelMath.ROUNDING_SHIFTER);
        define(sb, x + "_c", a + ".blend(" + min + ", " + a + ".compare(" + OPS + ".LT, " + min + "))");
        define(sb, x + "_d", x + "_c.blend(" + max + ", " + x + "_c.compare(" + OPS + ".GT, " + max + "))");
        define(sb, x + "_t", x + "_d.mul(" + lit(KernelMath.LOG2_E) + ").add(" + shifter + ")");
        define(sb, x + "_k", x + "_t.sub(" + shifter + ")");
        define(sb, x + "_r", x + "_d.sub(" + x + "_k.mul(" + lit(KernelMath.LN2_HI) + ")).sub(" + x + "_k.mul("
                + lit(KernelMath.LN2_LO) + "))");
        String r = x + "_r";
        define(sb, x + "_r2", r + ".mul(" + r + ")");
        define(sb, x + "_r4", x + "_r2.mul(" + x + "_r2)");
        define(sb, x + "_r8", x + "_r4.mul(" + x + "_r4)");
        define(sb, x + "_q0", r + ".add(1.0).add(" + x + "_r2.mul(" + pair(r, 1.0 / 2, 1.0 / 6) + "))");
        define(sb, x + "_q1", pair(r, 1.0 / 24, 1.0 / 120) + ".add(" + x + "_r2.mul(" + pair(r, 1.0 / 720, 1.0 / 5040) + "))");
        define(sb, x + "_q2", pair(r, 1.0 / 40320, 1.0 / 362880) + ".add(" + x + "_r2.mul("
                + pair(r, 1.0 / 3628800, 1.0 / 39916800) + "))");
        define(sb, x + "_q3", pair(r, 1.0 / 479001600, 1.0 / 6227020800L));
        define(sb, x + "_p", x + "_q0.add(" + x + "_r4.mul(" + x + "_q1)).add(" + x + "_r8.mul(" + x + "_q2.add("
                + x + "_r4.mul(" + x + "_q3))))");
        define(sb, x + "_h", "((" + V + ") " + x + "_t.reinterpretAsLongs().add(1022L).lanewise(" + OPS
                + ".LSHL, 52L).reinterpretAsDoubles())");
        define(sb, x + "_e", x + "_p.mul(2.0).mul(" + x + "_h).blend(Double.POSITIVE_INFINITY, " + a + ".compare("
                + OPS + ".GT, " + max + "))");
        define(sb, x, x + "_e.blend(0.0, " + a + ".compare(" + OPS + ".LT, " + min + "))");
    }

    /** {@code c0 + r·c1} as the scalar code writes it ({@code c0 + r * c1}; IEEE addition commutes). */
    private static String pair(String r, double c0, double c1) {
        return r + ".mul(" + lit(c1) + ").add(" + lit(c0) + ")";
    }

    /** {@code KernelMath.exprelArith}: its series below |z| = 0.5, {@code (e^z − 1)/z} above. */
    private static void exprel(StringBuilder sb, String z, String x) {
        define(sb, x + "_z2", z + ".mul(" + z + ")");
        define(sb, x + "_z4", x + "_z2.mul(" + x + "_z2)");
        define(sb, x + "_z8", x + "_z4.mul(" + x + "_z4)");
        String z2 = x + "_z2";
        define(sb, x + "_q0", pair(z, 1, 1.0 / 2) + ".add(" + z2 + ".mul(" + pair(z, 1.0 / 6, 1.0 / 24) + "))");
        define(sb, x + "_q1", pair(z, 1.0 / 120, 1.0 / 720) + ".add(" + z2 + ".mul(" + pair(z, 1.0 / 5040, 1.0 / 40320) + "))");
        define(sb, x + "_q2", pair(z, 1.0 / 362880, 1.0 / 3628800) + ".add(" + z2 + ".mul("
                + pair(z, 1.0 / 39916800, 1.0 / 479001600) + "))");
        define(sb, x + "_q3", pair(z, 1.0 / 6227020800L, 1.0 / 87178291200L) + ".add(" + z2 + ".mul("
                + pair(z, 1.0 / 1307674368000L, 1.0 / 20922789888000L) + "))");
        define(sb, x + "_s", x + "_q0.add(" + x + "_z4.mul(" + x + "_q1)).add(" + x + "_z8.mul(" + x + "_q2.add("
                + x + "_z4.mul(" + x + "_q3)).add(" + x + "_z8.mul(" + lit(1.0 / 355687428096000L) + "))))");
        exp(sb, z, x + "_x");
        define(sb, x, x + "_x.sub(1.0).div(" + z + ").blend(" + x + "_s, " + z + ".abs().compare(" + OPS + ".LT, 0.5))");
    }

    /** {@code KernelMath.sigmoidArith}: {@code 1/(1 + e^−a)}. */
    private static void sigmoid(StringBuilder sb, String a, String x) {
        define(sb, x + "_n", a + ".neg()");
        exp(sb, x + "_n", x + "_e");
        define(sb, x, "ONE.div(" + x + "_e.add(1.0))");
    }

    private static String scalarRef(Node n) {
        if (n.isConst()) {
            return KernelEmitter.literal(n.value());
        }
        return n.op() == Op.DT ? "dt" : "v" + n.id();
    }

    private static String vectorRef(Node n, Set<Integer> uniform) {
        return (uniform.contains(n.id()) ? "u" : "x") + n.id();
    }

    private String vector(Node n, Set<Integer> uniform) {
        String a = n.argCount() > 0 ? vectorRef(n.arg(0), uniform) : null;
        String b = n.argCount() > 1 ? vectorRef(n.arg(1), uniform) : null;
        return switch (n.op()) {
            case STATE, PARAM, INPUT, INVARIANT -> V + ".fromArray(VS, " + KernelEmitter.leafLocal(n) + ", l)";
            case ADD -> a + ".add(" + b + ")";
            case SUB -> a + ".sub(" + b + ")";
            case MUL -> a + ".mul(" + b + ")";
            case DIV -> a + ".div(" + b + ")";
            case NEG -> a + ".neg()";
            case POWI -> powi(a, (int) n.value());
            case SQRT -> a + ".sqrt()";
            case ABS -> a + ".abs()";
            case SIGN -> "ONE.neg().blend(ONE, " + a + ".compare(" + OPS + ".GE, 0.0))";
            case MIN -> a + ".min(" + b + ")";
            case MAX -> a + ".max(" + b + ")";
            case WHERE -> vectorRef(n.arg(2), uniform) + ".blend(" + b + ", " + a + ".compare(" + OPS + ".NE, 0.0))";
            case LT, LE, GT, GE, EQ, NE -> "ZERO.blend(ONE, " + a + ".compare(" + OPS + "." + n.op().name() + ", " + b + "))";
            case STOP_GRADIENT -> a;
            default -> throw new IllegalStateException("no vector form for " + n);
        };
    }

    private static String powi(String a, int n) {
        if (n < 0) {
            return "ONE.div(" + powi(a, -n) + ")";
        }
        // The scalar code's a * a * a and (a * a) * (a * a), in the same order.
        return switch (n) {
            case 2 -> a + ".mul(" + a + ")";
            case 3 -> a + ".mul(" + a + ").mul(" + a + ")";
            case 4 -> a + ".mul(" + a + ").mul(" + a + ".mul(" + a + "))";
            default -> throw new IllegalStateException("no exactly reproducible vector form for power " + n);
        };
    }
}
