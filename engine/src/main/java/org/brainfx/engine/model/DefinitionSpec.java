package org.brainfx.engine.model;

/** A named sub-expression ({@code let name = expression}), usable by later ones and the equations. */
public record DefinitionSpec(String name, String expression, int line) {
    /** A definition from code or JSON (no source line). */
    public DefinitionSpec(String name, String expression) {
        this(name, expression, 0);
    }
}
