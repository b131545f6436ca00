package org.brainfx.engine.train;

import java.util.List;
import org.brainfx.engine.task.EvidenceAccumulation;
import org.brainfx.engine.task.TrialBatch;

/**
 * A short training run of the reference network on evidence accumulation with BPTT or an online rule
 * (Adam lr 1e-3, gradient-norm clipping at 1, as the paper's online runs), printing loss and accuracy
 * per batch (a tool, not a test). Arguments: rule (bptt, d-rtrl, es-d-rtrl), batches (40), trials
 * (128), threads (1), α (0.9).
 */
final class OnlineTraining {
    private OnlineTraining() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "es-d-rtrl";
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        double alpha = args.length > 4 ? Double.parseDouble(args[4]) : OnlineRule.PAPER_ALPHA;
        EvidenceAccumulation task = EvidenceAccumulation.reference();
        EiRsnn net = EiRsnn.reference(task.channels(), 2, 1);
        RsnnWeights w = RsnnWeights.reference(net, 2);
        RsnnWeights g = RsnnWeights.zeros(net);
        List<float[]> params = w.arrays();
        List<float[]> grads = g.arrays();
        float[][] m = new float[4][];
        float[][] v = new float[4][];
        for (int a = 0; a < 4; a++) {
            m[a] = new float[params.get(a).length];
            v[a] = new float[params.get(a).length];
        }
        double lr = 1e-3;
        double b1 = 0.9;
        double b2 = 0.999;
        long start = System.nanoTime();
        try (RsnnBptt bptt = new RsnnBptt(net, trials, threads);
             OnlineGradient online = name.equals("bptt") ? null
                     : new OnlineGradient(net, OnlineRule.parse(name), alpha, trials, threads)) {
            for (int i = 1; i <= batches; i++) {
                TrialBatch batch = task.batch(7, i, trials);
                long t0 = System.nanoTime();
                BatchOutcome out = online == null ? bptt.gradient(batch, w, g) : online.gradient(batch, w, g);
                double norm = g.norm();
                double clip = norm > 1 ? 1 / norm : 1;
                double c1 = 1 - Math.pow(b1, i);
                double c2 = 1 - Math.pow(b2, i);
                for (int a = 0; a < 4; a++) {
                    float[] p = params.get(a);
                    float[] d = grads.get(a);
                    for (int k = 0; k < p.length; k++) {
                        double gk = d[k] * clip;
                        m[a][k] = (float) (b1 * m[a][k] + (1 - b1) * gk);
                        v[a][k] = (float) (b2 * v[a][k] + (1 - b2) * gk * gk);
                        p[k] -= (float) (lr * (m[a][k] / c1) / (Math.sqrt(v[a][k] / c2) + 1e-8));
                    }
                }
                System.out.printf("%s batch %d: loss %.4f accuracy %.3f rates E %.2f I %.2f Hz, |g| %.4f, %.2f s (%.0f s in all)%n",
                        name, i, out.loss(), out.accuracy(), out.rateE(), out.rateI(), norm, (System.nanoTime() - t0) / 1e9,
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
