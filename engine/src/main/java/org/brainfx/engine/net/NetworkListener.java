package org.brainfx.engine.net;

/** Receives a running simulation's progress and newest spikes, from the simulating thread, at most every few tens of ms. */
@FunctionalInterface
public interface NetworkListener {
    /** Called with the spikes since the previous call; must return quickly (hand work to another thread). */
    void onProgress(NetworkProgress progress);

    /** A listener that ignores everything. */
    NetworkListener NONE = p -> { };
}
