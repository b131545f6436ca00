package org.brainfx.app.network.connectome;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.brainfx.app.report.Numbers;
import org.brainfx.engine.data.connectome.ConnectomeOptions;
import org.brainfx.engine.data.connectome.ConnectomeSummary;

/**
 * The import dialog's content: file and reader options with Read and Cancel, a progress line, the
 * error of the file (file, line, fix) in place of a preview, the preview (the figures of
 * {@code brainfx inspect}, the adjacency matrix sorted by population, in- and out-degree
 * histograms), and the network settings (populations and signs, model, weights, project file) with
 * Create.
 */
public final class ConnectomeImportView {

    private final ConnectomeImportModel model;
    private final ResourceBundle messages;
    private final BorderPane root = new BorderPane();
    private final ImageView heatmapView = new ImageView();
    private final DegreeHistogramCanvas outHistogram = new DegreeHistogramCanvas();
    private final DegreeHistogramCanvas inHistogram = new DegreeHistogramCanvas();
    private final Label outAxis = new Label();
    private final Label inAxis = new Label();
    private final GridPane stats = new GridPane();
    private final Label createProblem = new Label();
    private final Button create = new Button();
    private Consumer<Path> opener = p -> { };

    /** The view of {@code model}; {@code owner} parents its file choosers. */
    public ConnectomeImportView(ConnectomeImportModel model, ResourceBundle messages, Window owner) {
        this.model = model;
        this.messages = messages;
        root.setId("connectome-import");
        root.getProperties().put(ConnectomeImportView.class, this);
        root.setPadding(new Insets(10));
        root.setTop(new VBox(8, options(owner), progress(), error()));
        root.setCenter(preview());
        root.setRight(settings(owner));
        heatmapView.imageProperty().bind(model.heatmapImage());
        model.preview().addListener((obs, old, now) -> showPreview(now));
        showPreview(model.preview().get());
    }

    /** The dialog's content. */
    public Parent root() {
        return root;
    }

    /** Where Create hands the written project file (the workbench opens it). */
    public void setOpener(Consumer<Path> opener) {
        this.opener = opener;
    }

    private Node options(Window owner) {
        TextField file = field("connectome-file", model.file(), "connectome.import.file.prompt");
        TextField labels = field("connectome-labels", model.labels(), "connectome.import.labels.prompt");
        TextField attributes = field("connectome-attributes", model.attributes(), "connectome.import.attributes.prompt");
        TextField edgeTypes = field("connectome-edge-types", model.edgeTypes(), "connectome.import.edgeTypes.prompt");
        Button read = new Button(text("connectome.import.read.button"));
        read.setId("connectome-read");
        read.setDefaultButton(true);
        read.setOnAction(e -> model.read());
        read.disableProperty().bind(model.state().isEqualTo(ConnectomeImportModel.State.READING)
                .or(model.state().isEqualTo(ConnectomeImportModel.State.CREATING)));
        Button cancel = new Button(text("connectome.import.cancel"));
        cancel.setId("connectome-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.state().isNotEqualTo(ConnectomeImportModel.State.READING));
        ComboBox<ConnectomeOptions.Duplicates> duplicates = choice("connectome-duplicates",
                ConnectomeOptions.Duplicates.values(), model.duplicates());
        ComboBox<ConnectomeOptions.SelfLoops> selfLoops = choice("connectome-self-loops",
                ConnectomeOptions.SelfLoops.values(), model.selfLoops());
        ComboBox<ConnectomeOptions.Rows> rows = choice("connectome-rows", ConnectomeOptions.Rows.values(), model.rows());
        ComboBox<TableFormat.Separator> separator = choice("connectome-separator", TableFormat.Separator.values(),
                model.separator());
        ComboBox<TableFormat.Header> header = choice("connectome-header", TableFormat.Header.values(), model.header());
        CheckBox signed = new CheckBox(text("connectome.import.signed"));
        signed.setId("connectome-signed");
        signed.selectedProperty().bindBidirectional(model.signed());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, label("connectome.import.file"), file, browse(owner, model.file(), true), read, cancel);
        grid.addRow(1, label("connectome.import.labels"), labels, browse(owner, model.labels(), false));
        grid.addRow(2, label("connectome.import.attributes"), attributes, browse(owner, model.attributes(), false));
        HBox reading = new HBox(8, label("connectome.import.separator"), separator, label("connectome.import.headerRow"),
                header, label("connectome.import.duplicates"), duplicates, label("connectome.import.selfLoops"),
                selfLoops, label("connectome.import.rows"), rows, signed);
        reading.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(3, label("connectome.import.edgeTypes"), edgeTypes);
        grid.add(reading, 1, 4, 4, 1);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        return grid;
    }

    private Node progress() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("connectome-progress");
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.state().isEqualTo(ConnectomeImportModel.State.READING)
                .or(model.state().isEqualTo(ConnectomeImportModel.State.CREATING)));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label status = new Label();
        status.setId("connectome-status");
        status.textProperty().bind(model.status());
        HBox line = new HBox(8, spinner, status);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node error() {
        Label error = new Label();
        error.setId("connectome-error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(model.error());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private Node preview() {
        heatmapView.setId("connectome-heatmap");
        heatmapView.setPreserveRatio(true);
        heatmapView.setSmooth(false);
        StackPane framed = new StackPane(heatmapView);
        framed.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        framed.setStyle("-fx-border-color: #b0b0b0;");
        StackPane picture = new StackPane(framed);
        picture.setAlignment(Pos.TOP_LEFT);
        picture.setMinSize(200, 200);
        // Square, as large as the space allows, so one node keeps a square pixel.
        heatmapView.fitWidthProperty().bind(Bindings.min(picture.widthProperty(), picture.heightProperty()).subtract(2));
        heatmapView.fitHeightProperty().bind(heatmapView.fitWidthProperty());
        Label caption = new Label(text("connectome.import.heatmap"));
        ComboBox<String> layer = new ComboBox<>(model.layers());
        layer.setId("connectome-heatmap-layer");
        layer.setMinWidth(Region.USE_PREF_SIZE);
        layer.valueProperty().bindBidirectional(model.heatmapLayer());
        layer.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null || name.equals(ConnectomeImportModel.ALL_LAYERS)
                        ? text("connectome.import.heatmap.allLayers") : name;
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        // One layer has nothing to choose from.
        layer.visibleProperty().bind(Bindings.size(model.layers()).greaterThan(2));
        HBox heading = new HBox(8, caption, layer);
        heading.setAlignment(Pos.CENTER_LEFT);
        Label populations = new Label();
        populations.setId("connectome-heatmap-populations");
        populations.setWrapText(true);
        populations.textProperty().bind(Bindings.createStringBinding(() -> model.heatmap().get() == null ? ""
                : String.join(" \u2192 ", model.heatmap().get().populations()), model.heatmap()));
        VBox left = new VBox(4, heading, picture, populations);
        left.setMinWidth(220);
        VBox.setVgrow(picture, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        outHistogram.setId("connectome-out-degree");
        inHistogram.setId("connectome-in-degree");
        stats.setId("connectome-stats");
        stats.setHgap(10);
        stats.setVgap(3);
        VBox figures = new VBox(6, stats, new Label(text("connectome.import.outDegree")), outHistogram, outAxis,
                new Label(text("connectome.import.inDegree")), inHistogram, inAxis);
        VBox.setVgrow(outHistogram, Priority.ALWAYS);
        VBox.setVgrow(inHistogram, Priority.ALWAYS);
        figures.setPrefWidth(300);
        figures.setMinWidth(300);
        outAxis.getStyleClass().add("placeholder-text");
        inAxis.getStyleClass().add("placeholder-text");
        HBox content = new HBox(12, left, figures);
        content.setPadding(new Insets(8, 12, 0, 0));
        Label empty = new Label(text("connectome.import.empty"));
        empty.setId("connectome-empty");
        empty.setWrapText(true);
        empty.getStyleClass().add("placeholder-text");
        empty.visibleProperty().bind(model.preview().isNull());
        content.visibleProperty().bind(model.preview().isNotNull());
        return new StackPane(empty, content);
    }

    private Node settings(Window owner) {
        ComboBox<PopulationGrouping> grouping = new ComboBox<>(model.groupings());
        grouping.setId("connectome-grouping");
        grouping.valueProperty().bindBidirectional(model.grouping());
        grouping.setConverter(new StringConverter<>() {
            @Override
            public String toString(PopulationGrouping g) {
                if (g == null) {
                    return "";
                }
                return switch (g.kind()) {
                    case ATTRIBUTE -> MessageFormat.format(text("connectome.import.grouping.attribute"), g.attribute());
                    case CELEGANS_GABA -> text("connectome.import.grouping.celegans");
                    case ONE -> text("connectome.import.grouping.one");
                };
            }

            @Override
            public PopulationGrouping fromString(String s) {
                return null;
            }
        });
        grouping.setMaxWidth(Double.MAX_VALUE);
        TableView<PopulationRow> table = new TableView<>(model.populations());
        table.setId("connectome-populations");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<PopulationRow, String> name = new TableColumn<>(text("connectome.import.population"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<PopulationRow, Integer> size = new TableColumn<>(text("connectome.import.size"));
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        name.setPrefWidth(90);
        size.setMinWidth(72);
        size.setMaxWidth(76);
        TableColumn<PopulationRow, PopulationRow> sign = new TableColumn<>(text("connectome.import.sign"));
        sign.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        sign.setCellFactory(c -> new SignCell());
        sign.setMinWidth(130);
        sign.setMaxWidth(140);
        TableColumn<PopulationRow, String> why = new TableColumn<>(text("connectome.import.why"));
        why.setCellValueFactory(c -> new ReadOnlyStringWrapper(basis(c.getValue().suggestion())));
        why.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        table.getColumns().setAll(List.of(name, size, sign, why));
        table.setPrefHeight(200);
        ComboBox<String> neuron = new ComboBox<>(FXCollections.observableArrayList(model.models()));
        neuron.setId("connectome-model");
        neuron.valueProperty().bindBidirectional(model.model());
        TextField weight = field("connectome-weight-scale", model.weightScale(), null);
        Label unit = new Label();
        unit.textProperty().bind(Bindings.createStringBinding(model::inputUnit, model.model()));
        TextField gap = field("connectome-gap-scale", model.gapScale(), null);
        TextField project = field("connectome-project", model.projectFile(), null);
        Button browseProject = new Button(text("connectome.import.browse"));
        browseProject.setMinWidth(Region.USE_PREF_SIZE);
        browseProject.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle(text("connectome.import.project"));
            c.setInitialFileName(model.projectFile().get().isBlank() ? "network.brainfx.json"
                    : Path.of(model.projectFile().get()).getFileName().toString());
            File f = c.showSaveDialog(owner);
            if (f != null) {
                model.projectFile().set(f.getAbsolutePath());
            }
        });
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().addAll(labels, new ColumnConstraints());
        form.addRow(0, label("connectome.import.model"), neuron);
        form.addRow(1, label("connectome.import.weightScale"), new HBox(6, weight, unit));
        form.addRow(2, label("connectome.import.gapScale"), gap);
        form.addRow(3, label("connectome.import.project"), new HBox(6, project, browseProject));
        HBox.setHgrow(project, Priority.ALWAYS);
        create.setText(text("connectome.import.create"));
        create.setId("connectome-create");
        create.setOnAction(e -> model.create(opener));
        createProblem.setId("connectome-create-problem");
        createProblem.setWrapText(true);
        createProblem.getStyleClass().add("placeholder-text");
        Runnable check = () -> {
            String problem = model.createProblem();
            createProblem.setText(problem);
            create.setDisable(!problem.isEmpty());
        };
        List<Observable> watched = new ArrayList<>(model.readerSettings());
        watched.addAll(List.of(model.state(), model.preview(), model.model(), model.weightScale(),
                model.gapScale(), model.projectFile()));
        for (Observable o : watched) {
            o.addListener(x -> check.run());
        }
        check.run();
        Label note = new Label(text("connectome.import.sign.note"));
        note.setWrapText(true);
        note.getStyleClass().add("placeholder-text");
        VBox box = new VBox(8, label("connectome.import.grouping"), grouping, table, note, form, create, createProblem);
        box.setPrefWidth(440);
        box.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.disableProperty().bind(model.preview().isNull());
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setPrefWidth(460);
        scroll.setMinWidth(400);
        scroll.setBorder(null);
        return scroll;
    }

    private void showPreview(ConnectomePreview p) {
        stats.getChildren().clear();
        outHistogram.show(p == null ? null : p.out());
        inHistogram.show(p == null ? null : p.in());
        if (p == null) {
            outAxis.setText("");
            inAxis.setText("");
            return;
        }
        outAxis.setText(axis(p.out()));
        inAxis.setText(axis(p.in()));
        ConnectomeSummary s = p.summary();
        int row = 0;
        stat(row++, "format", "connectome.import.stat.format", p.connectome().format());
        stat(row++, "nodes", "connectome.import.stat.nodes", Integer.toString(s.nodes()));
        stat(row++, "edges", "connectome.import.stat.edges", Long.toString(s.edges()));
        stat(row++, "weight", "connectome.import.stat.weight", Numbers.significant(s.weightSum()));
        stat(row++, "density", "connectome.import.stat.density", Numbers.significant(s.density()));
        stat(row++, "out-degree", "connectome.import.stat.outDegree", degree(s.outDegree()));
        stat(row++, "in-degree", "connectome.import.stat.inDegree", degree(s.inDegree()));
        stat(row++, "reciprocity", "connectome.import.stat.reciprocity", Numbers.significant(s.reciprocity()));
        stat(row++, "self-loops", "connectome.import.stat.selfLoops", Long.toString(s.selfLoops()));
        stat(row++, "layers", "connectome.import.stat.layers", s.layers().stream()
                .map(l -> l.name() + " " + l.edges()).collect(Collectors.joining(", ")));
        if (!s.nodeTypes().isEmpty()) {
            stat(row++, "node-types", "connectome.import.stat.nodeTypes", counts(s.nodeTypes()));
        }
        if (!s.rowTypes().isEmpty()) {
            stat(row, "row-types", "connectome.import.stat.rowTypes", counts(s.rowTypes()));
        }
    }

    private void stat(int row, String id, String key, String value) {
        Label v = new Label(value);
        v.setId("connectome-stat-" + id);
        v.setWrapText(true);
        Label k = new Label(text(key));
        k.setMinWidth(Region.USE_PREF_SIZE);
        stats.addRow(row, k, v);
    }

    private String axis(DegreeHistogram h) {
        return MessageFormat.format(text("connectome.import.histogram.axis"), h.max(), h.binWidth(), h.peak());
    }

    private String degree(ConnectomeSummary.Degree d) {
        return MessageFormat.format(text("connectome.import.stat.degree"), d.min(), d.max(), Numbers.significant(d.mean()));
    }

    private static String counts(Map<String, ? extends Number> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private String basis(SignDefaults.Suggestion s) {
        return MessageFormat.format(text("connectome.import.basis." + s.basis().name()), s.detail());
    }

    private TextField field(String id, StringProperty value, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        if (promptKey != null) {
            f.setPromptText(text(promptKey));
        }
        return f;
    }

    private <E extends Enum<E>> ComboBox<E> choice(String id, E[] values, ObjectProperty<E> value) {
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(values)));
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : e.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        return box;
    }

    private Button browse(Window owner, StringProperty target, boolean connectome) {
        Button b = new Button(text("connectome.import.browse"));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            FileChooser c = new FileChooser();
            if (connectome) {
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(text("connectome.import.filter"), "*.csv",
                        "*.tsv", "*.txt", "*.npy", "*.npz", "*.mat"));
            }
            if (!model.file().get().isBlank()) {
                File dir = Path.of(model.file().get()).toAbsolutePath().getParent().toFile();
                if (dir.isDirectory()) {
                    c.setInitialDirectory(dir);
                }
            }
            File f = c.showOpenDialog(owner);
            if (f != null) {
                target.set(f.getAbsolutePath());
                if (connectome) {
                    model.projectFile().set("");
                }
            }
        });
        return b;
    }

    private Label label(String key) {
        return new Label(text(key));
    }

    private String text(String key) {
        return messages.getString(key);
    }

    /** A sign chosen from a drop-down on the row itself. */
    private final class SignCell extends TableCell<PopulationRow, PopulationRow> {
        private final ComboBox<Sign> box = new ComboBox<>(FXCollections.observableArrayList(Sign.values()));
        private PopulationRow bound;

        SignCell() {
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Sign s) {
                    return s == null ? "" : text("connectome.import.sign." + s.name());
                }

                @Override
                public Sign fromString(String s) {
                    return null;
                }
            });
            box.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(PopulationRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                box.valueProperty().unbindBidirectional(bound.sign());
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bound = row;
            box.setId("connectome-sign-" + row.name());
            box.valueProperty().bindBidirectional(row.sign());
            setGraphic(box);
        }
    }
}
