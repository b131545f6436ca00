package org.brainfx.engine.data;

import java.util.List;

/**
 * One analog output (DAC) of an ABF file: what it commands, its holding level and the epoch table that
 * shapes its waveform in each sweep.
 *
 * @param number         the DAC's number (0 for {@code Cmd 0})
 * @param units          the command's units (e.g. {@code pA} in current clamp, {@code mV} in voltage clamp)
 * @param holding        the level between epochs and before the first one, in {@code units}
 * @param keepsLastLevel true when the level after the last epoch stays at that epoch's level instead of
 *                       returning to holding
 */
record AbfDac(int number, String name, String units, double holding, Waveform waveform, boolean keepsLastLevel,
              List<AbfEpoch> epochs) {

    /** Copies the epoch list. */
    AbfDac {
        epochs = List.copyOf(epochs);
    }

    /** Where the DAC's waveform came from. */
    enum Waveform {
        /** No waveform: the DAC held its holding level for the whole sweep. */
        OFF,
        /** Built from the epoch table, which this reader can replay. */
        EPOCHS,
        /** Played from a stimulus file whose samples are not stored in the ABF. */
        STIMULUS_FILE,
        /** Stored in a header layout this reader does not interpret (ABF before 1.6). */
        NOT_READ
    }
}
