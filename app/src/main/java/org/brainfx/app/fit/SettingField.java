package org.brainfx.app.fit;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One fit setting as a form edits it: the text the user typed, the message saying what is wrong
 * with it (empty when it is valid), and the hand-off of each valid value to the project.
 *
 * <p>Invalid text stays as typed and never reaches the project; a value coming from the project
 * (an undo, another view) replaces the text without being handed back as an edit.
 *
 * @param <T> the setting's value type; null stands for "not set, use the default"
 */
public final class SettingField<T> {

    /** Turns typed text (trimmed, possibly empty) into a value, or throws with a user-facing message. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws InvalidSettingException;
    }

    /** A typed value that cannot be used; the message says why, in the user's words. */
    static final class InvalidSettingException extends Exception {
        InvalidSettingException(String message) {
            super(message);
        }
    }

    private final String id;
    private final String label;
    private final String defaultText;
    private final Parser<T> parser;
    private final Function<T, String> format;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Consumer<T> onValid = v -> { };
    private boolean showing;

    /**
     * A field.
     *
     * @param id          a stable name for node ids and tests, e.g. {@code starts}
     * @param label       the label shown beside the field, with its unit
     * @param defaultText what an empty field means (shown as a prompt), e.g. "20" or "none"
     */
    SettingField(String id, String label, String defaultText, Parser<T> parser, Function<T, String> format) {
        this.id = id;
        this.label = label;
        this.defaultText = defaultText;
        this.parser = parser;
        this.format = format;
        text.addListener((obs, old, now) -> {
            if (!showing) {
                typed(now);
            }
        });
    }

    /** Where valid values go (the project, through an undoable edit). */
    void onValid(Consumer<T> action) {
        this.onValid = Objects.requireNonNull(action);
    }

    /** Shows {@code value} from the project: replaces the text and clears the message, without an edit. */
    void show(T value) {
        showing = true;
        try {
            text.set(value == null ? "" : format.apply(value));
            error.set("");
        } finally {
            showing = false;
        }
    }

    private void typed(String now) {
        T value;
        try {
            value = parser.parse(now == null ? "" : now.trim());
        } catch (InvalidSettingException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        onValid.accept(value);
    }

    /** The stable name, e.g. {@code maxIterations}. */
    public String id() {
        return id;
    }

    /** The label, with its unit. */
    public String label() {
        return label;
    }

    /** What leaving the field empty means. */
    public String defaultText() {
        return defaultText;
    }

    /** The text as typed. */
    public StringProperty textProperty() {
        return text;
    }

    /** What is wrong with the text; empty when it is valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
