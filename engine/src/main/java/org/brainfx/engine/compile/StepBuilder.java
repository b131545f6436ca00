package org.brainfx.engine.compile;

import java.util.Map;
import org.brainfx.engine.model.CheckedModel;

/**
 * Builds one step of a checked model as a graph, in the order every model shares (see
 * {@link org.brainfx.engine.model.ModelSpec}): spike from the previous state, differentiable
 * reset, integration, after-step assignments, output spike.
 *
 * <p>Integrators: {@code euler} {@code x + dt·f}; {@code exp_euler} BrainPy's exponential Euler
 * {@code x + dt·exprel(dt·a)·f} with {@code a = ∂f/∂x} of the state's own right-hand side at the
 * current point (other states held), so gradients also flow through {@code a}; {@code rk2}
 * the midpoint method; {@code rk4} the classical Runge–Kutta method. Inputs are held constant
 * over a step. With {@code sequential} update each equation is integrated as a scalar equation
 * in listed order, seeing the states already advanced.
 */
final class StepBuilder {
    private final CheckedModel model;
    private final Graph g = new Graph();
    private final Calculus calculus = new Calculus(g);
    private final Lowering lowering;
    private final Surrogate surrogate;

    StepBuilder(CheckedModel model) {
        this.model = model;
        this.lowering = new Lowering(g, model);
        this.surrogate = Surrogate.of(model.spec().surrogate());
    }

    StepGraph build() {
        int n = model.states().size();
        Node[] s = new Node[n];
        for (int i = 0; i < n; i++) {
            s[i] = g.leaf(Op.STATE, i);
        }
        int carried = model.stateIndex(CheckedModel.CARRIED_SPIKE_STATE);
        int timer = model.refractoryState();
        Node half = g.mul(g.constant(0.5), g.dt());
        Node z = null;
        if (model.spikeArgument() != null) {
            z = carried >= 0 ? s[carried] : g.heaviside(lowering.env(s).lower(model.spikeArgument()), surrogate);
            if (timer >= 0 && carried < 0) {
                z = g.mul(z, g.compare(Op.LT, s[timer], half));
            }
        }
        if (z != null && !model.resets().isEmpty()) {
            s = reset(s, z);
        }
        Node[] beforeIntegration = s;
        s = "sequential".equals(model.spec().update()) ? integrateSequential(s) : integrateSimultaneous(s);
        if (timer >= 0) {
            s = refractory(beforeIntegration, s, z, timer, half);
        }
        for (CheckedModel.Assignment a : model.after()) {
            Node v = lowering.env(s).lower(a.expression());
            s[a.state()] = v;
        }
        Node spike = model.spikeArgument() == null ? g.constant(0)
                : g.heaviside(lowering.env(s).lower(model.spikeArgument()), surrogate);
        if (timer >= 0 && model.spikeArgument() != null) {
            spike = g.mul(spike, g.compare(Op.LT, s[timer], half));
        }
        if (carried >= 0) {
            s[carried] = spike;
        }
        return new StepGraph(g, s, spike);
    }

    private Node[] reset(Node[] s, Node z) {
        Lowering.Env env = lowering.env(s);
        Node gate = model.spec().detachReset() ? g.unary(Op.STOP_GRADIENT, z) : z;
        Node[] out = s.clone();
        for (CheckedModel.Assignment a : model.resets()) {
            Node target = env.lower(a.expression());
            out[a.state()] = g.add(s[a.state()], g.mul(gate, g.sub(target, s[a.state()])));
        }
        return out;
    }

    /**
     * The refractory timer: a spike ({@code z}) sets it to the period; each step takes {@code dt}
     * off; while more than half a step is left after that, the held states keep their value from
     * before integration. The timer and the hold decision are piecewise constant: no gradient.
     */
    private Node[] refractory(Node[] before, Node[] integrated, Node z, int timer, Node half) {
        Node[] out = integrated.clone();
        Node started = z == null ? before[timer]
                : g.where(z, g.constant(model.refractoryPeriod()), before[timer]);
        Node left = g.sub(started, g.dt());
        Node holding = g.compare(Op.GT, left, half);
        for (int i : model.held()) {
            out[i] = g.where(holding, before[i], integrated[i]);
        }
        out[timer] = g.where(g.compare(Op.GT, left, g.constant(0)), left, g.constant(0));
        return out;
    }

    private Node[] integrateSequential(Node[] s) {
        Node[] cur = s.clone();
        for (CheckedModel.Equation eq : model.equations()) {
            cur[eq.state()] = scalarStep(cur, eq);
        }
        return cur;
    }

    /** Integrates one equation as a scalar ODE in its own state, the other states held at {@code s}. */
    private Node scalarStep(Node[] s, CheckedModel.Equation eq) {
        int i = eq.state();
        Node x = s[i];
        Node dt = g.dt();
        switch (model.spec().integrator()) {
            case "euler":
                return g.add(x, g.mul(dt, rhsAt(s, eq, i, x)));
            case "exp_euler":
                return expEuler(s, eq);
            case "rk2": {
                Node k1 = rhsAt(s, eq, i, x);
                Node k2 = rhsAt(s, eq, i, g.add(x, g.mul(g.mul(g.constant(0.5), dt), k1)));
                return g.add(x, g.mul(dt, k2));
            }
            case "rk4": {
                Node half = g.mul(g.constant(0.5), dt);
                Node k1 = rhsAt(s, eq, i, x);
                Node k2 = rhsAt(s, eq, i, g.add(x, g.mul(half, k1)));
                Node k3 = rhsAt(s, eq, i, g.add(x, g.mul(half, k2)));
                Node k4 = rhsAt(s, eq, i, g.add(x, g.mul(dt, k3)));
                Node sum = g.add(g.add(k1, g.mul(g.constant(2), k2)), g.add(g.mul(g.constant(2), k3), k4));
                return g.add(x, g.mul(g.div(dt, g.constant(6)), sum));
            }
            default:
                throw new IllegalStateException("integrator " + model.spec().integrator());
        }
    }

    private Node rhsAt(Node[] s, CheckedModel.Equation eq, int i, Node xi) {
        Node[] at = s.clone();
        at[i] = xi;
        return lowering.env(at).lower(eq.rhs());
    }

    private Node expEuler(Node[] s, CheckedModel.Equation eq) {
        int i = eq.state();
        // Differentiate with the state as a fresh placeholder, so a = ∂f/∂x is the partial
        // derivative even when other state nodes were computed from x earlier in the step.
        Node placeholder = g.leaf(Op.PLACEHOLDER, i);
        Node f = rhsAt(s, eq, i, placeholder);
        Node a = calculus.derivative(f, placeholder);
        Map<Node, Node> back = Map.of(placeholder, s[i]);
        Node fx = calculus.substitute(f, back);
        Node ax = calculus.substitute(a, back);
        Node dt = g.dt();
        Node factor = ax.isConst(0) ? dt : g.mul(dt, g.unary(Op.EXPREL, g.mul(dt, ax)));
        return g.add(s[i], g.mul(factor, fx));
    }

    private Node[] integrateSimultaneous(Node[] s) {
        String integrator = model.spec().integrator();
        if ("euler".equals(integrator) || "exp_euler".equals(integrator)) {
            Node[] out = s.clone();
            for (CheckedModel.Equation eq : model.equations()) {
                out[eq.state()] = scalarStep(s, eq);
            }
            return out;
        }
        Node dt = g.dt();
        Node half = g.mul(g.constant(0.5), dt);
        Node[] k1 = rhs(s);
        if ("rk2".equals(integrator)) {
            Node[] k2 = rhs(axpy(s, half, k1));
            return axpy(s, dt, k2);
        }
        Node[] k2 = rhs(axpy(s, half, k1));
        Node[] k3 = rhs(axpy(s, half, k2));
        Node[] k4 = rhs(axpy(s, dt, k3));
        Node[] out = s.clone();
        Node sixth = g.div(dt, g.constant(6));
        for (CheckedModel.Equation eq : model.equations()) {
            int i = eq.state();
            Node sum = g.add(g.add(k1[i], g.mul(g.constant(2), k2[i])), g.add(g.mul(g.constant(2), k3[i]), k4[i]));
            out[i] = g.add(s[i], g.mul(sixth, sum));
        }
        return out;
    }

    /** Right-hand sides of all equations at the given states (zero for states without one). */
    private Node[] rhs(Node[] s) {
        Lowering.Env env = lowering.env(s);
        Node[] k = new Node[s.length];
        java.util.Arrays.fill(k, g.constant(0));
        for (CheckedModel.Equation eq : model.equations()) {
            k[eq.state()] = env.lower(eq.rhs());
        }
        return k;
    }

    private Node[] axpy(Node[] s, Node h, Node[] k) {
        Node[] out = new Node[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = g.add(s[i], g.mul(h, k[i]));
        }
        return out;
    }
}
