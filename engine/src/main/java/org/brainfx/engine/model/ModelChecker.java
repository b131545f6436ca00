package org.brainfx.engine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.brainfx.engine.model.CheckedModel.Assignment;
import org.brainfx.engine.model.CheckedModel.Definition;
import org.brainfx.engine.model.CheckedModel.Equation;
import org.brainfx.engine.model.CheckedModel.Symbol;
import org.brainfx.engine.model.expr.Expr;
import org.brainfx.engine.model.expr.ExprPrinter;
import org.brainfx.engine.model.expr.ExpressionParser;
import org.brainfx.engine.model.unit.Dimension;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.model.unit.Units;

/**
 * Turns a {@link ModelSpec} into a {@link CheckedModel}: parses every expression, resolves names
 * (a definition may use only earlier ones), converts values to internal units and checks that
 * dimensions agree, that parameters sit inside their bounds, and that the integrator, update
 * order and surrogate are known ones.
 */
public final class ModelChecker {
    /** Surrogate gradient kinds accepted in {@link SurrogateSpec#kind()}. */
    public static final List<String> SURROGATES = List.of("sigmoid", "relu", "triangle", "fast_sigmoid", "arctan", "gaussian");
    /** Update orders accepted in {@link ModelSpec#update()}. */
    public static final List<String> UPDATES = List.of("simultaneous", "sequential");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Unit TIME_UNIT = Units.lookup("ms").orElseThrow();
    private static final Dimension TIME = TIME_UNIT.dimension();

    private final ModelSpec spec;
    private final SourceText source;
    private final Map<String, Dimension> scope = new LinkedHashMap<>();
    private final Map<String, Double> constantValues = new HashMap<>();
    private final Set<String> pendingDefinitions = new LinkedHashSet<>();
    private final List<ModelException> problems = new ArrayList<>();
    private ExpressionParser parser;

    private ModelChecker(ModelSpec spec, String sourceText) {
        this.spec = spec;
        this.source = new SourceText(sourceText);
    }

    /** Checks a spec that came from code or JSON; errors name the element (and its line, if it has one). */
    public static CheckedModel check(ModelSpec spec) {
        return check(spec, null);
    }

    /**
     * Checks a spec read from {@code sourceText} by {@link ModelText}; errors inside expressions
     * then carry absolute line and column positions.
     *
     * @throws ModelException naming the element, what was found and what was expected
     */
    public static CheckedModel check(ModelSpec spec, String sourceText) {
        return new ModelChecker(spec, sourceText).run();
    }

    private CheckedModel run() {
        attempt(() -> {
            checkOptions();
            return null;
        });
        parser = new ExpressionParser(declareNames());
        List<Symbol> states = new ArrayList<>();
        for (StateSpec s : spec.states()) {
            add(states, attempt(() -> state(s)));
        }
        List<Symbol> parameters = new ArrayList<>();
        for (ParameterSpec p : spec.parameters()) {
            add(parameters, attempt(() -> parameter(p)));
        }
        List<Symbol> constants = new ArrayList<>();
        for (ConstantSpec c : spec.constants()) {
            add(constants, attempt(() -> constant(c)));
        }
        List<Symbol> inputs = new ArrayList<>();
        for (InputSpec in : spec.inputs()) {
            add(inputs, attempt(() -> input(in)));
        }
        // A name whose unit is unknown would make every expression using it look wrong.
        stopIfProblems();
        List<Definition> definitions = new ArrayList<>();
        for (DefinitionSpec d : spec.definitions()) {
            Definition checked = attempt(() -> definition(d));
            if (checked == null) {
                break; // later definitions may use this one
            }
            definitions.add(checked);
        }
        stopIfProblems();
        List<Equation> equations = equations(states);
        Expr spikeArgument = attempt(this::spikeArgument);
        List<Assignment> resets = assignments(spec.resets(), "reset", "resets", states);
        List<Assignment> after = assignments(spec.after(), "after", "after", states);
        Refractory refractory = attempt(() -> refractory(states, resets));
        stopIfProblems();
        if (refractory != null) {
            states.add(new Symbol(CheckedModel.REFRACTORY_STATE, TIME_UNIT, 0, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY, false));
        }
        return new CheckedModel(spec, List.copyOf(states), List.copyOf(parameters), List.copyOf(constants),
                List.copyOf(inputs), List.copyOf(definitions), equations, spikeArgument, resets, after,
                refractory == null ? Double.NaN : refractory.period(), refractory == null ? List.of() : refractory.held());
    }

    /** The check's result, or null with its error kept, so that the other elements are still checked. */
    private <T> T attempt(Supplier<T> check) {
        try {
            return check.get();
        } catch (ModelException e) {
            problems.add(e);
            return null;
        }
    }

    private static <T> void add(List<T> to, T checked) {
        if (checked != null) {
            to.add(checked);
        }
    }

    /** Throws every problem found so far as one error (see {@link ModelException#several}). */
    private void stopIfProblems() {
        if (!problems.isEmpty()) {
            throw ModelException.several(problems);
        }
    }

    private Symbol state(StateSpec s) {
        SpecElement element = named("state", s.name(), s.line());
        Unit unit = unit(element, s.unit());
        scope.put(s.name(), unit.dimension());
        finite(element, "initial value", s.initial());
        return new Symbol(s.name(), unit, unit.toInternal(s.initial()), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    private Symbol constant(ConstantSpec c) {
        SpecElement element = named("constant", c.name(), c.line());
        Unit unit = unit(element, c.unit());
        scope.put(c.name(), unit.dimension());
        finite(element, "value", c.value());
        constantValues.put(c.name(), unit.toInternal(c.value()));
        return new Symbol(c.name(), unit, unit.toInternal(c.value()), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    private Symbol input(InputSpec in) {
        Unit unit = unit(named("input", in.name(), in.line()), in.unit());
        scope.put(in.name(), unit.dimension());
        return new Symbol(in.name(), unit, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    private Definition definition(DefinitionSpec d) {
        SpecElement element = expressionElement("definition '" + d.name() + "'", "definition '" + d.name() + "'", d.line(), d.expression(), "=");
        UnitInference.Typed typed = infer(element, d.expression(), null, null);
        pendingDefinitions.remove(d.name());
        scope.put(d.name(), typed.dimension());
        return new Definition(d.name(), typed.expr(), Units.internal(typed.dimension()));
    }

    private void checkOptions() {
        if (!ModelSpec.INTEGRATORS.contains(spec.integrator())) {
            throw option("integrator").error("unknown integrator '" + spec.integrator() + "' (known: "
                    + String.join(", ", ModelSpec.INTEGRATORS) + ")");
        }
        if (!UPDATES.contains(spec.update())) {
            throw option("update").error("unknown update order '" + spec.update() + "' (known: " + String.join(", ", UPDATES) + ")");
        }
        SurrogateSpec surrogate = spec.surrogate();
        if (!SURROGATES.contains(surrogate.kind())) {
            throw option("surrogate").error("unknown surrogate '" + surrogate.kind() + "' (known: " + String.join(", ", SURROGATES) + ")");
        }
        surrogate.params().forEach((key, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw option("surrogate").error("parameter '" + key + "' of surrogate " + surrogate.kind() + " is " + value
                        + "; give a finite number, e.g. " + key + "=4");
            }
        });
    }

    /** All declared names, after checking that each is an identifier and appears once. */
    private Set<String> declareNames() {
        Map<String, SpecElement> declared = new LinkedHashMap<>();
        spec.states().forEach(s -> declare(declared, s.name(), named("state", s.name(), s.line())));
        spec.parameters().forEach(p -> declare(declared, p.name(), named("parameter", p.name(), p.line())));
        spec.constants().forEach(c -> declare(declared, c.name(), named("constant", c.name(), c.line())));
        spec.inputs().forEach(i -> declare(declared, i.name(), named("input", i.name(), i.line())));
        for (DefinitionSpec d : spec.definitions()) {
            declare(declared, d.name(), named("definition", d.name(), d.line()));
            pendingDefinitions.add(d.name());
        }
        return declared.keySet();
    }

    private static void declare(Map<String, SpecElement> declared, String name, SpecElement element) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw element.error("'" + name + "' is not a valid name (use letters, digits and _, starting with a letter)");
        }
        SpecElement earlier = declared.putIfAbsent(name, element);
        if (earlier != null) {
            throw element.error("duplicate name '" + name + "': already declared as " + earlier.label() + "; rename one of them");
        }
    }

    private Symbol parameter(ParameterSpec p) {
        SpecElement element = named("parameter", p.name(), p.line());
        Unit unit = unit(element, p.unit());
        finite(element, "value", p.value());
        scope.put(p.name(), unit.dimension());
        Double lower = p.lower();
        Double upper = p.upper();
        String unitText = unit.isDimensionless() ? "" : " " + unit.symbol();
        if (lower != null && upper != null && !(lower < upper)) {
            throw element.error("lower bound " + ExprPrinter.number(lower) + " is not below upper bound "
                    + ExprPrinter.number(upper) + unitText + "; write the bounds as [lower, upper] with lower < upper");
        }
        if ((lower != null && (lower.isNaN() || p.value() < lower)) || (upper != null && (upper.isNaN() || p.value() > upper))) {
            throw element.error("value " + ExprPrinter.number(p.value()) + unitText + " is outside its bounds ["
                    + (lower == null ? "-inf" : ExprPrinter.number(lower)) + ", " + (upper == null ? "inf" : ExprPrinter.number(upper))
                    + "]" + unitText + "; move the value inside the bounds or widen them");
        }
        return new Symbol(p.name(), unit, unit.toInternal(p.value()),
                lower == null ? Double.NEGATIVE_INFINITY : unit.toInternal(lower),
                upper == null ? Double.POSITIVE_INFINITY : unit.toInternal(upper), p.trainable());
    }

    private List<Equation> equations(List<Symbol> states) {
        List<Equation> equations = new ArrayList<>();
        Set<Integer> integrated = new LinkedHashSet<>();
        List<EquationSpec> specs = spec.equations();
        for (int i = 0; i < specs.size(); i++) {
            int index = i;
            add(equations, attempt(() -> equation(index, specs.get(index), states, integrated)));
        }
        return List.copyOf(equations);
    }

    private Equation equation(int i, EquationSpec eq, List<Symbol> states, Set<Integer> integrated) {
        String lhs = "d" + eq.state() + "/dt";
        SpecElement element = expressionElement("equation " + lhs, "equations[" + i + "] (" + lhs + ")", eq.line(), eq.rhs(), "=");
        int state = stateIndex(states, eq.state());
        if (state < 0) {
            throw element.error("'" + eq.state() + "' is not a state, so it cannot have an equation (states: " + stateNames(states) + ")");
        }
        if (!integrated.add(state)) {
            throw element.error("state '" + eq.state() + "' has a second equation; keep one " + lhs);
        }
        Dimension expected = states.get(state).unit().dimension().divide(TIME);
        String left = "left side " + Units.internalName(expected);
        UnitInference.Typed typed = infer(element, eq.rhs(), expected, left + "; ");
        if (!typed.dimension().sameAs(expected)) {
            Expr rhs = parse(element, eq.rhs());
            throw element.error(rhs.pos(), "units do not match: " + left + ", right side " + UnitInference.unitOf(typed.dimension())
                    + "; " + UnitInference.mismatch(rhs, typed.dimension(), expected,
                    " (the right side must have the unit of " + eq.state() + " divided by time)").getMessage());
        }
        return new Equation(state, typed.expr());
    }

    private Expr spikeArgument() {
        if (spec.spike() == null || spec.spike().isBlank()) {
            return null;
        }
        int line = source.lineOf("spike");
        SpecElement element = new SpecElement("spike condition", "spike condition", line, source.locate(line, spec.spike(), "spike"));
        Expr parsed = parse(element, spec.spike());
        if (!(parsed instanceof Expr.Compare c) || c.op() == Expr.CmpOp.EQ || c.op() == Expr.CmpOp.NE) {
            throw element.error(parsed.pos(), "must be a comparison 'a > b', 'a >= b', 'a < b' or 'a <= b'"
                    + " but found '" + ExprPrinter.print(parsed) + "'");
        }
        Expr.Compare checked = (Expr.Compare) infer(element, spec.spike(), null, null).expr();
        boolean above = c.op() == Expr.CmpOp.GT || c.op() == Expr.CmpOp.GE;
        Expr from = above ? checked.left() : checked.right();
        Expr subtracted = above ? checked.right() : checked.left();
        if (subtracted instanceof Expr.Num n && n.value() == 0) {
            return from;
        }
        if (from instanceof Expr.Num n && n.value() == 0) {
            return new Expr.Neg(subtracted, c.pos());
        }
        return new Expr.Binary(Expr.Op.SUB, from, subtracted, c.pos());
    }

    /** A checked refractory period (internal ms) and the indices of the states it holds. */
    private record Refractory(double period, List<Integer> held) { }

    private Refractory refractory(List<Symbol> states, List<Assignment> resets) {
        RefractorySpec r = spec.refractory();
        if (r == null) {
            return null;
        }
        SpecElement element = new SpecElement("refractory period", "refractory", r.line());
        if (spec.spike() == null || spec.spike().isBlank()) {
            throw element.error("a refractory period needs a spike condition; add a 'spike' line or remove 'refractory'");
        }
        Unit unit = unit(element, r.unit());
        if (!unit.dimension().equals(TIME)) {
            throw element.error("the period must be a time such as '5 ms' but its unit is '" + r.unit() + "'");
        }
        double period = unit.toInternal(r.period());
        if (!Double.isFinite(period) || period < 0) {
            throw element.error("the period must be a finite time >= 0, got " + r.period() + " " + r.unit());
        }
        if (stateIndex(states, CheckedModel.REFRACTORY_STATE) >= 0) {
            throw element.error("the state name '" + CheckedModel.REFRACTORY_STATE
                    + "' is reserved for the time left in the refractory period; rename that state");
        }
        List<Integer> held = new ArrayList<>();
        if (r.hold() == null) {
            resets.forEach(a -> held.add(a.state()));
        } else {
            for (String name : r.hold()) {
                int i = stateIndex(states, name);
                if (i < 0) {
                    throw element.error("'" + name + "' in 'hold' is not a state (states: " + stateNames(states) + ")");
                }
                held.add(i);
            }
        }
        return new Refractory(period, held.stream().distinct().toList());
    }

    private List<Assignment> assignments(List<AssignmentSpec> specs, String keyword, String listName, List<Symbol> states) {
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            int index = i;
            add(assignments, attempt(() -> assignment(specs.get(index), keyword, listName + "[" + index + "]", states)));
        }
        return List.copyOf(assignments);
    }

    private Assignment assignment(AssignmentSpec a, String keyword, String where, List<Symbol> states) {
        SpecElement element = expressionElement(keyword + " " + a.state(), where + " (" + a.state() + ")",
                a.line(), a.expression(), "=");
        int state = stateIndex(states, a.state());
        if (state < 0) {
            throw element.error("'" + a.state() + "' is not a state (only states can be assigned; states: " + stateNames(states) + ")");
        }
        Dimension expected = states.get(state).unit().dimension();
        UnitInference.Typed typed = infer(element, a.expression(), expected, a.state() + " has " + UnitInference.unitOf(expected) + "; ");
        if (!typed.dimension().sameAs(expected)) {
            Expr value = parse(element, a.expression());
            throw element.error(value.pos(), "units do not match: " + a.state() + " has " + UnitInference.unitOf(expected)
                    + " but the assigned value '" + ExprPrinter.print(value) + "' has " + UnitInference.unitOf(typed.dimension()));
        }
        return new Assignment(state, typed.expr());
    }

    /** Parses and types one expression, turning parse and unit problems into errors that name the element. */
    private UnitInference.Typed infer(SpecElement element, String text, Dimension expected, String mismatchContext) {
        Expr parsed = parse(element, text);
        try {
            return new UnitInference(scope, constantValues, pendingDefinitions).infer(parsed, expected);
        } catch (UnitInference.Problem p) {
            String detail = p.unitMismatch()
                    ? "units do not match: " + (mismatchContext == null ? "" : mismatchContext) + p.getMessage()
                    : p.getMessage();
            throw element.error(p.term().pos(), detail);
        }
    }

    private Expr parse(SpecElement element, String text) {
        if (text == null || text.isBlank()) {
            throw element.error("the expression is empty");
        }
        try {
            return parser.parse(text, element.parseBase());
        } catch (ModelException e) {
            throw element.syntaxError(e);
        }
    }

    private SpecElement expressionElement(String name, String indexedName, int line, String expression, String marker) {
        return new SpecElement(name, indexedName, line, source.locate(line, expression, marker));
    }

    private static SpecElement named(String kind, String name, int line) {
        String label = kind + " '" + name + "'";
        return new SpecElement(label, label, line);
    }

    private SpecElement option(String keyword) {
        return new SpecElement(keyword, keyword, source.lineOf(keyword));
    }

    private static Unit unit(SpecElement element, String unitText) {
        try {
            return Units.parse(unitText);
        } catch (ModelException e) {
            throw element.error(e.getMessage());
        }
    }

    private static void finite(SpecElement element, String what, double value) {
        if (!Double.isFinite(value)) {
            throw element.error(what + " " + value + " is not a finite number");
        }
    }

    private static int stateIndex(List<Symbol> states, String name) {
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String stateNames(List<Symbol> states) {
        return states.isEmpty() ? "none" : String.join(", ", states.stream().map(Symbol::name).toList());
    }
}
