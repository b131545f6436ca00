package org.brainfx.engine.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loop-invariant code motion for the time loop: every largest subexpression of a step that
 * depends on parameters and otherwise only on constants and {@code dt} (e.g. the exponential-Euler
 * factor {@code exprel(−dt/τ)} of a linear equation) becomes an {@link Op#INVARIANT} leaf, computed
 * once per lane and run instead of once per step; its gradient is accumulated over the run and
 * passed to the parameters once at the end. Subexpressions of constants and {@code dt} alone stay:
 * the kernel computes them once per call, outside its loop over lanes, instead of loading them per lane.
 */
final class InvariantHoisting {
    private final Graph g;
    private final Map<Node, Boolean> invariant = new HashMap<>();
    private final Map<Node, Boolean> onParameter = new HashMap<>();

    InvariantHoisting(Graph g) {
        this.g = g;
    }

    /** The step with invariants replaced by leaves, and the invariant expressions in leaf-index order. */
    record Hoisted(StepGraph step, List<Node> invariants) { }

    Hoisted hoist(StepGraph step) {
        Map<Node, Node> replacements = new LinkedHashMap<>();
        List<Node> roots = new ArrayList<>(List.of(step.nextState()));
        roots.add(step.spike());
        Map<Node, Boolean> visited = new HashMap<>();
        for (Node r : roots) {
            find(r, replacements, visited);
        }
        Calculus c = new Calculus(g);
        Node[] next = new Node[step.nextState().length];
        for (int i = 0; i < next.length; i++) {
            next[i] = c.substitute(step.nextState()[i], replacements);
        }
        Node spike = c.substitute(step.spike(), replacements);
        return new Hoisted(new StepGraph(g, next, spike), new ArrayList<>(replacements.keySet()));
    }

    /** Collects the largest invariant non-leaf subexpressions under {@code n}. */
    private void find(Node n, Map<Node, Node> replacements, Map<Node, Boolean> visited) {
        if (visited.put(n, Boolean.TRUE) != null || n.op().isLeaf()) {
            return;
        }
        if (isInvariant(n) && dependsOnParameter(n)) {
            replacements.computeIfAbsent(n, k -> g.leaf(Op.INVARIANT, replacements.size()));
            return;
        }
        for (int i = 0; i < n.argCount(); i++) {
            find(n.arg(i), replacements, visited);
        }
    }

    private boolean dependsOnParameter(Node n) {
        Boolean known = onParameter.get(n);
        if (known != null) {
            return known;
        }
        boolean result = n.op() == Op.PARAM;
        for (int i = 0; i < n.argCount() && !result; i++) {
            result = dependsOnParameter(n.arg(i));
        }
        onParameter.put(n, result);
        return result;
    }

    private boolean isInvariant(Node n) {
        Boolean known = invariant.get(n);
        if (known != null) {
            return known;
        }
        boolean result;
        switch (n.op()) {
            case CONST, PARAM, DT -> result = true;
            case STATE, INPUT, PLACEHOLDER, ADJOINT, INVARIANT -> result = false;
            default -> {
                result = true;
                for (int i = 0; i < n.argCount() && result; i++) {
                    result = isInvariant(n.arg(i));
                }
            }
        }
        invariant.put(n, result);
        return result;
    }
}
