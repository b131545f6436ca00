package org.brainfx.app.help;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.brainfx.engine.project.ProjectFiles;

/** Where each bundled sample comes from: its README's first paragraph and its data's provenance notes. */
public final class SampleProvenance {

    /**
     * One sample, or the shared data folder.
     *
     * @param name       the folder's name
     * @param about      the README's first paragraph ("" when there is no README)
     * @param provenance the PROVENANCE.md notes of the folder and of the data folders it uses ("" when none)
     */
    public record Entry(String name, String about, String provenance) { }

    private SampleProvenance() {
    }

    /** The samples in {@code folder} (sorted by name) and the shared data folders under {@code folder/data}. */
    public static List<Entry> of(Path folder) {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        for (Path dir : list(folder)) {
            if (Files.isDirectory(dir) && list(dir).stream().anyMatch(p -> p.toString().endsWith(ProjectFiles.SUFFIX))) {
                entries.add(new Entry(dir.getFileName().toString(), firstParagraph(dir.resolve("README.md")),
                        text(dir.resolve("PROVENANCE.md"))));
            }
        }
        Path data = folder.resolve("data");
        if (Files.isDirectory(data)) {
            for (Path dir : list(data)) {
                String notes = text(dir.resolve("PROVENANCE.md"));
                if (!notes.isEmpty()) {
                    entries.add(new Entry("data/" + dir.getFileName(), "", notes));
                }
            }
        }
        return entries;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list the samples", e);
        }
    }

    private static String text(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return file + ": cannot be read (" + e.getMessage() + ")";
        }
    }

    /** The first paragraph after the README's title, joined into one line without Markdown marks. */
    static String firstParagraph(Path readme) {
        String all = text(readme);
        StringBuilder out = new StringBuilder();
        for (String line : all.split("\n")) {
            String t = line.strip();
            if (t.startsWith("#")) {
                continue;
            }
            if (t.isEmpty()) {
                if (out.length() > 0) {
                    break;
                }
                continue;
            }
            out.append(out.length() == 0 ? "" : " ").append(t);
        }
        return GuideText.plain(out.toString());
    }
}
