package org.brainfx.app.ui;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.scene.control.Tab;

/**
 * Keeps a tab's content current only while the tab is selected: a change that arrives while it
 * is hidden is applied when the tab is next selected. JavaFX lays out hidden tab content all the
 * same, and refilling the hidden results tables at a fit's end held the window for tens of
 * milliseconds.
 */
public final class SelectedTabUpdates {

    private final Tab tab;
    private final Set<Runnable> waiting = new LinkedHashSet<>();

    /** Updates for {@code tab}'s content. Use on the JavaFX thread. */
    public SelectedTabUpdates(Tab tab) {
        this.tab = tab;
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                Runnable[] due = waiting.toArray(Runnable[]::new);
                waiting.clear();
                for (Runnable update : due) {
                    update.run();
                }
            }
        });
    }

    /**
     * {@code update} made lazy: it runs at once while the tab is selected and otherwise once when
     * the tab is next selected, however often it was asked for in between.
     */
    public Runnable whenSelected(Runnable update) {
        return () -> {
            if (tab.isSelected()) {
                update.run();
            } else {
                waiting.add(update);
            }
        };
    }
}
