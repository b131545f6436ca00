package org.brainfx.engine.net;

import java.nio.file.Path;

/**
 * Everything {@link Wiring#build} needs to generate one projection's synapses: its name (for messages and
 * its random stream), the connectivity rule, weight and delay values (delays in ms, null for none), the two
 * populations' sizes and positions (null when they have none), whether pre and post are one population
 * (self-connections then follow {@link ConnectivitySpec#allowSelf()}), the time step in ms, the project's seed
 * and the project folder that relative file names start from.
 */
public record WiringRequest(String projection, ConnectivitySpec connectivity, ValueSpec weights, ValueSpec delaysMs,
                            int preCount, int postCount, Positions prePositions, Positions postPositions,
                            boolean samePopulation, double dt, long seed, Path baseDir) {
}
