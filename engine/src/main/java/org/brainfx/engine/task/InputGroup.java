package org.brainfx.engine.task;

/**
 * A named block of input channels that share one rate at every step: channels
 * {@code first … first + size − 1}.
 *
 * @param name  what the group carries (e.g. {@code left}, {@code fixation}, {@code stimulus 1})
 * @param first index of its first channel
 * @param size  number of channels, each an independent Poisson train at the group's rate
 */
public record InputGroup(String name, int first, int size) {

    /** One past the group's last channel. */
    public int end() {
        return first + size;
    }
}
