package org.brainfx.app.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Editors for the network property sheet: a text field committed on Enter or when it loses focus, a
 * choice, or a check box; a refused value leaves the row outlined red with the reason under it (no
 * dialog), and the document as it was.
 */
final class NetworkPropertyEditors implements Callback<PropertySheet.Item, PropertyEditor<?>> {

    private final DefaultPropertyEditorFactory fallback = new DefaultPropertyEditorFactory();
    private final List<RowEditor> live = new ArrayList<>();

    @Override
    public PropertyEditor<?> call(PropertySheet.Item item) {
        if (!(item instanceof NetworkPropertyItem row)) {
            return fallback.call(item);
        }
        RowEditor e = new RowEditor(row);
        live.add(e);
        return e;
    }

    /** Shows every row's value from the document again (after an edit or undo) and clears refusals. */
    void refreshAll() {
        live.forEach(RowEditor::refresh);
    }

    /** Forgets the editors of a sheet being rebuilt. */
    void clear() {
        live.clear();
    }

    /** A row's editor: the control, and under it the reason of the last refusal. */
    private static final class RowEditor implements PropertyEditor<Object> {
        private final NetworkPropertyItem item;
        private final VBox box = new VBox(2);
        private final Label error = new Label();
        private final Control control;
        private boolean updating;
        // Set while this row's own value is being applied: its refresh then shows the value as stored.
        private boolean committing;
        private String shownText = "";

        RowEditor(NetworkPropertyItem item) {
            this.item = item;
            error.getStyleClass().add("network-row-error");
            error.setId("net-prop-" + item.id() + "-error");
            error.setVisible(false);
            error.setManaged(false);
            error.setMaxWidth(Double.MAX_VALUE);
            control = switch (item.editor()) {
                case FLAG -> flag();
                case CHOICE -> choice();
                default -> text();
            };
            control.setId("net-prop-" + item.id());
            control.setMaxWidth(Double.MAX_VALUE);
            if (item.getDescription() != null) {
                control.setTooltip(new Tooltip(item.getDescription()));
            }
            box.getChildren().addAll(control, error);
            refresh();
        }

        private TextField text() {
            TextField f = new TextField();
            f.setEditable(item.editor() != NetworkPropertyItem.Editor.READ_ONLY);
            if (item.editor() == NetworkPropertyItem.Editor.READ_ONLY) {
                f.getStyleClass().add("network-row-read-only");
                f.setFocusTraversable(false);
            }
            if (item.prompt() != null) {
                f.setPromptText(item.prompt());
            }
            f.setOnAction(e -> commit(f.getText()));
            f.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    commit(f.getText());
                }
            });
            return f;
        }

        private ComboBox<String> choice() {
            ComboBox<String> c = new ComboBox<>();
            c.getItems().setAll(item.choices());
            c.valueProperty().addListener((o, was, now) -> {
                if (!updating && now != null) {
                    commit(now);
                }
            });
            return c;
        }

        private CheckBox flag() {
            CheckBox c = new CheckBox();
            c.selectedProperty().addListener((o, was, now) -> {
                if (!updating) {
                    commit(now);
                }
            });
            return c;
        }

        private void commit(Object value) {
            if (updating || item.editor() == NetworkPropertyItem.Editor.READ_ONLY || Objects.equals(value, shown())) {
                return;
            }
            committing = true;
            try {
                item.setValue(value);
                showRefusal(null);
            } catch (IllegalArgumentException e) {
                showRefusal(e.getMessage());
            } finally {
                committing = false;
            }
        }

        private String shown() {
            Object v = item.getValue();
            return v == null ? "" : v instanceof Boolean ? null : v.toString();
        }

        private void showRefusal(String reason) {
            boolean refused = reason != null;
            error.setText(refused ? reason : "");
            error.setVisible(refused);
            error.setManaged(refused);
            if (refused) {
                if (!control.getStyleClass().contains("network-row-refused")) {
                    control.getStyleClass().add("network-row-refused");
                }
            } else {
                control.getStyleClass().remove("network-row-refused");
            }
        }

        void refresh() {
            // A row being typed in keeps what is typed: another row's edit or an undo must not wipe it.
            if (control instanceof TextField f && f.isFocused() && !committing && !f.getText().equals(shownText)) {
                return;
            }
            updating = true;
            try {
                Object v = item.getValue();
                if (control instanceof TextField f) {
                    shownText = v == null ? "" : v.toString();
                    f.setText(shownText);
                } else if (control instanceof CheckBox c) {
                    c.setSelected(Boolean.TRUE.equals(v));
                } else if (control instanceof ComboBox<?> c) {
                    @SuppressWarnings("unchecked")
                    ComboBox<String> s = (ComboBox<String>) c;
                    s.setValue(v == null ? null : v.toString());
                }
                showRefusal(null);
            } finally {
                updating = false;
            }
        }

        @Override
        public Node getEditor() {
            return box;
        }

        @Override
        public Object getValue() {
            return item.getValue();
        }

        @Override
        public void setValue(Object value) {
            refresh();
        }
    }
}
