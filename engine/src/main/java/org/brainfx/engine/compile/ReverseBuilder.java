package org.brainfx.engine.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Source-to-source reverse mode on a step graph: builds, as new graph nodes, the
 * vector–Jacobian product of the step with respect to previous states, parameters and inputs.
 * The adjoint seeds are leaves: {@code ADJOINT i} for state {@code i} and {@code ADJOINT n}
 * (n = number of states) for the output spike.
 */
final class ReverseBuilder {
    private final Graph g;
    private final Calculus calculus;

    ReverseBuilder(Graph g) {
        this.g = g;
        this.calculus = new Calculus(g);
    }

    /** Adjoint nodes of the step's leaves. */
    record Adjoints(Node[] states, Node[] parameters, Node[] inputs, Node[] invariants) { }

    Adjoints build(StepGraph step, int nParams, int nInputs, int nInvariants) {
        int n = step.nextState().length;
        Node[] outputs = new Node[n + 1];
        Node[] seeds = new Node[n + 1];
        for (int i = 0; i < n; i++) {
            outputs[i] = step.nextState()[i];
            seeds[i] = g.leaf(Op.ADJOINT, i);
        }
        outputs[n] = step.spike();
        seeds[n] = g.leaf(Op.ADJOINT, n);
        Map<Node, Node> adj = adjoints(outputs, seeds);
        return new Adjoints(leaves(adj, Op.STATE, n), leaves(adj, Op.PARAM, nParams), leaves(adj, Op.INPUT, nInputs),
                leaves(adj, Op.INVARIANT, nInvariants));
    }

    /** The adjoint of leaf {@code op i} for i below {@code count} (constant 0 where none flows). */
    Node[] leaves(Map<Node, Node> adj, Op op, int count) {
        Node[] out = new Node[count];
        for (int i = 0; i < count; i++) {
            out[i] = adj.getOrDefault(g.leaf(op, i), g.constant(0));
        }
        return out;
    }

    /** Adjoint of every node reachable from {@code outputs}, with {@code seeds[i]} flowing into {@code outputs[i]}. */
    Map<Node, Node> adjoints(Node[] outputs, Node[] seeds) {
        Map<Node, Node> adj = new HashMap<>();
        for (int i = 0; i < outputs.length; i++) {
            accumulate(adj, outputs[i], seeds[i]);
        }
        // Walk every forward node reachable from the outputs, latest first; ids are topological.
        Map<Integer, Node> reachable = new HashMap<>();
        for (Node out : outputs) {
            collect(out, reachable);
        }
        List<Node> order = new ArrayList<>(reachable.values());
        order.sort((a, b) -> Integer.compare(b.id(), a.id()));
        for (Node node : order) {
            Node a = adj.get(node);
            if (a == null || a.isConst(0) || node.op().isLeaf()) {
                continue;
            }
            for (int i = 0; i < node.argCount(); i++) {
                Node arg = node.arg(i);
                if (arg.isConst() || arg.op() == Op.DT) {
                    continue;
                }
                Node p = calculus.partial(node, i);
                if (!p.isConst(0)) {
                    accumulate(adj, arg, g.mul(a, p));
                }
            }
        }
        return adj;
    }

    private void accumulate(Map<Node, Node> adj, Node target, Node contribution) {
        adj.merge(target, contribution, g::add);
    }

    private static void collect(Node n, Map<Integer, Node> seen) {
        if (seen.putIfAbsent(n.id(), n) != null) {
            return;
        }
        for (int i = 0; i < n.argCount(); i++) {
            collect(n.arg(i), seen);
        }
    }
}
