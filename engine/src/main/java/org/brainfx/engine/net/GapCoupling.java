package org.brainfx.engine.net;

/**
 * Electrical coupling during a run: before each step, every gap junction (i, j) with conductance g
 * adds {@code g·(V_i − V_j)} to j's input and the opposite to i's, from the voltages at the start
 * of the step (held over the step like any input).
 */
final class GapCoupling {
    private final BuiltProjection projection;
    private final PopulationState pre;
    private final PopulationState post;

    GapCoupling(BuiltProjection projection, PopulationState pre, PopulationState post) {
        this.projection = projection;
        this.pre = pre;
        this.post = post;
    }

    void add() {
        SparseRows rows = projection.rows();
        int[] rowStart = rows.rowStart();
        int[] targets = rows.post();
        float[] g = rows.weight();
        double[] vPre = pre.s[pre.population.voltage()];
        double[] vPost = post.s[post.population.voltage()];
        double[] inPre = pre.in[projection.preInput()];
        double[] inPost = post.in[projection.postInput()];
        for (int i = 0; i < rows.preCount(); i++) {
            double vi = vPre[i];
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                int j = targets[k];
                double current = g[k] * (vi - vPost[j]);
                inPost[j] += current;
                inPre[i] -= current;
            }
        }
    }
}
