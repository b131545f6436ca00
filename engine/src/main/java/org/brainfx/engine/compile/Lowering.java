package org.brainfx.engine.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.expr.Expr;

/**
 * Turns checked expressions into graph nodes, given the node that stands for each state at
 * this point of the step; named definitions are inlined (hash-consing shares them).
 */
final class Lowering {
    private final Graph g;
    private final CheckedModel model;
    private final Map<String, Node> fixed = new HashMap<>();

    Lowering(Graph g, CheckedModel model) {
        this.g = g;
        this.model = model;
        for (int i = 0; i < model.parameters().size(); i++) {
            fixed.put(model.parameters().get(i).name(), g.leaf(Op.PARAM, i));
        }
        for (CheckedModel.Symbol c : model.constants()) {
            fixed.put(c.name(), g.constant(c.value()));
        }
        for (int i = 0; i < model.inputs().size(); i++) {
            fixed.put(model.inputs().get(i).name(), g.leaf(Op.INPUT, i));
        }
    }

    /** An environment: the node of every state, plus definitions evaluated against them. */
    Env env(Node[] states) {
        return new Env(states.clone());
    }

    /** The state nodes and the definitions they imply. */
    final class Env {
        private final Node[] states;
        private final Map<String, Node> definitions = new HashMap<>();

        private Env(Node[] states) {
            this.states = states;
        }

        Node lower(Expr e) {
            if (e instanceof Expr.Num n) {
                return g.constant(n.value());
            }
            if (e instanceof Expr.Name n) {
                return name(n);
            }
            if (e instanceof Expr.Neg n) {
                return g.neg(lower(n.operand()));
            }
            if (e instanceof Expr.Binary b) {
                return binary(b);
            }
            if (e instanceof Expr.Call c) {
                return call(c);
            }
            Expr.Compare c = (Expr.Compare) e;
            return g.compare(compareOp(c.op()), lower(c.left()), lower(c.right()));
        }

        private Node name(Expr.Name n) {
            int s = model.stateIndex(n.name());
            if (s >= 0) {
                return states[s];
            }
            Node f = fixed.get(n.name());
            if (f != null) {
                return f;
            }
            Node d = definitions.get(n.name());
            if (d != null) {
                return d;
            }
            for (CheckedModel.Definition def : model.definitions()) {
                if (def.name().equals(n.name())) {
                    Node v = lower(def.expression());
                    definitions.put(def.name(), v);
                    return v;
                }
            }
            throw new ModelException("unresolved name '" + n.name() + "' reached the compiler", n.pos());
        }

        private Node binary(Expr.Binary b) {
            Node l = lower(b.left());
            Node r = lower(b.right());
            return switch (b.op()) {
                case ADD -> g.add(l, r);
                case SUB -> g.sub(l, r);
                case MUL -> g.mul(l, r);
                case DIV -> g.div(l, r);
                case POW -> g.pow(l, r);
            };
        }

        private Node call(Expr.Call c) {
            List<Expr> a = c.args();
            return switch (c.function()) {
                case "exp" -> g.unary(Op.EXP, lower(a.get(0)));
                case "log" -> g.unary(Op.LOG, lower(a.get(0)));
                case "sqrt" -> g.unary(Op.SQRT, lower(a.get(0)));
                case "abs" -> g.unary(Op.ABS, lower(a.get(0)));
                case "tanh" -> g.unary(Op.TANH, lower(a.get(0)));
                case "sigmoid" -> g.unary(Op.SIGMOID, lower(a.get(0)));
                case "exprel" -> g.unary(Op.EXPREL, lower(a.get(0)));
                case "pow" -> g.pow(lower(a.get(0)), lower(a.get(1)));
                case "min" -> g.min(lower(a.get(0)), lower(a.get(1)));
                case "max" -> g.max(lower(a.get(0)), lower(a.get(1)));
                case "clip" -> g.min(g.max(lower(a.get(0)), lower(a.get(1))), lower(a.get(2)));
                case "where" -> g.where(lower(a.get(0)), lower(a.get(1)), lower(a.get(2)));
                default -> throw new ModelException("unknown function '" + c.function() + "' reached the compiler", c.pos());
            };
        }
    }

    private static Op compareOp(Expr.CmpOp op) {
        return switch (op) {
            case LT -> Op.LT;
            case LE -> Op.LE;
            case GT -> Op.GT;
            case GE -> Op.GE;
            case EQ -> Op.EQ;
            case NE -> Op.NE;
        };
    }
}
