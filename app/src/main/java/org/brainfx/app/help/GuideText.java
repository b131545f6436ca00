package org.brainfx.app.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The user guide's text: a section of the README (bundled as a resource) turned into headings,
 * paragraphs and list items without Markdown marks, for a help window to lay out.
 */
public final class GuideText {

    /** Where the README is bundled. */
    public static final String README = "/org/brainfx/ui/help/README.md";

    /** One block of the guide. */
    public enum Kind {
        /** A heading. */
        HEADING,
        /** A paragraph. */
        PARAGRAPH,
        /** A list item. */
        ITEM,
        /** Preformatted lines (commands). */
        CODE
    }

    /**
     * One block of text.
     *
     * @param kind what it is
     * @param text its text, Markdown marks removed (code keeps its lines)
     */
    public record Block(Kind kind, String text) { }

    private GuideText() {
    }

    /** The bundled README's section under {@code ## heading}, up to the next {@code ## } heading. */
    public static List<Block> section(String heading) {
        try (InputStream in = GuideText.class.getResourceAsStream(README)) {
            if (in == null) {
                throw new IllegalStateException(README + " is not bundled; build the ui-resources module");
            }
            return section(new String(in.readAllBytes(), StandardCharsets.UTF_8), heading);
        } catch (IOException e) {
            throw new UncheckedIOException(README + ": cannot read the user guide", e);
        }
    }

    /** The section of {@code markdown} under {@code ## heading}; empty when there is none. */
    public static List<Block> section(String markdown, String heading) {
        List<Block> blocks = new ArrayList<>();
        boolean inside = false;
        boolean code = false;
        StringBuilder current = new StringBuilder();
        Kind kind = null;
        for (String line : markdown.split("\n", -1)) {
            if (!code && line.startsWith("## ")) {
                if (inside) {
                    break;
                }
                inside = line.substring(3).trim().equals(heading);
                continue;
            }
            if (!inside) {
                continue;
            }
            if (line.startsWith("```")) {
                kind = flush(blocks, current, kind);
                code = !code;
                kind = code ? Kind.CODE : null;
                continue;
            }
            if (code) {
                current.append(current.length() == 0 ? "" : "\n").append(line);
                continue;
            }
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("![")) {
                kind = flush(blocks, current, kind);
            } else if (t.startsWith("#")) {
                kind = flush(blocks, current, kind);
                blocks.add(new Block(Kind.HEADING, plain(t.replaceFirst("^#+\\s*", ""))));
            } else if (t.startsWith("- ")) {
                kind = flush(blocks, current, kind);
                kind = Kind.ITEM;
                current.append(t.substring(2));
            } else {
                if (kind == null) {
                    kind = Kind.PARAGRAPH;
                }
                current.append(current.length() == 0 ? "" : " ").append(t);
            }
        }
        flush(blocks, current, kind);
        return blocks;
    }

    private static Kind flush(List<Block> blocks, StringBuilder current, Kind kind) {
        if (current.length() > 0 && kind != null) {
            blocks.add(new Block(kind, kind == Kind.CODE ? current.toString() : plain(current.toString())));
        }
        current.setLength(0);
        return null;
    }

    /** Text without Markdown emphasis, code marks and link targets. */
    static String plain(String markdown) {
        return markdown.replace("**", "").replace("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
    }
}
