package org.brainfx.app.modelview;

import org.brainfx.engine.model.ModelSpec;

/** A built-in model as the library lists it: its name, one-line description, text and spec. */
public record LibraryModel(String name, String description, String text, ModelSpec spec) { }
