package org.brainfx.engine.train;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * out = δ · Wᵀ for a fixed rows × K δ and a P × K weight matrix, through ND4J's OpenBLAS sgemm: the
 * reverse pass's dL/dz_pre = dL/dI_post · Wᵀ, the one product of spiking-network training that spike
 * sparsity cannot thin. Measured here for 128 × 200 by 200 × 200: ~180 µs a call single-threaded
 * (~55 GFLOP/s) against ~1.8 ms for the best plain-Java loop (4 rows at a time), so a 2 200-step
 * batch spends ~0.4 s in it. The arrays live off-heap; values cross through NIO views, no allocation
 * per call. One instance per thread.
 */
final class TransposedProduct {
    private final int rows;
    private final int inner;
    private final int cols;
    private final INDArray weights;
    private final INDArray delta;
    private final INDArray out;
    private final FloatBuffer weightView;
    private final FloatBuffer deltaView;
    private final FloatBuffer outView;

    TransposedProduct(int rows, int inner, int cols) {
        this.rows = rows;
        this.inner = inner;
        this.cols = cols;
        Blas.singleThreaded();
        this.weights = Nd4j.create(DataType.FLOAT, Math.max(cols, 1), inner);
        this.delta = Nd4j.create(DataType.FLOAT, rows, inner);
        this.out = Nd4j.create(DataType.FLOAT, rows, Math.max(cols, 1));
        this.weightView = weights.data().asNioFloat();
        this.deltaView = delta.data().asNioFloat();
        this.outView = out.data().asNioFloat();
    }

    /**
     * Loads ND4J's native backend and sets OpenBLAS to one thread, once: the first load takes about a
     * second and held a window's pulses for ~100 ms when it happened at a training run's first batch,
     * so a dashboard calls this in the background when it opens.
     */
    static void loadNatives() {
        Blas.singleThreaded();
    }

    /** Sets W (cols × inner, row-major) to |raw| where the mask allows (null = everywhere), 0 elsewhere. */
    void setMagnitudes(float[] raw, boolean[] mask) {
        float[] w = new float[cols * inner];
        for (int i = 0; i < w.length; i++) {
            w[i] = mask == null || mask[i] ? Math.abs(raw[i]) : 0f;
        }
        weightView.clear();
        weightView.put(w);
    }

    /** Writes δ · Wᵀ (rows × cols) into {@code result}, δ being rows × inner. */
    void multiply(float[] deltaValues, float[] result) {
        if (cols == 0) {
            return;
        }
        deltaView.clear();
        deltaView.put(deltaValues, 0, rows * inner);
        Nd4j.gemm(delta, weights, out, false, true, 1.0, 0.0);
        outView.clear();
        outView.get(result, 0, rows * cols);
    }

    /** Makes OpenBLAS use one thread: training runs one product per worker thread, and OpenMP
     *  threads competing with a busy JVM thread collapse sgemm to ~1 GFLOP/s (STACK.md). */
    private static final class Blas {
        private static boolean done;

        static synchronized void singleThreaded() {
            if (!done) {
                Nd4j.factory().blas().setMaxThreads(1);
                done = true;
            }
        }
    }
}
