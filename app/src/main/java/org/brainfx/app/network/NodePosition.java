package org.brainfx.app.network;

/** Where a population's or source's box sits on the editor's canvas: its centre, in canvas pixels at zoom 1. */
public record NodePosition(double x, double y) {
}
