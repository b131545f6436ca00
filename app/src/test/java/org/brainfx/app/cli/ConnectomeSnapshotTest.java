package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx snapshot FILE --view connectome}: the import dialog's preview of a connectome file, headless. */
class ConnectomeSnapshotTest {
    private static final String CELEGANS = "../sample-projects/celegans-connectome/data/"
            + "celegans_varshney2011_NeuronConnect.csv";

    @TempDir
    Path dir;

    /** The toolkit is started the TestFX way first, as the other GUI tests in this JVM expect. */
    @BeforeAll
    static void startToolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Test
    void rendersThePreviewOfAConnectomeFile() throws Exception {
        Path out = dir.resolve("c.png");
        CommandRun run = CommandRun.of("snapshot", CELEGANS, "--view", "connectome", "--size", "1000x700", "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("reading the connectome ran") && run.out().contains("largest gap between JavaFX"
                + " pulses"), run.out());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(700, image.getHeight());
        int blue = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if ((rgb & 0xFF) > ((rgb >> 16) & 0xFF) + 60) {
                    blue++;
                }
            }
        }
        assertTrue(blue > 2000, "the heatmap's and histograms' blue is drawn: " + blue + " pixels");
    }

    @Test
    void aMalformedFileFailsWithItsLine() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "pre,post,weight\nA,B,1\nB,C,-4\n");
        Path out = dir.resolve("bad.png");
        CommandRun run = CommandRun.of("snapshot", bad.toString(), "--view", "connectome", "--out", out.toString());
        assertEquals(1, run.exitCode(), run.both());
        assertTrue(run.err().contains(bad + ": line 3: weight -4 is negative"), run.err());
        assertFalse(Files.exists(out));
    }
}
