package org.brainfx.engine.train;

import org.brainfx.engine.task.EvidenceAccumulation;
import org.brainfx.engine.task.TrialBatch;

/** Prints seconds per training batch of the reference network on evidence accumulation (a tool, not a test). */
final class RsnnTiming {
    private RsnnTiming() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        EvidenceAccumulation task = EvidenceAccumulation.reference();
        EiRsnn net = EiRsnn.reference(task.channels(), 2, 1);
        RsnnWeights w = RsnnWeights.reference(net, 2);
        RsnnWeights g = RsnnWeights.zeros(net);
        try (RsnnBptt bptt = new RsnnBptt(net, trials, threads)) {
            for (int i = 0; i < batches; i++) {
                TrialBatch batch = task.batch(1, i, trials);
                long t0 = System.nanoTime();
                BatchOutcome out = bptt.evaluate(batch, w);
                long t1 = System.nanoTime();
                BatchOutcome out2 = bptt.gradient(batch, w, g);
                long t2 = System.nanoTime();
                System.out.printf("batch %d: forward only %.3f s, forward+backward %.3f s, loss %.4f acc %.3f rates E %.2f I %.2f Hz%n",
                        i, (t1 - t0) / 1e9, (t2 - t1) / 1e9, out2.loss(), out.accuracy(), out.rateE(), out.rateI());
            }
        }
    }
}
