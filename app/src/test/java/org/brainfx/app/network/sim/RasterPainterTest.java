package org.brainfx.app.network.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scrolling raster's pixels: where a spike lands, how the picture moves, what scrolls out. */
class RasterPainterTest {
    private static final RasterLayout LAYOUT = new RasterLayout(List.of("E", "I"), List.of("excitatory", "inhibitory"),
            new int[] {80, 20}, List.of("V", "V"), 0.1, 10_000);

    @Test
    void aSpikeLandsAtItsTimeAndNeuronAndScrollsLeftAsTimeAdvances() {
        // 100 columns of 10 steps, 100 rows of one neuron each.
        RasterPainter p = new RasterPainter(100, 100, LAYOUT, 1000);
        p.advanceTo(0);
        p.plot(0, new int[] {55}, new int[] {7}, 0, 1);
        p.plot(1, new int[] {999}, new int[] {3}, 0, 1);
        assertEquals(LAYOUT.argb(0), p.pixels()[7 * 100 + 5]);
        assertEquals(LAYOUT.argb(1), p.pixels()[83 * 100 + 99]);
        assertEquals(1, p.pixelsOf(0));
        assertEquals(0, p.firstStepOfColumn(0));

        p.advanceTo(1029);
        assertEquals(LAYOUT.argb(0), p.pixels()[7 * 100 + 2], "three columns on, the spike moved three pixels left");
        assertEquals(LAYOUT.argb(1), p.pixels()[83 * 100 + 96]);
        assertEquals(RasterPainter.BACKGROUND, p.pixels()[83 * 100 + 99], "new columns are blank");
        assertEquals(30, p.firstStepOfColumn(0));

        p.advanceTo(1060);
        assertEquals(0, p.pixelsOf(0), "scrolled out of the window");
        assertEquals(1, p.pixelsOf(1));
        p.advanceTo(5000);
        assertEquals(0, p.pixelsOf(1), "a jump past the window blanks it");
        assertEquals(RasterPainter.SEPARATOR, p.pixels()[80 * 100 + 50], "the line between E and I stays");
    }

    @Test
    void manyNeuronsShareARowAndAClickNamesTheNeuronUnderIt() {
        RasterPainter p = new RasterPainter(50, 10, LAYOUT, 500);
        // Ten neurons a pixel row: the click's place within the row picks among them.
        assertEquals(2, p.rowAt(0.2));
        assertEquals(95, p.rowAt(9.5));
        assertEquals(1, LAYOUT.populationOfRow(95));
        assertEquals(15, 95 - LAYOUT.offset(1));
        p.advanceTo(0);
        p.plot(0, new int[] {0, 0, 0}, new int[] {0, 5, 9}, 0, 3);
        assertEquals(1, p.pixelsOf(0), "neurons 0-9 share the first row");
    }

    @Test
    void withMorePixelRowsThanNeuronsASpikeFillsItsNeuronsRowsButOne() {
        RasterLayout few = new RasterLayout(List.of("E"), List.of("excitatory"), new int[] {20}, List.of("V"), 0.1, 1000);
        RasterPainter p = new RasterPainter(10, 100, few, 100);
        p.advanceTo(0);
        p.plot(0, new int[] {0}, new int[] {3}, 0, 1);
        assertEquals(4, p.pixelsOf(0), "rows 15-18 of neuron 3's 15-19");
        assertEquals(few.argb(0), p.pixels()[15 * 10]);
        assertEquals(RasterPainter.BACKGROUND, p.pixels()[19 * 10]);
    }
}
