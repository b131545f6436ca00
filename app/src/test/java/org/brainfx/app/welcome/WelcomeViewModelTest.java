package org.brainfx.app.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.brainfx.app.jobs.UiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The welcome page's samples, card facts and recent projects, without a screen. */
class WelcomeViewModelTest {

    private static final Path SAMPLES = Path.of("..", "sample-projects");
    private Preferences node;
    private WelcomeViewModel model;

    @BeforeEach
    void newModel() {
        node = Preferences.userRoot().node("org/brainfx/test/welcome-" + UUID.randomUUID());
        model = new WelcomeViewModel(SAMPLES, new RecentProjects(node), UiExecutor.direct(),
                ResourceBundle.getBundle("org.brainfx.ui.messages"));
    }

    @AfterEach
    void dropPreferences() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void findsTheSamplesByName() {
        assertTrue(model.samples().isEmpty());
        assertTrue(!model.samplesLoadedProperty().get());
        model.loadSamples();
        assertTrue(model.samplesLoadedProperty().get());
        assertEquals(List.of("abf-steps", "brunel-balanced", "celegans-connectome", "coba-benchmark", "context-dm-training",
                "dms-training", "drosophila-mushroom-body", "ea-training", "ei-network", "gif-identifiable", "gif-synthetic",
                "hh-brian2-traces", "hh-synthetic", "macaque-strong-gba", "macaque-weak-gba", "nwb-steps", "pdm-training",
                "random-dots-training"),
                model.samples().stream().map(SampleCard::name).toList());
    }

    @Test
    void everySampleGetsAPictureOfItsMostEventfulSweep() {
        model.loadSamples();
        assertTrue(model.previewsLoadedProperty().get());
        assertEquals(6, model.previews().size(), "a picture per sample");
        SamplePreview hh = model.previews().get(model.samples().stream()
                .filter(c -> c.name().equals("hh-synthetic")).findFirst().orElseThrow().file());
        assertTrue(hh.x().length <= 2 * SamplePreview.COLUMNS, "thinned for a small picture");
        double max = java.util.Arrays.stream(hh.y()).max().orElseThrow();
        assertTrue(max > 0, "the spiking sweep is chosen, so its peaks show (max " + max + " mV)");
    }

    @Test
    void cardsCarryTheFirstSentenceTheModelAndCheapSweepCounts() {
        model.loadSamples();
        SampleCard hh = card("hh-synthetic");
        assertTrue(hh.summary().startsWith("The Hodgkin-Huxley fitting problem of the BrainPy workflow paper (Wang et al. 2024, arXiv 2406.19708): a synthetic target"),
                hh.summary());
        assertTrue(hh.summary().endsWith("fit gL, gNa, gK and Vth."), hh.summary());
        assertEquals("Model: hh \u00b7 5 sweeps", model.details(hh));
        assertEquals("Model: gif \u00b7 5 sweeps", model.details(card("gif-synthetic")));
        assertEquals("Model: adex \u00b7 10 sweeps", model.details(card("nwb-steps")));
        // The ABF project takes all its sweeps: counting them would mean reading the recording.
        assertEquals("Model: adex", model.details(card("abf-steps")));
        assertTrue(Files.isRegularFile(hh.file()));
    }

    @Test
    void firstSentenceStopsAtAFullStopBeforeACapital() {
        assertEquals("One (a.b 1.5 mV).", SampleCatalog.firstSentence(" One (a.b 1.5 mV). Two. Three."));
        assertEquals("No stop at all", SampleCatalog.firstSentence("No stop at all"));
        assertEquals("", SampleCatalog.firstSentence(null));
    }

    @Test
    void networkAndTrainingSamplesHaveCardsSayingWhatTheyAre() {
        List<SampleCard> cards = SampleCatalog.scan(SAMPLES);
        SampleCard coba = cards.stream().filter(c -> c.file().toString().contains("coba-benchmark")).findFirst().orElseThrow();
        assertEquals("network \u00b7 4,000 neurons", coba.model());
        assertTrue(coba.sweepCount().isEmpty());
        SampleCard ea = cards.stream().filter(c -> c.file().toString().contains("ea-training")).findFirst().orElseThrow();
        assertEquals("training \u00b7 evidence accumulation", ea.model());
        assertEquals("training \u00b7 evidence accumulation", model.details(ea), "the facts line as it is, no \"Model:\"");
        assertEquals(SampleCard.Kind.NETWORK, coba.kind());
        assertTrue(cards.stream().anyMatch(c -> c.file().toString().contains("hh-synthetic")), "neuron projects still listed");
    }

    @Test
    void aMissingSamplesFolderGivesNoCards(@TempDir Path dir) {
        WelcomeViewModel empty = new WelcomeViewModel(dir.resolve("none"), new RecentProjects(node),
                UiExecutor.direct(), ResourceBundle.getBundle("org.brainfx.ui.messages"));
        empty.loadSamples();
        assertTrue(empty.samples().isEmpty());
        assertTrue(empty.samplesLoadedProperty().get());
    }

    @Test
    void recentProjectsKeepTheLastEightMostRecentFirstWithoutDuplicates(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.add(Files.createFile(dir.resolve("p" + i + ".brainfx.json")));
        }
        files.forEach(model::projectOpened);
        model.projectOpened(files.get(5));
        assertEquals(List.of(files.get(5), files.get(9), files.get(8), files.get(7), files.get(6), files.get(4),
                files.get(3), files.get(2)), model.recentProjects());

        // A new session reads them back from the same preferences node, minus files since deleted.
        Files.delete(files.get(9));
        WelcomeViewModel next = new WelcomeViewModel(SAMPLES, new RecentProjects(node), UiExecutor.direct(),
                ResourceBundle.getBundle("org.brainfx.ui.messages"));
        assertEquals(List.of(files.get(5), files.get(8), files.get(7), files.get(6), files.get(4), files.get(3),
                files.get(2)), next.recentProjects());
    }

    @Test
    void openingGoesThroughTheOpener() {
        List<Path> opened = new ArrayList<>();
        model.setOpener(opened::add);
        model.open(Path.of("x.brainfx.json"));
        assertEquals(List.of(Path.of("x.brainfx.json")), opened);
    }

    private SampleCard card(String name) {
        return model.samples().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
