package org.brainfx.app.recording;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** One sweep in the Recording view's list: its index, a one-line description, and whether it is selected. */
public final class SweepRow {

    private final int index;
    private final String text;
    private final ReadOnlyBooleanWrapper selected;

    SweepRow(int index, String text, boolean selected) {
        this.index = index;
        this.text = text;
        this.selected = new ReadOnlyBooleanWrapper(this, "selected", selected);
    }

    /** The sweep's index in the recording (or the project's stimulus), as project files name it. */
    public int index() {
        return index;
    }

    /** "Sweep 6 · +200 pA · 2 spikes". */
    public String text() {
        return text;
    }

    /** True while the sweep is selected (for fitting with a recording, else for display). */
    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** True while the sweep is selected. */
    public boolean isSelected() {
        return selected.get();
    }

    void setSelected(boolean value) {
        selected.set(value);
    }
}
