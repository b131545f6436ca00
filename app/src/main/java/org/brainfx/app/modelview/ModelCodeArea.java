package org.brainfx.app.modelview;

import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A code area for model text: line numbers, a gutter mark on the line of the current error, and
 * the {@link ModelHighlighter}'s style classes (drawn by the theme's {@code mv-*} rules).
 */
final class ModelCodeArea {

    /** Style class of the paragraphs the current errors are on. */
    static final String ERROR_LINE = "mv-error-line";

    private final CodeArea area = new CodeArea();
    private final ObservableValue<List<ModelDiagnostic>> diagnostics;
    private final VirtualizedScrollPane<CodeArea> scroll;
    private List<Integer> errorLines = List.of();

    /** An area that marks every one of {@code diagnostics} (its value may be null for none). */
    ModelCodeArea(ObservableValue<List<ModelDiagnostic>> diagnostics, boolean editable) {
        this.diagnostics = diagnostics;
        area.getStyleClass().add("modelview-code");
        area.setEditable(editable);
        area.setWrapText(false);
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(line -> gutter(numbers.apply(line), line));
        area.textProperty().addListener((obs, old, now) -> restyle());
        diagnostics.addListener((obs, old, now) -> restyle());
        scroll = new VirtualizedScrollPane<>(area);
    }

    /** The area itself. */
    CodeArea area() {
        return area;
    }

    /** The area in its scroll pane, as it goes into a layout. */
    VirtualizedScrollPane<CodeArea> node() {
        return scroll;
    }

    /** Puts the caret at the diagnostic's place and focuses the area. */
    void jumpTo(ModelDiagnostic d) {
        if (d == null || d.line() <= 0 || area.getParagraphs().isEmpty()) {
            return;
        }
        int paragraph = Math.min(d.line(), area.getParagraphs().size()) - 1;
        int column = Math.min(Math.max(d.column() - 1, 0), area.getParagraphLength(paragraph));
        area.moveTo(paragraph, column);
        area.requestFollowCaret();
        area.requestFocus();
    }

    private Node gutter(Node lineNumber, int paragraph) {
        Label mark = new Label("\u25cf");
        mark.getStyleClass().add("modelview-gutter-mark");
        mark.visibleProperty().bind(Bindings.createBooleanBinding(() -> !on(paragraph).isEmpty(), diagnostics));
        mark.tooltipProperty().bind(Bindings.createObjectBinding(() -> mark.isVisible()
                ? new Tooltip(on(paragraph).stream().map(ModelDiagnostic::display).collect(Collectors.joining("\n")))
                : null, mark.visibleProperty()));
        StackPane slot = new StackPane(mark);
        slot.getStyleClass().add("modelview-gutter");
        HBox box = new HBox(lineNumber, slot);
        box.setFillHeight(true);
        return box;
    }

    /** Shows {@code text} from its first line, as when a model is opened. */
    void show(String text) {
        area.replaceText(text);
        area.moveTo(0);
        area.showParagraphAtTop(0);
        area.getUndoManager().forgetHistory();
    }

    private void restyle() {
        String text = area.getText();
        if (text.isEmpty()) {
            return;
        }
        List<ModelDiagnostic> all = all();
        area.setStyleSpans(0, spans(ModelHighlighter.highlight(text, all)));
        for (int line : errorLines) {
            if (line < area.getParagraphs().size()) {
                area.setParagraphStyle(line, List.of());
            }
        }
        errorLines = all.stream().map(d -> d.line() - 1).filter(line -> line >= 0).distinct().toList();
        for (int line : errorLines) {
            if (line < area.getParagraphs().size()) {
                area.setParagraphStyle(line, List.of(ERROR_LINE));
            }
        }
    }

    private List<ModelDiagnostic> all() {
        List<ModelDiagnostic> all = diagnostics.getValue();
        return all == null ? List.of() : all;
    }

    /** The diagnostics on 0-based {@code paragraph}. */
    private List<ModelDiagnostic> on(int paragraph) {
        return all().stream().filter(d -> d.line() == paragraph + 1).toList();
    }

    private static StyleSpans<Collection<String>> spans(List<StyledRun> runs) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>(runs.size());
        for (StyledRun run : runs) {
            builder.add(run.styleClasses(), run.length());
        }
        return builder.create();
    }
}
