package org.brainfx.engine.train;

import org.brainfx.engine.task.EvidenceAccumulation;
import org.brainfx.engine.task.TrialBatch;

/**
 * Prints seconds per gradient of a batch of reference-network evidence-accumulation trials for BPTT,
 * D-RTRL and ES-D-RTRL in the same run (a tool, not a test). Arguments: trials (128), threads (1),
 * batches (3), readout ({@code spikes} or {@code potential}, the latter with detached resets as the paper's
 * online runs).
 */
final class OnlineTiming {
    private OnlineTiming() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        EvidenceAccumulation task = EvidenceAccumulation.reference();
        boolean paper = args.length > 3 && EiRsnn.Readout.parse(args[3]) == EiRsnn.Readout.POTENTIAL;
        EiRsnn net = paper ? EiRsnn.reference(task.channels(), 2, 1).withReadout(EiRsnn.Readout.POTENTIAL, true)
                : EiRsnn.reference(task.channels(), 2, 1);
        RsnnWeights w = RsnnWeights.reference(net, 2);
        RsnnWeights g = RsnnWeights.zeros(net);
        try (RsnnBptt bptt = new RsnnBptt(net, trials, threads);
             OnlineGradient d = new OnlineGradient(net, OnlineRule.D_RTRL, 0, trials, threads);
             OnlineGradient es = new OnlineGradient(net, OnlineRule.ES_D_RTRL, OnlineRule.PAPER_ALPHA, trials, threads)) {
            System.out.printf("%d trials x %d steps, %d thread(s); trace floats if all trials advanced together: D-RTRL %d,"
                            + " ES-D-RTRL %d; held by the workers (blocks of %d and %d trials): D-RTRL %d, ES-D-RTRL %d%n",
                    trials, task.steps(), threads, d.traceFloats(trials), es.traceFloats(trials), d.blockTrials(),
                    es.blockTrials(), d.heldFloats(), es.heldFloats());
            for (int i = 0; i < batches; i++) {
                TrialBatch batch = task.batch(1, i, trials);
                long t0 = System.nanoTime();
                BatchOutcome b = bptt.gradient(batch, w, g);
                long t1 = System.nanoTime();
                BatchOutcome e = es.gradient(batch, w, g);
                long t2 = System.nanoTime();
                BatchOutcome f = es.evaluate(batch, w);
                long t3 = System.nanoTime();
                BatchOutcome x = d.gradient(batch, w, g);
                long t4 = System.nanoTime();
                System.out.printf("batch %d: BPTT %.3f s, ES-D-RTRL %.3f s (its forward alone %.3f s), D-RTRL %.3f s;"
                                + " losses %.5f %.5f %.5f %.5f%n", i, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                        (t4 - t3) / 1e9, b.loss(), e.loss(), f.loss(), x.loss());
            }
        }
    }
}
