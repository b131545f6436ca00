package org.brainfx.app.workbench;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.SavedFit;

/**
 * The project explorer: the open project's parts as a tree (recordings, models, fit settings,
 * kept results), changed in place as the project changes; deleting a kept result from it.
 */
final class ProjectExplorer {

    private final ResourceBundle messages;
    private final Consumer<ExplorerItem> onSelect;
    private final TreeView<ExplorerItem> explorer = new TreeView<>();
    private final Label projectName = new Label();
    private final VBox pane;
    private ProjectSession session;
    // The session whose project the tree shows (changed in place while it stays).
    private ProjectSession explorerSession;

    /** An empty explorer; {@code onSelect} hears of every selection (null: none). */
    ProjectExplorer(ResourceBundle messages, Consumer<ExplorerItem> onSelect) {
        this.messages = messages;
        this.onSelect = onSelect;
        pane = explorerPane();
    }

    Parent root() {
        return pane;
    }

    /** Shows {@code now}'s project (null: none). */
    void show(ProjectSession now) {
        session = now;
        if (now == null) {
            projectName.textProperty().unbind();
            projectName.setText(text("project.empty"));
            if (!projectName.getStyleClass().contains("placeholder-text")) {
                projectName.getStyleClass().add("placeholder-text");
            }
        } else {
            projectName.getStyleClass().remove("placeholder-text");
            projectName.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> displayName(now.document().project()), now.document().projectProperty()));
        }
        refresh();
    }

    /**
     * Shows the name of an open project that is not a neuron project (a training project: its views are
     * its tabs, there is no tree of parts), or the empty explorer for null.
     */
    void showNamed(String name) {
        if (name == null) {
            show(null);
            return;
        }
        session = null;
        projectName.textProperty().unbind();
        projectName.getStyleClass().remove("placeholder-text");
        projectName.setText(name);
        refresh();
    }

    private VBox explorerPane() {
        Label heading = new Label(text("project.title").toUpperCase(Locale.ROOT));
        heading.getStyleClass().add("pane-title");
        projectName.setId("project-name");
        projectName.setText(text("project.empty"));
        projectName.getStyleClass().add("placeholder-text");
        explorer.setId("project-explorer");
        explorer.setShowRoot(false);
        explorer.setRoot(new TreeItem<>());
        // The pane is narrow: a long file or result name shows whole in its tooltip.
        explorer.setCellFactory(tree -> new TreeCell<>() {
            private final Tooltip whole = new Tooltip();

            @Override
            protected void updateItem(ExplorerItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                whole.setText(getText());
                setTooltip(empty || item == null ? null : whole);
            }
        });
        explorer.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> select(now));
        MenuItem delete = new MenuItem(text("explorer.result.delete"));
        delete.setId("explorer-delete-result");
        delete.setOnAction(e -> deleteResult(selectedValue()));
        explorer.setContextMenu(new ContextMenu(delete));
        explorer.setOnContextMenuRequested(e -> delete.setDisable(selectedValue() == null
                || selectedValue().kind() != ExplorerItem.Kind.RESULT));
        explorer.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                deleteResult(selectedValue());
            }
        });
        VBox.setVgrow(explorer, Priority.ALWAYS);
        VBox pane = new VBox(heading, projectName, explorer);
        pane.setId("project-pane");
        pane.getStyleClass().add("project-pane");
        pane.setMinWidth(160);
        return pane;
    }

    /** Deletes the kept result {@code item} stands for (an undoable edit). */
    private void deleteResult(ExplorerItem item) {
        ProjectSession s = session;
        if (s == null || item == null || item.kind() != ExplorerItem.Kind.RESULT) {
            return;
        }
        s.document().edit(MessageFormat.format(text("fit.edit.deleteResult"), item.index() + 1),
                p -> ProjectEdits.withResultRemoved(p, item.index()));
    }

    /** Rebuilds the tree from the project, in place when the project is the same. */
    void refresh() {
        ProjectSession s = session;
        TreeItem<ExplorerItem> top = new TreeItem<>();
        if (s != null) {
            Project p = s.document().project();
            top.getChildren().add(leaf(ExplorerItem.Kind.PROJECT, displayName(p)));
            String recording = p.recording() != null ? Path.of(p.recording().file()).getFileName().toString()
                    : p.stimulus() != null && p.stimulus().traces() != null
                    ? MessageFormat.format(text("explorer.stimulus"), Path.of(p.stimulus().traces().file()).getFileName())
                    : text("explorer.steps");
            top.getChildren().add(group(ExplorerItem.Kind.RECORDINGS, "explorer.recordings",
                    leaf(ExplorerItem.Kind.RECORDING, recording)));
            String modelName = p.model().builtin() != null ? p.model().builtin()
                    : p.model().file() != null ? p.model().file() : text("props.model.inline");
            top.getChildren().add(group(ExplorerItem.Kind.MODELS, "explorer.models",
                    leaf(ExplorerItem.Kind.MODEL, modelName)));
            String optimizer = p.fit() == null || p.fit().optimizer() == null ? FitConfig.DEFAULT_OPTIMIZER
                    : p.fit().optimizer();
            top.getChildren().add(group(ExplorerItem.Kind.FITS, "explorer.fits",
                    leaf(ExplorerItem.Kind.FIT, MessageFormat.format(text("explorer.fit"), optimizer))));
            TreeItem<ExplorerItem> res = group(ExplorerItem.Kind.RESULTS, "explorer.results");
            List<SavedFit> kept = p.savedFits();
            for (int i = 0; i < kept.size(); i++) {
                SavedFit r = kept.get(i);
                res.getChildren().add(new TreeItem<>(new ExplorerItem(ExplorerItem.Kind.RESULT,
                        MessageFormat.format(text("explorer.result"), i + 1, r.optimizer(),
                                String.format(Locale.ROOT, "%.3g", r.loss())), r, i)));
            }
            top.getChildren().add(res);
        }
        TreeItem<ExplorerItem> selectedItem = explorer.getSelectionModel().getSelectedItem();
        ExplorerItem selected = selectedItem == null ? null : selectedItem.getValue();
        TreeItem<ExplorerItem> shown = explorer.getRoot();
        if (shown != null && s != null && explorerSession == s) {
            // The same project: change the tree in place, so that only what changed is laid out
            // again (a fit's end adds one result) and groups the user folded stay folded.
            sync(shown, top);
            if (selectedItem != null && !selectedItem.getValue().equals(selected)) {
                select(selectedItem);
            }
            return;
        }
        explorerSession = s;
        explorer.setRoot(top);
        if (selected != null) {
            reselect(top, selected);
        }
    }

    /** Makes {@code shown}'s values and children those of {@code wanted}, keeping the items that stay. */
    private static void sync(TreeItem<ExplorerItem> shown, TreeItem<ExplorerItem> wanted) {
        if (!Objects.equals(shown.getValue(), wanted.getValue())) {
            shown.setValue(wanted.getValue());
        }
        ObservableList<TreeItem<ExplorerItem>> have = shown.getChildren();
        List<TreeItem<ExplorerItem>> want = wanted.getChildren();
        int common = Math.min(have.size(), want.size());
        for (int i = 0; i < common; i++) {
            sync(have.get(i), want.get(i));
        }
        if (have.size() > want.size()) {
            have.remove(want.size(), have.size());
        } else if (want.size() > have.size()) {
            have.addAll(List.copyOf(want.subList(common, want.size())));
        }
    }

    private ExplorerItem selectedValue() {
        TreeItem<ExplorerItem> item = explorer.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    private void reselect(TreeItem<ExplorerItem> top, ExplorerItem selected) {
        for (TreeItem<ExplorerItem> group : top.getChildren()) {
            if (same(group.getValue(), selected)) {
                explorer.getSelectionModel().select(group);
                return;
            }
            for (TreeItem<ExplorerItem> child : group.getChildren()) {
                if (same(child.getValue(), selected)) {
                    explorer.getSelectionModel().select(child);
                    return;
                }
            }
        }
    }

    private static boolean same(ExplorerItem a, ExplorerItem b) {
        return a.kind() == b.kind() && (a.kind() != ExplorerItem.Kind.RESULT || a.index() == b.index());
    }

    private void select(TreeItem<ExplorerItem> item) {
        onSelect.accept(item == null ? null : item.getValue());
    }

    private TreeItem<ExplorerItem> leaf(ExplorerItem.Kind kind, String label) {
        return new TreeItem<>(new ExplorerItem(kind, label));
    }

    @SafeVarargs
    private TreeItem<ExplorerItem> group(ExplorerItem.Kind kind, String key, TreeItem<ExplorerItem>... children) {
        TreeItem<ExplorerItem> g = new TreeItem<>(new ExplorerItem(kind, text(key)));
        g.getChildren().addAll(children);
        g.setExpanded(true);
        return g;
    }

    private String displayName(Project p) {
        return p.name() == null || p.name().isBlank() ? session.document().file().getFileName().toString() : p.name();
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
