package org.brainfx.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void aSquareNumberOfNeuronsFillsASquareGridAtTheCellCentres() {
        Positions p = Positions.of(new PositionSpec("grid", 100, 100, false), 100, 0, "population 'E'");
        for (int k = 0; k < 100; k++) {
            assertEquals(5 + 10 * (k % 10), p.x()[k], 1e-12);
            assertEquals(5 + 10 * (k / 10), p.y()[k], 1e-12);
        }
    }

    @Test
    void aGridOnAWideSheetHasMoreColumnsAndStaysOnTheSheet() {
        Positions p = Positions.of(new PositionSpec("grid", 400, 100, false), 37, 0, "population 'E'");
        Set<String> cells = new HashSet<>();
        for (int k = 0; k < 37; k++) {
            assertTrue(p.x()[k] > 0 && p.x()[k] < 400 && p.y()[k] > 0 && p.y()[k] < 100);
            cells.add(p.x()[k] + "," + p.y()[k]);
        }
        assertEquals(37, cells.size(), "one neuron per cell");
        long columns = Arrays.stream(p.x()).distinct().count();
        long rows = Arrays.stream(p.y()).distinct().count();
        assertTrue(columns >= 3 * rows, columns + " columns, " + rows + " rows on a 4:1 sheet");
        assertTrue(columns * rows < 37 + columns, "no empty row");
    }

    @Test
    void randomPositionsAreUniformOnTheSheetAndFollowTheSeed() {
        PositionSpec spec = new PositionSpec("random", 200, 50, false);
        Positions p = Positions.of(spec, 20_000, 7, "population 'E'");
        double meanX = Arrays.stream(p.x()).average().orElseThrow();
        double meanY = Arrays.stream(p.y()).average().orElseThrow();
        // The mean of n uniforms on [0, L] has sd L/sqrt(12 n).
        assertEquals(100, meanX, 4 * 200 / Math.sqrt(12 * 20_000.0));
        assertEquals(25, meanY, 4 * 50 / Math.sqrt(12 * 20_000.0));
        assertTrue(Arrays.stream(p.x()).allMatch(v -> v >= 0 && v < 200));
        assertTrue(Arrays.stream(p.y()).allMatch(v -> v >= 0 && v < 50));
        assertArrayEquals(p.x(), Positions.of(spec, 20_000, 7, "population 'E'").x());
        assertFalse(Arrays.equals(p.x(), Positions.of(spec, 20_000, 8, "population 'E'").x()));
    }

    @Test
    void periodicDistancesWrapAroundTheEdges() {
        Positions torus = new Positions(new double[] {1, 99, 50}, new double[] {2, 97, 50}, 100, 100, true);
        Positions flat = new Positions(torus.x(), torus.y(), 100, 100, false);
        assertEquals(2 * 2 + 5 * 5, torus.distanceSquared(0, torus, 1), 1e-9);
        assertEquals(98 * 98 + 95 * 95, flat.distanceSquared(0, flat, 1), 1e-9);
        assertEquals(49 * 49 + 48 * 48, torus.distanceSquared(0, torus, 2), 1e-9);
        assertEquals(torus.distanceSquared(1, torus, 0), torus.distanceSquared(0, torus, 1), 1e-12);
    }

    @Test
    void positionsGivenByHandMustBeWhole() {
        assertThrows(IllegalArgumentException.class,
                () -> new Positions(new double[2], new double[3], 10, 10, false));
        assertThrows(IllegalArgumentException.class,
                () -> new Positions(new double[2], new double[2], 10, 0, true));
    }

    @Test
    void noSpecMeansNoPositions() {
        assertNull(Positions.of(null, 10, 0, "population 'E'"));
    }

    @Test
    void badSheetsAreNamed() {
        String layout = assertThrows(NetworkException.class,
                () -> Positions.of(new PositionSpec("hexagonal", 1, 1, false), 4, 0, "population 'E', positions"))
                .getMessage();
        assertTrue(layout.contains("population 'E', positions") && layout.contains("hexagonal")
                && layout.contains("grid") && layout.contains("random"), layout);
        String width = assertThrows(NetworkException.class,
                () -> Positions.of(new PositionSpec("grid", 0, 1, false), 4, 0, "population 'E', positions"))
                .getMessage();
        assertTrue(width.contains("width and height must be positive"), width);
        String size = assertThrows(NetworkException.class,
                () -> Positions.of(new PositionSpec("grid", 1, 1, false), 0, 0, "population 'E', positions"))
                .getMessage();
        assertTrue(size.contains("size 0"), size);
    }
}
