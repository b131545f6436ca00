package org.brainfx.app.workbench;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.engine.project.Project;
import org.controlsfx.control.PropertySheet;

/**
 * One row of the property sheet: a value read from the open project, and, when editable, an
 * edit of the project that the document records for undo. A value the edit refuses (it throws
 * {@link IllegalArgumentException}) is reported and leaves the project as it was.
 */
final class ProjectPropertyItem implements PropertySheet.Item {

    private final ProjectDocument document;
    private final String category;
    private final String name;
    private final String description;
    private final Class<?> type;
    private final Function<Project, Object> getter;
    private final BiFunction<Project, Object, Project> setter;
    private final Consumer<String> refused;

    ProjectPropertyItem(ProjectDocument document, String category, String name, String description, Class<?> type,
                        Function<Project, Object> getter, BiFunction<Project, Object, Project> setter,
                        Consumer<String> refused) {
        this.document = document;
        this.category = category;
        this.name = name;
        this.description = description;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
        this.refused = refused;
    }

    @Override
    public Class<?> getType() {
        return type;
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
        return getter.apply(document.project());
    }

    @Override
    public void setValue(Object value) {
        if (setter == null || Objects.equals(value, getValue())) {
            return;
        }
        try {
            Project changed = setter.apply(document.project(), value);
            document.edit("Change " + name, p -> changed);
        } catch (IllegalArgumentException e) {
            refused.accept(name + ": " + e.getMessage());
        }
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
