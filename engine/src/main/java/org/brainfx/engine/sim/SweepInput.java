package org.brainfx.engine.sim;

/**
 * Input from recorded or designed sweeps: lane {@code l} plays sweep {@code sweepOfLane[l]} on
 * input {@code input}; with lanes = starts × sweeps, lane {@code l} plays sweep {@code l % sweeps}.
 */
public final class SweepInput implements InputSource {
    private final double[][] sweeps;
    private final int[] sweepOfLane;
    private final int input;

    /**
     * @param sweeps      {@code [sweep][step]} values in internal units (nA for current)
     * @param sweepOfLane which sweep each lane plays
     * @param input       index of the model input to drive
     */
    public SweepInput(double[][] sweeps, int[] sweepOfLane, int input) {
        for (int l = 0; l < sweepOfLane.length; l++) {
            if (sweepOfLane[l] < 0 || sweepOfLane[l] >= sweeps.length) {
                throw new IllegalArgumentException("lane " + l + " plays sweep " + sweepOfLane[l] + " but there are "
                        + sweeps.length + " sweeps");
            }
        }
        this.sweeps = sweeps;
        this.sweepOfLane = sweepOfLane.clone();
        this.input = input;
    }

    /** Lanes = {@code repeats} × the sweeps, lane {@code l} playing sweep {@code l % sweeps.length}. */
    public static SweepInput tiled(double[][] sweeps, int repeats, int input) {
        int[] map = new int[sweeps.length * repeats];
        for (int l = 0; l < map.length; l++) {
            map[l] = l % sweeps.length;
        }
        return new SweepInput(sweeps, map, input);
    }

    /** Number of steps of the shortest sweep. */
    public int steps() {
        int n = Integer.MAX_VALUE;
        for (double[] s : sweeps) {
            n = Math.min(n, s.length);
        }
        return n;
    }

    /** Number of lanes this input drives. */
    public int lanes() {
        return sweepOfLane.length;
    }

    @Override
    public void fill(int step, double[][] in, int from, int to) {
        double[] target = in[input];
        for (int l = from; l < to; l++) {
            target[l] = sweeps[sweepOfLane[l]][step];
        }
    }
}
