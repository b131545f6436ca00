package org.brainfx.app.modelview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;

/**
 * The model view's state: the built-in library, the equation editor's text with its parse and
 * unit check, and the parameter table; every change to the project goes through
 * {@link ProjectDocument#edit} so that it can be undone.
 *
 * <p>Edited text reaches the project only through {@link #apply()}, which stores it as an inline
 * model after checking it again; text that does not parse or check never does. Use on the UI thread.
 */
public final class ModelViewModel {

    /**
     * Where the project's model was read from, its text, its spec (null when the text does not
     * parse) and why it could not be read at all (null when it could).
     */
    private record LoadedModel(Project.ModelRef ref, String text, ModelSpec spec, String unreadable) { }

    private final ProjectSession session;
    private final ProjectDocument document;
    private final ResourceBundle messages;
    private final UiExecutor ui;
    private final Executor background;

    private final ObservableList<LibraryModel> library = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper libraryProblem = new ReadOnlyStringWrapper(this, "libraryProblem", "");
    private final ReadOnlyObjectWrapper<LibraryModel> selectedLibraryModel = new ReadOnlyObjectWrapper<>(this, "selectedLibraryModel");

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper baselineText = new ReadOnlyStringWrapper(this, "baselineText", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyObjectWrapper<ModelDiagnostic> diagnostic = new ReadOnlyObjectWrapper<>(this, "diagnostic");
    private final ReadOnlyObjectWrapper<List<ModelDiagnostic>> diagnostics =
            new ReadOnlyObjectWrapper<>(this, "diagnostics", List.of());
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyStringWrapper checkedText = new ReadOnlyStringWrapper(this, "checkedText");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper staleNames = new ReadOnlyStringWrapper(this, "staleNames", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final BooleanBinding modified;
    private final BooleanBinding selectedIsInUse;
    private final BooleanBinding canApply;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper modelFile = new ReadOnlyStringWrapper(this, "modelFile", "");
    private final BooleanBinding canSaveFile;

    private final ParameterTableModel parameterTable;

    private LoadedModel current;
    private boolean ownEdit;
    private Project.ModelRef loadingRef;
    private long loadGeneration;
    private long checkGeneration;

    /**
     * A view-model of the session's project.
     *
     * @param session    the open project; edits go through its document
     * @param messages   the workbench's strings
     * @param ui         where observable state changes ({@link UiExecutor#direct()} in tests)
     * @param background where model files are read and text is checked (a synchronous executor in tests)
     */
    public ModelViewModel(ProjectSession session, ResourceBundle messages, UiExecutor ui, Executor background) {
        this.session = session;
        this.document = session.document();
        this.messages = messages;
        this.ui = ui;
        this.background = background;
        this.parameterTable = new ParameterTableModel(document, messages, this::edit);
        modified = Bindings.createBooleanBinding(() -> loaded.get() && !text.get().equals(baselineText.get()),
                text, baselineText, loaded);
        canApply = Bindings.createBooleanBinding(() -> modified.get() && !checking.get() && diagnostic.get() == null
                && text.get().equals(checkedText.get()), modified, checking, diagnostic, checkedText, text);
        canSaveFile = Bindings.createBooleanBinding(() -> canApply.get() && !modelFile.get().isEmpty() && !saving.get(),
                canApply, modelFile, saving);
        selectedIsInUse = Bindings.createBooleanBinding(() -> selectedLibraryModel.get() != null
                && document.project().model() != null
                && selectedLibraryModel.get().name().equals(document.project().model().builtin()),
                selectedLibraryModel, document.projectProperty());
        text.addListener((obs, old, now) -> {
            if (!now.equals(checkedText.get())) {
                checking.set(true);
            }
        });
        document.projectProperty().addListener((obs, old, now) -> projectChanged(now));
        loadLibrary();
        projectChanged(document.project());
    }

    // ---- library ----

    /** The built-in models, once read. */
    public ObservableList<LibraryModel> library() {
        return library;
    }

    /** Why the library could not be read ("" when it could). */
    public ReadOnlyStringProperty libraryProblemProperty() {
        return libraryProblem.getReadOnlyProperty();
    }

    /** The library model whose text is shown, or null. */
    public ReadOnlyObjectProperty<LibraryModel> selectedLibraryModelProperty() {
        return selectedLibraryModel.getReadOnlyProperty();
    }

    /** True when the project already uses the selected library model, unedited. */
    public BooleanBinding selectedIsInUseProperty() {
        return selectedIsInUse;
    }

    /** Shows a library model's text (read-only). */
    public void selectLibraryModel(LibraryModel model) {
        selectedLibraryModel.set(model);
    }

    /**
     * What using {@code model} in the project would drop from it, in words; empty when nothing.
     */
    public List<String> useConsequences(LibraryModel model) {
        return describe(ProjectModelEdits.replaceModel(document.project(), libraryRef(model), model.spec()).dropped());
    }

    /** Makes the project use the built-in model (undoable), dropping what the model cannot take. */
    public void useInProject(LibraryModel model) {
        Project.ModelRef ref = libraryRef(model);
        List<String> dropped = useConsequences(model);
        edit(format("modelview.edit.use", model.name()), p -> ProjectModelEdits.replaceModel(p, ref, model.spec()).project());
        notice.set(dropped.isEmpty() ? format("modelview.notice.used", model.name())
                : format("modelview.notice.usedDropped", model.name(), String.join("; ", dropped)));
    }

    private Project.ModelRef libraryRef(LibraryModel model) {
        Project.ModelRef old = document.project().model();
        return new Project.ModelRef(model.name(), null, null, old == null ? null : old.detachReset(),
                old == null ? null : old.surrogate());
    }

    // ---- editor ----

    /** The editor's text; set by every keystroke. */
    public StringProperty textProperty() {
        return text;
    }

    /** The project's model as text: what {@link #revert()} goes back to. */
    public ReadOnlyStringProperty baselineTextProperty() {
        return baselineText.getReadOnlyProperty();
    }

    /** Where the project's model comes from and what Apply does with edits, in words. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The (first) problem in the last checked text, or null when it parsed and its units agree. */
    public ReadOnlyObjectProperty<ModelDiagnostic> diagnosticProperty() {
        return diagnostic.getReadOnlyProperty();
    }

    /** Every problem found in the last checked text, in text order; empty when there is none. */
    public ReadOnlyObjectProperty<List<ModelDiagnostic>> diagnosticsProperty() {
        return diagnostics.getReadOnlyProperty();
    }

    /** Shows {@code problems} (empty: none) as the text's diagnostics. */
    private void showProblems(List<ModelDiagnostic> problems) {
        diagnostics.set(problems);
        diagnostic.set(problems.isEmpty() ? null : problems.get(0));
    }

    /** True from a keystroke until the check of the newest text is in. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The text the diagnostic belongs to (null before the first check). */
    public ReadOnlyStringProperty checkedTextProperty() {
        return checkedText.getReadOnlyProperty();
    }

    /** True when the text differs from the project's model. */
    public BooleanBinding modifiedProperty() {
        return modified;
    }

    /** True when the text differs from the project's model, and parses and checks. */
    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    /** What the last action did or dropped ("" for nothing to say). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the project as it is cannot be resolved ("" when it can), from the session. */
    public ReadOnlyStringProperty projectProblemProperty() {
        return session.errorProperty();
    }

    /** Parses and unit-checks the current text in the background; a newer check overrides an older one. */
    public void check() {
        String t = text.get();
        long mine = ++checkGeneration;
        checking.set(true);
        background.execute(() -> {
            List<ModelDiagnostic> problems = problemsIn(t);
            ui.execute(() -> {
                if (mine != checkGeneration) {
                    return;
                }
                showProblems(problems);
                checkedText.set(t);
                checking.set(!t.equals(text.get()));
            });
        });
    }

    /** What applying the text would drop from the project, in words; empty when nothing (or when it does not check). */
    public List<String> applyConsequences() {
        try {
            ModelSpec spec = ModelText.check(text.get()).spec();
            return describe(ProjectModelEdits.replaceModel(document.project(), inlineRef(spec, null), spec).dropped());
        } catch (ModelException e) {
            return List.of();
        }
    }

    /**
     * Stores the text in the project as an inline model (undoable), after checking it once more;
     * text that does not parse or check is refused with its diagnostic.
     */
    public void apply() {
        String t = text.get();
        ModelSpec spec;
        try {
            spec = ModelText.check(t).spec();
        } catch (ModelException e) {
            showProblems(ModelDiagnostic.allOf(e));
            checkedText.set(t);
            return;
        }
        Project.ModelRef ref = inlineRef(spec, t);
        List<String> dropped = applyConsequences();
        edit(text("modelview.edit.apply"), p -> ProjectModelEdits.replaceModel(p, ref, spec).project());
        if (Objects.equals(current.ref(), document.project().model())) {
            // The project did not change (the same text applied again): the text as typed is the baseline.
            baselineText.set(t);
        }
        notice.set(dropped.isEmpty() ? text("modelview.notice.applied")
                : format("modelview.notice.appliedDropped", String.join("; ", dropped)));
    }

    /**
     * Writes the text to the project's {@code .model} file (atomically, the previous version kept
     * as {@code .bak}) after checking it once more, drops from the project the names the saved
     * model no longer has (an undoable edit), and resolves the project again. Undo does not
     * change the file. Only for a project whose model is a file.
     */
    public void saveFile() {
        String t = text.get();
        Project.ModelRef ref = document.project().model();
        if (ref == null || ref.file() == null) {
            return;
        }
        ModelSpec spec;
        try {
            spec = ModelText.check(t).spec();
        } catch (ModelException e) {
            showProblems(ModelDiagnostic.allOf(e));
            checkedText.set(t);
            return;
        }
        Path file = document.folder().resolve(ref.file());
        saving.set(true);
        background.execute(() -> {
            String failure = null;
            try {
                ProjectFiles.writeAtomically(file, t);
            } catch (RuntimeException e) {
                failure = String.valueOf(e.getMessage());
            }
            String f = failure;
            ui.execute(() -> fileSaved(ref, t, spec, f));
        });
    }

    private void fileSaved(Project.ModelRef ref, String t, ModelSpec spec, String failure) {
        saving.set(false);
        if (failure != null) {
            notice.set(format("modelview.notice.saveFailed", ref.file(), failure));
            return;
        }
        List<String> dropped = describe(ProjectModelEdits.replaceModel(document.project(), ref, spec).dropped());
        Project before = document.project();
        if (Objects.equals(before.model(), ref)) {
            current = new LoadedModel(ref, t, spec, null);
            baselineText.set(t);
            parameterTable.show(spec);
            refreshStale();
            edit(format("modelview.edit.saveFile", ref.file()), p -> ProjectModelEdits.replaceModel(p, ref, spec).project());
        }
        if (document.project() == before) {
            // The project value is unchanged, so only a refresh makes the session read the new file.
            session.refresh();
        }
        notice.set(dropped.isEmpty() ? format("modelview.notice.saved", ref.file())
                : format("modelview.notice.savedDropped", ref.file(), String.join("; ", dropped)));
    }

    /** The project's {@code .model} file as the project names it, which {@link #saveFile()} writes ("" when the model is no file). */
    public ReadOnlyStringProperty modelFileProperty() {
        return modelFile.getReadOnlyProperty();
    }

    /** True when the text can be saved to the project's model file: it differs, parses and checks. */
    public BooleanBinding canSaveFileProperty() {
        return canSaveFile;
    }

    /** Throws away the edits: the text becomes the project's model again. */
    public void revert() {
        text.set(baselineText.get());
        check();
    }

    /** An inline reference to {@code spec}, keeping {@code typed} (null: none) for the editor. */
    private Project.ModelRef inlineRef(ModelSpec spec, String typed) {
        Project.ModelRef old = document.project().model();
        return new Project.ModelRef(null, null, spec, old == null ? null : old.detachReset(),
                old == null ? null : old.surrogate(), typed);
    }

    private static List<ModelDiagnostic> problemsIn(String t) {
        try {
            ModelText.check(t);
            return List.of();
        } catch (ModelException e) {
            return ModelDiagnostic.allOf(e);
        } catch (RuntimeException e) {
            // A checker bug must still reach the user, at no particular place.
            return List.of(new ModelDiagnostic(0, 0, String.valueOf(e)));
        }
    }

    /** The names the project refers to but its model lacks, in words ("" when none): why it cannot be resolved. */
    public ReadOnlyStringProperty staleNamesProperty() {
        return staleNames.getReadOnlyProperty();
    }

    /** Removes from the project every name its model lacks (undoable), so that it resolves again. */
    public void removeStaleNames() {
        ModelSpec spec = current == null ? null : current.spec();
        if (spec == null || staleNames.get().isEmpty()) {
            return;
        }
        String removed = staleNames.get();
        edit(text("modelview.edit.removeStale"), p -> ProjectModelEdits.replaceModel(p, p.model(), spec).project());
        notice.set(format("modelview.notice.removedStale", removed));
    }

    private void refreshStale() {
        ModelSpec spec = current == null ? null : current.spec();
        Project p = document.project();
        staleNames.set(spec == null ? ""
                : String.join("; ", describe(ProjectModelEdits.replaceModel(p, p.model(), spec).dropped())));
    }

    // ---- parameters ----

    /** The parameter table. */
    public ParameterTableModel parameterTable() {
        return parameterTable;
    }

    private void edit(String description, UnaryOperator<Project> change) {
        ownEdit = true;
        try {
            document.edit(description, change);
        } finally {
            ownEdit = false;
        }
    }

    // ---- loading the project's model ----

    private void projectChanged(Project project) {
        modelFile.set(project.model() == null || project.model().file() == null ? "" : project.model().file());
        if (!ownEdit) {
            // Undo, redo or another view changed the project: the last notice no longer describes it.
            notice.set("");
        }
        Project.ModelRef ref = project.model();
        if (current != null && Objects.equals(current.ref(), ref) || loadingRef != null && Objects.equals(loadingRef, ref)) {
            parameterTable.refresh();
            refreshStale();
            return;
        }
        long mine = ++loadGeneration;
        loadingRef = ref;
        if (ref != null && ref.builtin() == null && ref.file() == null && ref.spec() != null) {
            // An inline model needs no reading: show it at once, as typed when it was applied (the
            // project keeps the text, so undo, redo and reopening show the comments too).
            String typed = ref.textOfSpec();
            modelLoaded(mine, new LoadedModel(ref, typed != null ? typed : ModelText.format(ref.spec()), ref.spec(), null));
            return;
        }
        Path folder = document.folder();
        background.execute(() -> {
            LoadedModel model = load(ref, folder);
            ui.execute(() -> modelLoaded(mine, model));
        });
    }

    private LoadedModel load(Project.ModelRef ref, Path folder) {
        if (ref == null || ref.builtin() == null && ref.file() == null) {
            return new LoadedModel(ref, "", null, text("modelview.source.none"));
        }
        String t;
        try {
            t = ref.builtin() != null ? ModelLibrary.text(ref.builtin())
                    : Files.readString(folder.resolve(ref.file()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new LoadedModel(ref, "", null, format("modelview.source.unreadable", String.valueOf(e.getMessage())));
        }
        try {
            return new LoadedModel(ref, t, ModelText.parse(t), null);
        } catch (ModelException e) {
            // The editor shows the text and the check marks the problem, so the user can fix it there.
            return new LoadedModel(ref, t, null, null);
        }
    }

    private void modelLoaded(long generation, LoadedModel model) {
        if (generation != loadGeneration) {
            return;
        }
        loadingRef = null;
        current = model;
        parameterTable.show(model.spec());
        refreshStale();
        source.set(model.unreadable() == null ? describeSource(model.ref()) : model.unreadable());
        baselineText.set(model.text());
        text.set(model.text());
        loaded.set(true);
        check();
    }

    private String describeSource(Project.ModelRef ref) {
        if (ref == null || ref.builtin() == null && ref.file() == null && ref.spec() == null) {
            return text("modelview.source.none");
        }
        String origin;
        if (ref.builtin() != null) {
            origin = format("modelview.source.builtin", ref.builtin());
        } else if (ref.file() != null) {
            origin = format("modelview.source.file", ref.file());
        } else {
            origin = format("modelview.source.inline", ref.spec() == null ? "" : ref.spec().name());
        }
        List<String> overrides = new ArrayList<>();
        if (ref.detachReset() != null) {
            overrides.add(text(ref.detachReset() ? "modelview.source.detached" : "modelview.source.attached"));
        }
        if (ref.surrogate() != null) {
            overrides.add(format("modelview.source.surrogate", ref.surrogate().kind()));
        }
        return overrides.isEmpty() ? origin : origin + " " + format("modelview.source.overrides", String.join(", ", overrides));
    }

    private void loadLibrary() {
        background.execute(() -> {
            List<LibraryModel> models = new ArrayList<>();
            String problem = "";
            try {
                for (String name : ModelLibrary.names()) {
                    String t = ModelLibrary.text(name);
                    ModelSpec spec = ModelText.parse(t);
                    models.add(new LibraryModel(name, spec.description(), t, spec));
                }
            } catch (RuntimeException e) {
                problem = format("modelview.library.failed", String.valueOf(e.getMessage()));
            }
            String p = problem;
            ui.execute(() -> {
                library.setAll(models);
                libraryProblem.set(p);
                if (selectedLibraryModel.get() == null && !models.isEmpty()) {
                    // Start on the model the project uses, so the library opens where the user is.
                    Project.ModelRef ref = document.project().model();
                    String inUse = ref == null ? null : ref.builtin();
                    selectedLibraryModel.set(models.stream().filter(m -> m.name().equals(inUse)).findFirst()
                            .orElse(models.get(0)));
                }
            });
        });
    }

    private List<String> describe(List<ProjectModelEdits.Drop> dropped) {
        return dropped.stream().map(d -> format("modelview.drop." + d.kind().name(), d.name())).toList();
    }

    private String text(String key) {
        return messages.getString(key);
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(messages.getString(key), args);
    }
}
