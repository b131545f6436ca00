package org.brainfx.app.modelview;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;
import org.brainfx.engine.model.expr.ExprPrinter;

/**
 * The parameter table: value, unit, min, max and free per parameter, editable in place; a
 * rejected entry stays out of the project and its reason shows on the row.
 */
final class ParameterTableView {

    private static final PseudoClass READ_ONLY = PseudoClass.getPseudoClass("readonly");

    private final ParameterTableModel table;
    private final ResourceBundle messages;

    /** A view of {@code table}. */
    ParameterTableView(ParameterTableModel table, ResourceBundle messages) {
        this.table = table;
        this.messages = messages;
    }

    /** The table with its title and hint, as it goes into a layout. */
    VBox node() {
        Label title = new Label(text("modelview.params.title"));
        title.getStyleClass().add("pane-title");
        Label hint = new Label(text("modelview.params.hint"));
        hint.getStyleClass().add("placeholder-text");
        hint.setWrapText(true);

        TableView<ModelParameterRow> view = new TableView<>(table.rows());
        view.setId("modelview-parameters");
        view.setEditable(true);
        view.setPlaceholder(new Label(text("modelview.params.empty")));
        view.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ModelParameterRow, String> name = column("modelview.params.name", ModelParameterRow::name, 90);
        TableColumn<ModelParameterRow, String> value = editableColumn("modelview.params.value",
                r -> ExprPrinter.number(r.value()), table::editValue, false);
        TableColumn<ModelParameterRow, String> unit = column("modelview.params.unit",
                r -> r.unit() == null || r.unit().equals("1") ? "" : r.unit(), 60);
        TableColumn<ModelParameterRow, String> min = editableColumn("modelview.params.min",
                r -> r.lower() == null ? "-inf" : ExprPrinter.number(r.lower()), table::editLower, true);
        TableColumn<ModelParameterRow, String> max = editableColumn("modelview.params.max",
                r -> r.upper() == null ? "inf" : ExprPrinter.number(r.upper()), table::editUpper, true);
        TableColumn<ModelParameterRow, ModelParameterRow> free = new TableColumn<>(text("modelview.params.free"));
        free.setId("modelview-param-free");
        free.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        free.setCellFactory(c -> new FreeCell());
        free.setPrefWidth(50);
        free.setMinWidth(50);
        free.setSortable(false);
        TableColumn<ModelParameterRow, String> problem = column("modelview.params.problem", ModelParameterRow::problem, 280);
        problem.setCellFactory(c -> {
            TableCell<ModelParameterRow, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
                }
            };
            cell.getStyleClass().add("modelview-param-problem");
            return cell;
        });
        value.setId("modelview-param-value");
        min.setId("modelview-param-min");
        max.setId("modelview-param-max");
        view.getColumns().setAll(List.of(name, value, unit, min, max, free, problem));
        table.rows().addListener((ListChangeListener<ModelParameterRow>) c -> view.refresh());
        VBox.setVgrow(view, Priority.ALWAYS);
        VBox box = new VBox(6, title, hint, view);
        box.setPadding(new Insets(8, 12, 10, 12));
        return box;
    }

    private TableColumn<ModelParameterRow, String> column(String key, Function<ModelParameterRow, String> cell, double width) {
        TableColumn<ModelParameterRow, String> column = new TableColumn<>(text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(cell.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setEditable(false);
        return column;
    }

    /** A column whose cells take typed text; {@code onlyWhenFree}: cells of fixed parameters stay read-only. */
    private TableColumn<ModelParameterRow, String> editableColumn(String key, Function<ModelParameterRow, String> cell,
                                                                  BiConsumer<String, String> commit, boolean onlyWhenFree) {
        TableColumn<ModelParameterRow, String> column = column(key, cell, 90);
        column.setEditable(true);
        column.setCellFactory(c -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                ModelParameterRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && (!onlyWhenFree || row.free())) {
                    super.startEdit();
                }
            }

            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ModelParameterRow row = getTableRow() == null ? null : getTableRow().getItem();
                pseudoClassStateChanged(READ_ONLY,
                        onlyWhenFree && row != null && !row.free());
            }
        });
        column.setOnEditCommit(e -> {
            commit.accept(e.getRowValue().name(), e.getNewValue());
            e.getTableView().refresh();
        });
        return column;
    }

    /** The Free check box of one row: ticking it asks the view-model to free or fix the parameter. */
    private final class FreeCell extends TableCell<ModelParameterRow, ModelParameterRow> {
        private final CheckBox box = new CheckBox();

        FreeCell() {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setAlignment(Pos.CENTER);
            box.setOnAction(e -> {
                if (getItem() != null) {
                    table.setFree(getItem().name(), box.isSelected());
                }
            });
        }

        @Override
        protected void updateItem(ModelParameterRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                box.setSelected(item.free());
                box.setId("modelview-free-" + item.name());
                setGraphic(box);
            }
        }
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
