package org.brainfx.app.welcome;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.project.ResolvedProject;

/**
 * The welcome page's state: the sample projects as cards, the recently opened projects, and
 * what opening one of them does.
 */
public final class WelcomeViewModel {

    private final Path samplesFolder;
    private final RecentProjects recent;
    private final UiExecutor ui;
    private final ResourceBundle messages;
    private final ObservableList<SampleCard> samples = FXCollections.observableArrayList();
    private final ObservableMap<Path, SamplePreview> previews = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper previewsLoaded = new ReadOnlyBooleanWrapper(this, "previewsLoaded");
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper samplesLoaded = new ReadOnlyBooleanWrapper(this, "samplesLoaded");
    private Consumer<Path> opener = file -> { };

    /**
     * A welcome page model.
     *
     * @param samplesFolder where the sample projects are ({@link SampleCatalog#defaultFolder()})
     * @param recent        the remembered recent projects
     * @param ui            where observable state changes
     * @param messages      the workbench's strings
     */
    public WelcomeViewModel(Path samplesFolder, RecentProjects recent, UiExecutor ui, ResourceBundle messages) {
        this.samplesFolder = samplesFolder;
        this.recent = recent;
        this.ui = ui;
        this.messages = messages;
        refreshRecent();
    }

    /** The sample project cards, sorted by name; empty until {@link #loadSamples()} has run. */
    public ObservableList<SampleCard> samples() {
        return samples;
    }

    /** The recent projects that still exist, most recent first. */
    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }

    /** True once the samples folder has been scanned (even if it held none). */
    public ReadOnlyBooleanProperty samplesLoadedProperty() {
        return samplesLoaded.getReadOnlyProperty();
    }

    /** The folder the samples are looked for in. */
    public Path samplesFolder() {
        return samplesFolder;
    }

    /** What {@link #open(Path)} does with a project file (the workbench opens it). */
    public void setOpener(Consumer<Path> opener) {
        this.opener = opener;
    }

    /** Opens the project {@code file}. */
    public void open(Path file) {
        opener.accept(file);
    }

    /**
     * Scans the samples folder on the calling thread (it reads files) and publishes the cards on the
     * UI executor; then resolves each sample (reading its data, simulating a synthetic target) for
     * its picture, publishing each as it is ready.
     */
    public void loadSamples() {
        List<SampleCard> found;
        try {
            found = SampleCatalog.scan(samplesFolder);
        } catch (UncheckedIOException e) {
            found = List.of();
        }
        List<SampleCard> cards = found;
        ui.execute(() -> {
            samples.setAll(cards);
            samplesLoaded.set(true);
        });
        for (SampleCard card : cards) {
            if (card.kind() != SampleCard.Kind.NEURON) {
                continue;
            }
            try {
                SamplePreview preview = SamplePreview.of(ResolvedProject.load(card.file()));
                ui.execute(() -> previews.put(card.file(), preview));
            } catch (RuntimeException e) {
                // No picture for a sample that does not resolve; opening it reports why.
            }
        }
        ui.execute(() -> previewsLoaded.set(true));
    }

    /** True once every sample's picture has been made (or found impossible). */
    public ReadOnlyBooleanProperty previewsLoadedProperty() {
        return previewsLoaded.getReadOnlyProperty();
    }

    /** Each sample's picture by project file, filled in the background after the cards appear. */
    public ObservableMap<Path, SamplePreview> previews() {
        return previews;
    }

    /** Runs {@link #loadSamples()} as a background task; the cards appear when it ends. */
    public Task<Void> loadSamplesInBackground() {
        Task<Void> scan = new Task<>() {
            @Override
            protected Void call() {
                loadSamples();
                return null;
            }
        };
        return BackgroundTasks.submit(scan);
    }

    /** Remembers that {@code file} was opened, putting it first among the recent projects. */
    public void projectOpened(Path file) {
        recent.add(file);
        refreshRecent();
    }

    /** Rereads the recent projects, leaving out files that no longer exist. */
    public void refreshRecent() {
        recentProjects.setAll(recent.list().stream().filter(Files::isRegularFile).toList());
    }

    /** The card's line of facts: the model and, when known, the number of sweeps; what a network or training project holds. */
    public String details(SampleCard card) {
        if (card.kind() != SampleCard.Kind.NEURON) {
            return card.model();
        }
        return card.sweepCount().isPresent()
                ? MessageFormat.format(messages.getString("welcome.sample.details.sweeps"), card.model(),
                        card.sweepCount().getAsInt())
                : MessageFormat.format(messages.getString("welcome.sample.details"), card.model());
    }
}
