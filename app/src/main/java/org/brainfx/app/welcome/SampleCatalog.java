package org.brainfx.app.welcome;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.brainfx.engine.net.NetworkProject;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ProjectFiles;
import org.brainfx.engine.train.TrainingProject;
import org.brainfx.engine.train.TrainingProjectFiles;

/**
 * Finds the sample projects (each folder under {@code sample-projects/} holding one
 * {@code *.brainfx.json}) and describes them as {@link SampleCard}s. Reads only project files
 * and, for sweep counts, small trace CSVs; never loads recordings. Blocking: call it off the UI thread.
 */
public final class SampleCatalog {

    /** Folder name of the sample projects, beside the app. */
    static final String FOLDER = "sample-projects";
    /** Trace CSVs larger than this are not read just to count their rows. */
    private static final long MAX_COUNTED_BYTES = 8L << 20;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(])");

    private SampleCatalog() {
    }

    /**
     * The sample projects folder: {@code sample-projects} under the system property
     * {@code brainfx.home} (set by the {@code brainfx} script), else under the working directory,
     * else beside it ({@code ../sample-projects}, as when tests run in {@code app/}).
     */
    public static Path defaultFolder() {
        String home = System.getProperty("brainfx.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home, FOLDER);
        }
        Path here = Path.of(FOLDER);
        Path beside = Path.of("..", FOLDER);
        return !Files.isDirectory(here) && Files.isDirectory(beside) ? beside : here;
    }

    /**
     * The cards of the sample projects in {@code folder}, sorted by name; a missing folder gives
     * none, and a project that cannot be read is left out (opening it reports why).
     */
    public static List<SampleCard> scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<SampleCard> cards = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                // A folder may hold several projects (the macaque sample's weak and strong balance): a card each.
                for (Path file : projectFiles(dir)) {
                    try {
                        cards.add(card(file));
                    } catch (RuntimeException e) {
                        // Not shown: a sample that does not read is a broken sample, and opening it says why.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list the sample projects (" + e.getMessage() + ")", e);
        }
        cards.sort(Comparator.comparing(SampleCard::name, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(cards);
    }

    /** The card of one project file: a neuron project, a network or a training project. */
    static SampleCard card(Path file) {
        if (TrainingProjectFiles.isTrainingProject(file)) {
            TrainingProject t = TrainingProjectFiles.read(file);
            return new SampleCard(file, name(t.name(), file), firstSentence(t.description()), SampleCard.Kind.TRAINING,
                    "training \u00b7 " + (t.task() == null ? "?" : t.task().name().replace('_', ' ')), -1);
        }
        if (NetworkProjectFiles.isNetworkProject(file)) {
            NetworkProject n = NetworkProjectFiles.read(file);
            int neurons = n.network().populations().stream().mapToInt(PopulationSpec::size).sum();
            return new SampleCard(file, name(n.name(), file), firstSentence(n.description()), SampleCard.Kind.NETWORK,
                    String.format(Locale.ROOT, "network \u00b7 %,d neurons", neurons), -1);
        }
        Project p = ProjectFiles.read(file);
        return new SampleCard(file, name(p.name(), file), firstSentence(p.description()), SampleCard.Kind.NEURON,
                modelName(p.model()),
                sweeps(p, file.toAbsolutePath().getParent()));
    }

    private static String name(String given, Path file) {
        String fileName = file.getFileName().toString();
        return given == null || given.isBlank() ? fileName.substring(0, fileName.length() - ProjectFiles.SUFFIX.length()) : given;
    }

    /** The first sentence of {@code text}: up to a full stop followed by a capital; "" for none. */
    static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        return SENTENCE_END.split(trimmed, 2)[0];
    }

    private static List<Path> projectFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ProjectFiles.SUFFIX)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String modelName(Project.ModelRef model) {
        if (model == null) {
            return "";
        }
        if (model.builtin() != null) {
            return model.builtin();
        }
        if (model.file() != null) {
            return Path.of(model.file()).getFileName().toString();
        }
        return model.spec() != null && model.spec().name() != null ? model.spec().name() : "";
    }

    /** Sweeps known from the project alone or a small trace CSV; -1 otherwise (e.g. a whole ABF file). */
    private static int sweeps(Project p, Path dir) {
        if (p.recording() != null) {
            return p.recording().sweeps() == null ? -1 : p.recording().sweeps().size();
        }
        Project.Stimulus s = p.stimulus();
        if (s == null) {
            return -1;
        }
        if (s.steps() != null) {
            return s.steps().size();
        }
        return s.traces() == null || s.traces().file() == null ? -1 : csvRows(dir.resolve(s.traces().file()));
    }

    /** Rows of a trace CSV whose first field is a number (a header row is not); -1 when not cheap or unreadable. */
    private static int csvRows(Path csv) {
        try {
            if (!Files.isRegularFile(csv) || Files.size(csv) > MAX_COUNTED_BYTES) {
                return -1;
            }
            int rows = 0;
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (isNumber(line.split(",", 2)[0].strip())) {
                        rows++;
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
