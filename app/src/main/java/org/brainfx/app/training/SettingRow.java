package org.brainfx.app.training;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the training form: the text the user typed and, when it cannot be used, the reason
 * (empty when valid). An empty text means the default the prompt shows.
 */
public final class SettingRow {
    private final String id;
    private final String label;
    private final String prompt;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    SettingRow(String id, String label, String prompt, String initial) {
        this.id = id;
        this.label = label;
        this.prompt = prompt;
        text.set(initial == null ? "" : initial);
    }

    /** A stable name for node ids and tests, e.g. {@code batches}. */
    public String id() {
        return id;
    }

    /** The label shown beside the field. */
    public String label() {
        return label;
    }

    /** What an empty field means. */
    public String prompt() {
        return prompt;
    }

    /** The typed text. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text cannot be used; empty when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message == null ? "" : message);
    }
}
