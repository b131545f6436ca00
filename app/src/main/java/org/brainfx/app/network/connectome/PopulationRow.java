package org.brainfx.app.network.connectome;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** A population of the network to create: its name, how many neurons, its sign (editable) and why that sign. */
public final class PopulationRow {
    private final String name;
    private final int size;
    private final SignDefaults.Suggestion suggestion;
    private final ObjectProperty<Sign> sign;

    PopulationRow(String name, int size, SignDefaults.Suggestion suggestion) {
        this.name = name;
        this.size = size;
        this.suggestion = suggestion;
        this.sign = new SimpleObjectProperty<>(this, "sign", Sign.of(suggestion.sign()));
    }

    /** The population's name. */
    public String name() {
        return name;
    }

    /** Its neurons. */
    public int size() {
        return size;
    }

    /** Where the suggested sign came from. */
    public SignDefaults.Suggestion suggestion() {
        return suggestion;
    }

    /** The sign the network will use. */
    public ObjectProperty<Sign> sign() {
        return sign;
    }
}
