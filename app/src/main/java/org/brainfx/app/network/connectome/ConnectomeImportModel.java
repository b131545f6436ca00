package org.brainfx.app.network.connectome;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeException;
import org.brainfx.engine.data.connectome.ConnectomeOptions;
import org.brainfx.engine.data.connectome.Connectomes;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.brainfx.engine.data.connectome.EdgeTypeMapping;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.NeuronRef;
import org.brainfx.engine.net.connectome.ConnectomeMapping;
import org.brainfx.engine.net.connectome.ConnectomeProjects;
import org.brainfx.engine.net.connectome.NeuronMapping;
import org.brainfx.engine.net.connectome.NeuronNetworks;

/**
 * The state of File → Import connectome…: the file and reader options, the read (in the background,
 * cancellable; a late result of a cancelled or replaced read is dropped), the preview, the
 * populations with their signs, the neuron model and weights, and the network project it writes.
 * Observable state changes on the UI thread only.
 */
public final class ConnectomeImportModel {

    /** Where the import is. */
    public enum State { EMPTY, READING, PREVIEW, FAILED, CREATING }

    /** The heatmap choice that sums every layer. */
    public static final String ALL_LAYERS = "";

    /** The heatmap's largest side in pixels: one pixel per node up to this many nodes. */
    static final int HEATMAP_PIXELS = 800;

    private final ResourceBundle messages;
    private final Executor background;
    private final UiExecutor ui;
    private final ConnectomeReader reader;

    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final StringProperty labels = new SimpleStringProperty(this, "labels", "");
    private final StringProperty attributes = new SimpleStringProperty(this, "attributes", "");
    private final StringProperty edgeTypes = new SimpleStringProperty(this, "edgeTypes", "");
    private final ObjectProperty<ConnectomeOptions.Duplicates> duplicates =
            new SimpleObjectProperty<>(this, "duplicates", ConnectomeOptions.Duplicates.SUM);
    private final ObjectProperty<ConnectomeOptions.SelfLoops> selfLoops =
            new SimpleObjectProperty<>(this, "selfLoops", ConnectomeOptions.SelfLoops.KEEP);
    private final ObjectProperty<ConnectomeOptions.Rows> rows =
            new SimpleObjectProperty<>(this, "rows", ConnectomeOptions.Rows.AUTO);
    private final BooleanProperty signed = new SimpleBooleanProperty(this, "signed");
    private final ObjectProperty<TableFormat.Separator> separator =
            new SimpleObjectProperty<>(this, "separator", TableFormat.Separator.AUTO);
    private final ObjectProperty<TableFormat.Header> header =
            new SimpleObjectProperty<>(this, "header", TableFormat.Header.AUTO);

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.EMPTY);
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<ConnectomePreview> preview = new SimpleObjectProperty<>(this, "preview");
    private final ObservableList<PopulationGrouping> groupings = FXCollections.observableArrayList();
    private final ObjectProperty<PopulationGrouping> grouping = new SimpleObjectProperty<>(this, "grouping");
    private final ObservableList<PopulationRow> populations = FXCollections.observableArrayList();
    private final ObjectProperty<AdjacencyHeatmap> heatmap = new SimpleObjectProperty<>(this, "heatmap");
    private final ObjectProperty<Image> heatmapImage = new SimpleObjectProperty<>(this, "heatmapImage");
    private final ObservableList<String> layers = FXCollections.observableArrayList();
    private final StringProperty heatmapLayer = new SimpleStringProperty(this, "heatmapLayer", ALL_LAYERS);

    private final StringProperty model = new SimpleStringProperty(this, "model", "lif");
    private final StringProperty weightScale = new SimpleStringProperty(this, "weightScale", "0.5");
    private final StringProperty gapScale = new SimpleStringProperty(this, "gapScale", "0.01");
    private final StringProperty projectFile = new SimpleStringProperty(this, "projectFile", "");

    // Bumped by every read, cancel and regrouping: a background result of an older one is dropped.
    private long generation;
    private FutureTask<?> running;
    private String[] assignment;
    // The file and options of the preview shown: the project must read the file as the preview did.
    private List<Object> previewed;
    private boolean applyingRead;

    /** An import reading with the engine's readers. */
    public ConnectomeImportModel(ResourceBundle messages, Executor background, UiExecutor ui) {
        this(messages, background, ui, Connectomes::read);
    }

    /** An import reading through {@code reader} (tests slow it down or make it fail). */
    public ConnectomeImportModel(ResourceBundle messages, Executor background, UiExecutor ui, ConnectomeReader reader) {
        this.messages = messages;
        this.background = background;
        this.ui = ui;
        this.reader = reader;
        grouping.addListener((obs, old, now) -> regroup());
        heatmapLayer.addListener((obs, old, now) -> regroup());
    }

    /** The connectome file. */
    public StringProperty file() {
        return file;
    }

    /** A labels file (one per node), or "". */
    public StringProperty labels() {
        return labels;
    }

    /** A node attribute table (cell type, transmitter, …), or "". */
    public StringProperty attributes() {
        return attributes;
    }

    /** How typed rows become layers, e.g. {@code chemical=S+Sp,electrical=EJ:symmetric}; "" for the file's default. */
    public StringProperty edgeTypes() {
        return edgeTypes;
    }

    /** Repeated edges summed or refused. */
    public ObjectProperty<ConnectomeOptions.Duplicates> duplicates() {
        return duplicates;
    }

    /** Self-loops kept or dropped. */
    public ObjectProperty<ConnectomeOptions.SelfLoops> selfLoops() {
        return selfLoops;
    }

    /** What a matrix row is. */
    public ObjectProperty<ConnectomeOptions.Rows> rows() {
        return rows;
    }

    /** Negative weights accepted. */
    public BooleanProperty signed() {
        return signed;
    }

    /** The separator of a text file's fields. */
    public ObjectProperty<TableFormat.Separator> separator() {
        return separator;
    }

    /** Whether a text file's first row is a header. */
    public ObjectProperty<TableFormat.Header> header() {
        return header;
    }

    /** Where the import is. */
    public ObjectProperty<State> state() {
        return state;
    }

    /** What went wrong (file, line and fix), or "". */
    public StringProperty error() {
        return error;
    }

    /** What is happening now, or what was read. */
    public StringProperty status() {
        return status;
    }

    /** The figures of the connectome read, or null. */
    public ObjectProperty<ConnectomePreview> preview() {
        return preview;
    }

    /** The ways to group the neurons read. */
    public ObservableList<PopulationGrouping> groupings() {
        return groupings;
    }

    /** The chosen way to group them. */
    public ObjectProperty<PopulationGrouping> grouping() {
        return grouping;
    }

    /** The populations of the chosen grouping, with their signs. */
    public ObservableList<PopulationRow> populations() {
        return populations;
    }

    /** The adjacency picture sorted by population, or null. */
    public ObjectProperty<AdjacencyHeatmap> heatmap() {
        return heatmap;
    }

    /** The heatmap as an image, filled off the UI thread (copying 640 000 pixels there cost a cold JVM ~100 ms). */
    public ObjectProperty<Image> heatmapImage() {
        return heatmapImage;
    }

    /** The layers of the connectome read: {@link #ALL_LAYERS} and each layer's name. */
    public ObservableList<String> layers() {
        return layers;
    }

    /** The layer the heatmap shows, or {@link #ALL_LAYERS} for their sum. */
    public StringProperty heatmapLayer() {
        return heatmapLayer;
    }

    /** The built-in neuron model of every population. */
    public StringProperty model() {
        return model;
    }

    /** The built-in models to choose from. */
    public List<String> models() {
        return ModelLibrary.names();
    }

    /** Weight per synapse counted, in the model input's unit. */
    public StringProperty weightScale() {
        return weightScale;
    }

    /** Conductance per gap junction counted (0: gap junctions left out). */
    public StringProperty gapScale() {
        return gapScale;
    }

    /** The network project file to write. */
    public StringProperty projectFile() {
        return projectFile;
    }

    /** The unit of the chosen model's input, or "". */
    public String inputUnit() {
        try {
            var inputs = ModelLibrary.get(model.get()).inputs();
            return inputs.isEmpty() ? "" : inputs.get(0).unit();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Reads the file with the options in the background; the preview replaces the last one when it arrives. */
    public void read() {
        cancelRunning();
        long g = ++generation;
        error.set("");
        Path path;
        ConnectomeOptions options;
        try {
            path = path(file.get(), "connectome.import.file");
            options = options();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        List<Object> settings = readSettings();
        preview.set(null);
        previewed = null;
        layers.clear();
        heatmap.set(null);
        heatmapImage.set(null);
        populations.clear();
        groupings.clear();
        state.set(State.READING);
        status.set(MessageFormat.format(text("connectome.import.reading"), path.getFileName()));
        start(() -> {
            long t0 = System.nanoTime();
            Connectome c;
            try {
                c = reader.read(path, options);
            } catch (ConnectomeException e) {
                ui.execute(() -> failed(g, e.getMessage()));
                return;
            } catch (RuntimeException e) {
                ui.execute(() -> failed(g, path + ": " + e.getMessage()));
                return;
            } catch (OutOfMemoryError e) {
                ui.execute(() -> failed(g, MessageFormat.format(text("connectome.import.memory"), path)));
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            ConnectomePreview p = ConnectomePreview.of(c, (System.nanoTime() - t0) / 1e6);
            List<PopulationGrouping> choices = PopulationGrouping.choices(c);
            Grouped grouped = group(c, choices.get(0), ALL_LAYERS);
            List<String> layerChoices = new ArrayList<>();
            layerChoices.add(ALL_LAYERS);
            c.layers().forEach(l -> layerChoices.add(l.name()));
            ui.execute(() -> {
                if (g != generation) {
                    return;
                }
                running = null;
                previewed = settings;
                preview.set(p);
                groupings.setAll(choices);
                // The first grouping was applied in the background already: shown as is, not computed again.
                applyingRead = true;
                grouping.set(choices.get(0));
                layers.setAll(layerChoices);
                heatmapLayer.set(ALL_LAYERS);
                applyingRead = false;
                show(grouped);
                if (projectFile.get().isBlank()) {
                    projectFile.set(defaultProject(path).toString());
                }
                state.set(State.PREVIEW);
                status.set(MessageFormat.format(text("connectome.import.read"), path.getFileName(),
                        p.summary().nodes(), p.summary().edges(), Math.round(p.readMillis())));
            });
        });
    }

    /**
     * Stops the read under way (its late result is dropped); the dialog shows what it showed before.
     * Writing a project is not cancelled: it is short, and stopping it half-way would leave half a project.
     */
    public void cancel() {
        if (state.get() != State.READING) {
            return;
        }
        cancelRunning();
        generation++;
        state.set(State.EMPTY);
        status.set(text("connectome.import.cancelled"));
    }

    /**
     * Why the network cannot be created now, or "" when it can: the figures must be read and the
     * settings valid.
     */
    public String createProblem() {
        if (preview.get() == null || state.get() != State.PREVIEW) {
            return text("connectome.import.problem.noPreview");
        }
        if (!readSettings().equals(previewed)) {
            return text("connectome.import.problem.changed");
        }
        if (rows.get() != ConnectomeOptions.Rows.AUTO || signed.get()) {
            return text("connectome.import.problem.options");
        }
        if (!ModelLibrary.names().contains(model.get())) {
            return MessageFormat.format(text("connectome.import.problem.model"), model.get());
        }
        try {
            number(weightScale.get(), "connectome.import.weightScale", false);
            number(gapScale.get(), "connectome.import.gapScale", true);
            Path p = path(projectFile.get(), "connectome.import.project");
            if (!p.getFileName().toString().endsWith(".brainfx.json")) {
                return MessageFormat.format(text("connectome.import.problem.projectName"), p.getFileName());
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "";
    }

    /**
     * Writes the network project in the background and hands its file to {@code opened}; a problem
     * (settings, or the engine refusing the mapping or the folder) is shown as the error instead.
     */
    public void create(Consumer<Path> opened) {
        String problem = createProblem();
        if (!problem.isEmpty()) {
            error.set(problem);
            return;
        }
        Path project = Path.of(projectFile.get().strip()).toAbsolutePath().normalize();
        NeuronMapping mapping = mapping(project.getParent());
        String name = project.getFileName().toString().replace(".brainfx.json", "");
        ConnectomePreview p = preview.get();
        String description = MessageFormat.format(text("connectome.import.description"),
                Path.of(p.connectome().source()).getFileName(), p.summary().nodes(), p.summary().edges());
        long g = ++generation;
        error.set("");
        state.set(State.CREATING);
        status.set(MessageFormat.format(text("connectome.import.writing"), project));
        start(() -> {
            try {
                Files.createDirectories(project.getParent());
                ConnectomeProjects.write(project, name, description, ConnectomeMapping.of(mapping));
            } catch (IOException | NetworkException e) {
                // A file system refusal's message is only the path: say what it means and what to do.
                String reason = e instanceof AccessDeniedException ? MessageFormat.format(text("connectome.import.create.denied"), e.getMessage()) : e.getMessage();
                ui.execute(() -> {
                    if (g == generation) {
                        running = null;
                        state.set(State.PREVIEW);
                        error.set(MessageFormat.format(text("connectome.import.create.failed"), project, reason));
                    }
                });
                return;
            }
            ui.execute(() -> {
                if (g == generation) {
                    running = null;
                    state.set(State.PREVIEW);
                    status.set(MessageFormat.format(text("connectome.import.written"), project));
                    opened.accept(project);
                }
            });
        });
    }

    /** The file and reader options as set now, to compare with those of the preview. */
    private List<Object> readSettings() {
        return List.of(file.get().strip(), labels.get().strip(), attributes.get().strip(), edgeTypes.get().strip(),
                duplicates.get(), selfLoops.get(), rows.get(), signed.get(), separator.get(), header.get());
    }

    /** The reader settings whose change makes the preview stale. */
    public List<Observable> readerSettings() {
        return List.of(file, labels, attributes, edgeTypes, duplicates, selfLoops, rows, signed, separator, header);
    }

    /** The mapping the project keeps, file names relative to {@code projectDir} where they can be. */
    NeuronMapping mapping(Path projectDir) {
        PopulationGrouping g = grouping.get();
        Map<String, Double> signs = new LinkedHashMap<>();
        for (PopulationRow row : populations) {
            signs.put(row.name(), row.sign().get().value());
        }
        return new NeuronMapping(relative(file.get(), projectDir), optionalRelative(labels.get(), projectDir),
                optionalRelative(attributes.get(), projectDir), edgeTypes.get().isBlank() ? null : edgeTypes.get().strip(),
                selfLoops.get() == ConnectomeOptions.SelfLoops.DROP, g.attribute(), g.groups(), g.otherGroup(), signs,
                NeuronRef.builtin(model.get()), null, number(weightScale.get(), "connectome.import.weightScale", false),
                null, number(gapScale.get(), "connectome.import.gapScale", true), null, null, null, null, 0.1, 1000.0,
                1L, separator.get().character() == null ? null : separator.get().character().toString(),
                header.get().value());
    }

    /** Applies the chosen grouping and heatmap layer to the connectome read, in the background. */
    private void regroup() {
        PopulationGrouping g = grouping.get();
        if (g == null || preview.get() == null || applyingRead) {
            return;
        }
        Connectome c = preview.get().connectome();
        String layer = heatmapLayer.get();
        long gen = ++generation;
        start(() -> {
            try {
                Grouped grouped = group(c, g, layer);
                ui.execute(() -> {
                    if (gen == generation) {
                        show(grouped);
                    }
                });
            } catch (NetworkException e) {
                ui.execute(() -> {
                    if (gen == generation) {
                        error.set(e.getMessage());
                    }
                });
            }
        });
    }

    /** A grouping applied: each node's population, the rows and the sorted picture. */
    private record Grouped(String[] assignment, List<PopulationRow> rows, AdjacencyHeatmap heatmap, Image image) { }

    private static Grouped group(Connectome c, PopulationGrouping g, String layer) {
        NeuronMapping m = new NeuronMapping(c.source(), null, null, null, null, g.attribute(), g.groups(), g.otherGroup(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        String[] assignment = NeuronNetworks.groups(m, c);
        List<String> names = NeuronNetworks.populations(m, assignment);
        Map<String, SignDefaults.Suggestion> signs = SignDefaults.suggest(g, names, assignment, c.attributes());
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String a : assignment) {
            sizes.merge(a, 1, Integer::sum);
        }
        List<PopulationRow> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new PopulationRow(name, sizes.get(name), signs.get(name)));
        }
        List<EdgeLayer> shown = layer == null || layer.equals(ALL_LAYERS) || c.layer(layer) == null ? c.layers()
                : List.of(c.layer(layer));
        AdjacencyHeatmap h = AdjacencyHeatmap.of(c.nodeCount(), shown, assignment, names, HEATMAP_PIXELS);
        // An image not yet shown may be written on any thread.
        WritableImage image = new WritableImage(h.size(), h.size());
        image.getPixelWriter().setPixels(0, 0, h.size(), h.size(), PixelFormat.getIntArgbInstance(), h.argb(), 0, h.size());
        return new Grouped(assignment, rows, h, image);
    }

    private void show(Grouped grouped) {
        assignment = grouped.assignment();
        populations.setAll(grouped.rows());
        heatmap.set(grouped.heatmap());
        heatmapImage.set(grouped.image());
    }

    /** Each node's population under the shown grouping (null before a preview). */
    String[] assignment() {
        return assignment;
    }

    private void failed(long g, String message) {
        if (g != generation) {
            return;
        }
        running = null;
        fail(message);
    }

    private void fail(String message) {
        state.set(State.FAILED);
        status.set(text("connectome.import.failed"));
        error.set(message);
    }

    private void start(Runnable work) {
        FutureTask<Void> task = new FutureTask<>(work, null);
        running = task;
        background.execute(task);
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel(true);
            running = null;
        }
    }

    private ConnectomeOptions options() {
        ConnectomeOptions o = ConnectomeOptions.DEFAULT.withDuplicates(duplicates.get()).withSelfLoops(selfLoops.get())
                .withRows(rows.get()).withSignedWeights(signed.get()).withDelimiter(separator.get().character())
                .withHeader(header.get().value());
        if (!labels.get().isBlank()) {
            o = o.withLabels(path(labels.get(), "connectome.import.labels"));
        }
        if (!attributes.get().isBlank()) {
            o = o.withNodeAttributes(path(attributes.get(), "connectome.import.attributes"));
        }
        if (!edgeTypes.get().isBlank()) {
            try {
                o = o.withMapping(EdgeTypeMapping.parse(edgeTypes.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(text("connectome.import.edgeTypes") + ": " + e.getMessage(), e);
            }
        }
        return o;
    }

    private Path path(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(MessageFormat.format(text("connectome.import.problem.missing"),
                    text(field)));
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(text(field) + ": " + e.getMessage(), e);
        }
    }

    private double number(String text, String field, boolean zeroAllowed) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(MessageFormat.format(text("connectome.import.problem.number"),
                    text(field), text), e);
        }
        if (!Double.isFinite(v) || v < 0 || (v == 0 && !zeroAllowed)) {
            throw new IllegalArgumentException(MessageFormat.format(text(zeroAllowed
                    ? "connectome.import.problem.nonNegative" : "connectome.import.problem.positive"), text(field), text));
        }
        return v;
    }

    /** A network project in a folder of its own beside the connectome: {@code NAME-network/NAME-network.brainfx.json}. */
    static Path defaultProject(Path connectome) {
        String stem = connectome.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path dir = connectome.toAbsolutePath().normalize().getParent();
        return dir.resolve(stem + "-network").resolve(stem + "-network.brainfx.json");
    }

    private static String relative(String file, Path dir) {
        Path p = Path.of(file.strip()).toAbsolutePath().normalize();
        try {
            return dir.relativize(p).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            // Another drive or root: the absolute path is the only name that finds it.
            return p.toString();
        }
    }

    private static String optionalRelative(String file, Path dir) {
        return file == null || file.isBlank() ? null : relative(file, dir);
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
