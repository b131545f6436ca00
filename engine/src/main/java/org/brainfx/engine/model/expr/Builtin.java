package org.brainfx.engine.model.expr;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The functions a model's expressions may call, each with its fixed number of arguments. */
public enum Builtin {
    EXP("exp", 1), LOG("log", 1), SQRT("sqrt", 1), ABS("abs", 1), TANH("tanh", 1),
    SIGMOID("sigmoid", 1), EXPREL("exprel", 1),
    POW("pow", 2), MIN("min", 2), MAX("max", 2),
    CLIP("clip", 3), WHERE("where", 3);

    private final String functionName;
    private final int arity;

    Builtin(String functionName, int arity) {
        this.functionName = functionName;
        this.arity = arity;
    }

    /** The name as written in expressions. */
    public String functionName() {
        return functionName;
    }

    /** How many arguments it takes. */
    public int arity() {
        return arity;
    }

    /** The function called {@code name}, if there is one. */
    public static Optional<Builtin> named(String name) {
        return Arrays.stream(values()).filter(b -> b.functionName.equals(name)).findFirst();
    }

    /** The names of all functions, comma-separated, for error messages. */
    public static String knownNames() {
        return Arrays.stream(values()).map(Builtin::functionName).collect(Collectors.joining(", "));
    }
}
