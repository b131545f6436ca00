package org.brainfx.engine.net;

/**
 * Where a population's neurons sit on a 2-D sheet, for distance-dependent connectivity:
 * {@code grid} (a near-square grid filling {@code width} × {@code height}) or {@code random}
 * (uniform on the sheet); with {@code periodic} distances wrap around the edges (a torus).
 * Lengths in µm.
 */
public record PositionSpec(String layout, double width, double height, boolean periodic) {
}
