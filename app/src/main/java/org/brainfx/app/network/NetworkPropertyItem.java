package org.brainfx.app.network;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One row of the network editor's property sheet: a value read from the document now, and, when
 * editable, a change that either becomes one undoable edit or is refused with the reason
 * ({@link IllegalArgumentException}), which the row shows (see {@link NetworkPropertyEditors}).
 */
public final class NetworkPropertyItem implements PropertySheet.Item {

    /** How the row is edited. */
    public enum Editor { TEXT, CHOICE, FLAG, READ_ONLY }

    private final String id;
    private final String category;
    private final String name;
    private final String description;
    private final Editor editor;
    private final List<String> choices;
    private final String prompt;
    private final Supplier<Object> getter;
    private final Consumer<Object> setter;

    NetworkPropertyItem(String id, String category, String name, String description, Editor editor, List<String> choices,
                        String prompt, Supplier<Object> getter, Consumer<Object> setter) {
        this.id = id;
        this.category = category;
        this.name = name;
        this.description = description;
        this.editor = setter == null ? Editor.READ_ONLY : editor;
        this.choices = choices == null ? List.of() : List.copyOf(choices);
        this.prompt = prompt;
        this.getter = getter;
        this.setter = setter;
    }

    /** The row's id, unique in the sheet (its editor's node id is {@code net-prop-ID}). */
    public String id() {
        return id;
    }

    /** How the row is edited. */
    public Editor editor() {
        return editor;
    }

    /** The values a choice row offers. */
    public List<String> choices() {
        return choices;
    }

    /** What an empty text row means (the default it stands for), or null. */
    public String prompt() {
        return prompt;
    }

    @Override
    public Class<?> getType() {
        return editor == Editor.FLAG ? Boolean.class : String.class;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return getter.get();
    }

    /**
     * Applies the row's new value as one edit of the document.
     *
     * @throws IllegalArgumentException with the reason, when the value is refused (nothing changes)
     */
    @Override
    public void setValue(Object value) {
        if (setter == null) {
            throw new IllegalArgumentException(name + " cannot be changed here");
        }
        setter.accept(value);
    }

    @Override
    public boolean isEditable() {
        return setter != null;
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
