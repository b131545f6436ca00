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
    record Adjoints(Node[] states, Node[] parameters, Node[] inputs) { }

    Adjoints build(StepGraph step, int nParams, int nInputs) {
        int n = step.nextState().length;
        Map<Node, Node> adj = new HashMap<>();
        for (int i = 0; i < n; i++) {
            accumulate(adj, step.nextState()[i], g.leaf(Op.ADJOINT, i));
        }
        accumulate(adj, step.spike(), g.leaf(Op.ADJOINT, n));
        List<Node> order = new ArrayList<>(adj.keySet());
        // Walk every forward node reachable from the outputs, latest first; ids are topological.
        Map<Integer, Node> reachable = new HashMap<>();
        for (Node out : step.nextState()) {
            collect(out, reachable);
        }
        collect(step.spike(), reachable);
        order.clear();
        order.addAll(reachable.values());
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
        Node[] states = new Node[n];
        for (int i = 0; i < n; i++) {
            states[i] = adj.getOrDefault(g.leaf(Op.STATE, i), g.constant(0));
        }
        Node[] params = new Node[nParams];
        for (int i = 0; i < nParams; i++) {
            params[i] = adj.getOrDefault(g.leaf(Op.PARAM, i), g.constant(0));
        }
        Node[] inputs = new Node[nInputs];
        for (int i = 0; i < nInputs; i++) {
            inputs[i] = adj.getOrDefault(g.leaf(Op.INPUT, i), g.constant(0));
        }
        return new Adjoints(states, params, inputs);
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
