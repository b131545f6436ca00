package org.brainfx.app.network;

import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.brainfx.app.jobs.UiExecutor;

/**
 * The workspace of an open network project, shown in the workbench's Network tab: the editor first,
 * and room for more views of the same document (a simulation view adds its tab with {@link #add}).
 */
public final class NetworkTabs {
    private final NetworkDocument document;
    private final NetworkEditorView editor;
    private final TabPane tabs = new TabPane();

    /** The workspace of {@code document}. */
    public NetworkTabs(NetworkDocument document, ResourceBundle messages, Executor background, UiExecutor ui) {
        this.document = document;
        this.editor = new NetworkEditorView(document, messages, background, ui);
        Tab edit = new Tab(messages.getString("network.tab.editor"), editor.root());
        edit.setId("tab-network-editor");
        tabs.getTabs().add(edit);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setSide(javafx.geometry.Side.TOP);
        tabs.setId("network-tabs");
        tabs.getStyleClass().add("network-tabs");
    }

    /** The workspace's node. */
    public Parent root() {
        return tabs;
    }

    /** The document the views show and edit. */
    public NetworkDocument document() {
        return document;
    }

    /** The editor view. */
    public NetworkEditorView editor() {
        return editor;
    }

    /** Adds another view of the document (e.g. the simulation) as a tab after the editor's. */
    public void add(Tab tab) {
        tabs.getTabs().add(tab);
    }
}
