package org.brainfx.engine.data;

/**
 * One recorded ADC channel of an ABF file with its conversion from stored integers to the file's units:
 * {@code value = raw × gain + offset}.
 *
 * @param name          the ADC name as the file gives it (e.g. {@code IN 0})
 * @param units         the units as the file gives them (e.g. {@code mV}, {@code pA})
 * @param gain          user units per ADC count, from range, resolution and the amplifier gains
 * @param offset        user units added after scaling (instrument offset minus signal-conditioner offset)
 * @param telegraphMode the amplifier mode its telegraph reported ({@link #TELEGRAPH_VOLTAGE_CLAMP},
 *                      {@link #TELEGRAPH_CURRENT_CLAMP}, …), or -1 when the channel has no telegraph
 */
record AbfChannel(String name, String units, double gain, double offset, int telegraphMode) {
    /** Axon's telegraph mode code for voltage clamp. */
    static final int TELEGRAPH_VOLTAGE_CLAMP = 0;
    /** Axon's telegraph mode code for current clamp. */
    static final int TELEGRAPH_CURRENT_CLAMP = 1;

    /** A channel without telegraph. */
    AbfChannel(String name, String units, double gain, double offset) {
        this(name, units, gain, offset, -1);
    }
}
