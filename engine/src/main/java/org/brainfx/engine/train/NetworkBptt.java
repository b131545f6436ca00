package org.brainfx.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.compile.StepKernel;
import org.brainfx.engine.net.BuiltPopulation;
import org.brainfx.engine.net.BuiltProjection;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.SparseRows;
import org.brainfx.engine.net.SpikeSources;

/**
 * Reverse-mode differentiation through time of a network run: the compiled neurons' reverse kernels
 * (surrogate spikes included) and the synaptic propagation. A synapse k from pre i to post j with
 * delay d adds {@code sign·w_k·z_i(t−d)} to a post state after step t, so its reverse pass gives
 * {@code dL/dw_k += sign·z_i(t−d)·λ_j(t+1)} and {@code dL/dz_i(t−d) += sign·w_k·λ_j(t+1)}; the spike's
 * adjoint then enters the pre neuron's reverse kernel at step t−d. Weights are given as doubles (one
 * array per projection, in sparse-row order) so that they can be perturbed exactly; spikes multiply
 * the weights, so a smooth network ({@link org.brainfx.engine.net.NetworkFactory#buildSmooth}) has an
 * exact gradient. Gap junctions enter as inputs, {@code I_j += g·(V_i − V_j)}, and their reverse
 * pass reaches both voltages and the conductance. Every state is stored: meant for small networks and
 * for checking the training gradients; injected currents are not supported here.
 */
public final class NetworkBptt {
    private final Network net;
    private final int steps;
    private final double dt;
    private final int np;

    /** A gradient pass over {@code steps} steps of the network. */
    public NetworkBptt(Network net, int steps) {
        if (!net.spec().currents().isEmpty()) {
            throw new NetworkException("network '" + net.spec().name() + "': gradients through injected currents are not"
                    + " supported yet; drive the network with spike sources");
        }
        for (BuiltProjection p : net.projections()) {
            if (p.plasticity() != null) {
                throw new NetworkException("projection '" + p.name() + "': gradients through short-term plasticity are not"
                        + " supported yet; remove 'plasticity' to train this network");
            }
        }
        this.net = net;
        this.steps = steps;
        this.dt = net.spec().dt();
        this.np = net.populations().size();
    }

    /** The network's own weights as doubles, one array per projection. */
    public static double[][] weightsOf(Network net) {
        double[][] w = new double[net.projections().size()][];
        for (int k = 0; k < w.length; k++) {
            float[] f = net.projections().get(k).rows().weight();
            w[k] = new double[f.length];
            for (int s = 0; s < f.length; s++) {
                w[k][s] = f[s];
            }
        }
        return w;
    }

    /** The loss only. */
    public double loss(double[][] weights, NetworkLoss loss) {
        return new Pass(weights).forward(loss);
    }

    /** The loss and its gradient. */
    public NetworkGradient gradient(double[][] weights, NetworkLoss loss) {
        Pass pass = new Pass(weights);
        double value = pass.forward(loss);
        return pass.backward(value, loss);
    }

    /** One forward pass with every state kept, and its reverse. */
    private final class Pass {
        private final double[][] weights;
        private final double[][][][] states = new double[np][][][];
        private final double[][][] spikes = new double[np][][];
        private final double[][][] inv = new double[np][][];
        /** Inputs per population and step ({@code [p][t][input][neuron]}): zero but for gap-junction currents. */
        private final double[][][][] in = new double[np][][][];
        /** Spikes of each source per step and generator (a generator may fire more than once in a step). */
        private final int[][][] sourceSpikes;

        Pass(double[][] weights) {
            this.weights = weights;
            sourceSpikes = new int[net.sources().size()][steps][];
            for (int p = 0; p < np; p++) {
                BuiltPopulation pop = net.populations().get(p);
                states[p] = new double[steps + 1][][];
                spikes[p] = new double[steps][pop.size()];
                inv[p] = new double[pop.model().kernel().invariantCount()][pop.size()];
                pop.model().kernel().prepare(pop.parameters(), dt, inv[p], 0, pop.size());
                in[p] = new double[steps][pop.model().inputCount()][pop.size()];
                states[p][0] = new double[pop.model().stateCount()][];
                for (int s = 0; s < states[p][0].length; s++) {
                    states[p][0][s] = pop.initial()[s].clone();
                }
            }
        }

        double forward(NetworkLoss loss) {
            double total = 0;
            SpikeSources[] sources = new SpikeSources[sourceSpikes.length];
            for (int k = 0; k < sources.length; k++) {
                sources[k] = SpikeSources.of(net, k);
            }
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < net.projections().size(); k++) {
                    if (net.projections().get(k).isGapJunction()) {
                        couple(k, t);
                    }
                }
                for (int p = 0; p < np; p++) {
                    BuiltPopulation pop = net.populations().get(p);
                    states[p][t + 1] = new double[pop.model().stateCount()][pop.size()];
                    pop.model().kernel().forward(states[p][t], pop.parameters(), inv[p], in[p][t], dt, states[p][t + 1],
                            spikes[p][t], 0, pop.size());
                }
                for (int k = 0; k < sourceSpikes.length; k++) {
                    int count = sources[k].spikes(t);
                    sourceSpikes[k][t] = new int[net.sources().get(k).size()];
                    for (int s = 0; s < count; s++) {
                        sourceSpikes[k][t][sources[k].fired()[s]]++;
                    }
                }
                for (int k = 0; k < net.projections().size(); k++) {
                    if (!net.projections().get(k).isGapJunction()) {
                        deliver(k, t);
                    }
                }
                for (int p = 0; p < np; p++) {
                    total += loss.forward(t, p, states[p][t + 1], spikes[p][t]);
                }
            }
            return total;
        }

        /** Gap-junction currents from the voltages at the start of step t into that step's inputs. */
        private void couple(int k, int t) {
            BuiltProjection pr = net.projections().get(k);
            SparseRows rows = pr.rows();
            double[] vPre = states[pr.pre()][t][net.populations().get(pr.pre()).voltage()];
            double[] vPost = states[pr.post()][t][net.populations().get(pr.post()).voltage()];
            double[] inPre = in[pr.pre()][t][pr.preInput()];
            double[] inPost = in[pr.post()][t][pr.postInput()];
            for (int i = 0; i < rows.preCount(); i++) {
                for (int s = rows.rowStart()[i]; s < rows.rowStart()[i + 1]; s++) {
                    int j = rows.post()[s];
                    double current = weights[k][s] * (vPre[i] - vPost[j]);
                    inPost[j] += current;
                    inPre[i] -= current;
                }
            }
        }

        /** The reverse of {@link #couple}: adds into the adjoints of the voltages at step t and into the conductances' gradients. */
        private void reverseCoupling(int k, int t, double[][][] adjointAtT, double[][][] gradIn, double[] gradW) {
            BuiltProjection pr = net.projections().get(k);
            SparseRows rows = pr.rows();
            int vi = net.populations().get(pr.pre()).voltage();
            int vj = net.populations().get(pr.post()).voltage();
            double[] vPre = states[pr.pre()][t][vi];
            double[] vPost = states[pr.post()][t][vj];
            double[] lambdaPre = gradIn[pr.pre()][pr.preInput()];
            double[] lambdaPost = gradIn[pr.post()][pr.postInput()];
            for (int i = 0; i < rows.preCount(); i++) {
                for (int s = rows.rowStart()[i]; s < rows.rowStart()[i + 1]; s++) {
                    int j = rows.post()[s];
                    double l = lambdaPost[j] - lambdaPre[i];
                    gradW[s] += l * (vPre[i] - vPost[j]);
                    adjointAtT[pr.pre()][vi][i] += weights[k][s] * l;
                    adjointAtT[pr.post()][vj][j] -= weights[k][s] * l;
                }
            }
        }

        private void deliver(int k, int t) {
            BuiltProjection pr = net.projections().get(k);
            SparseRows rows = pr.rows();
            double[] target = states[pr.post()][t + 1][pr.targetState()];
            double[] w = weights[k];
            for (int i = 0; i < rows.preCount(); i++) {
                for (int s = rows.rowStart()[i]; s < rows.rowStart()[i + 1]; s++) {
                    double z = preSpike(pr, i, t - rows.delay(s));
                    if (z != 0 && !dropped(pr, t, rows.post()[s])) {
                        target[rows.post()[s]] += pr.sign() * w[s] * z;
                    }
                }
            }
        }

        /** True when a spike arriving at post neuron j after step t is dropped because j is refractory. */
        private boolean dropped(BuiltProjection pr, int t, int j) {
            if (!pr.unlessRefractory()) {
                return false;
            }
            int timer = net.populations().get(pr.post()).model().checked().refractoryState();
            return states[pr.post()][t + 1][timer][j] > 1.5 * dt;
        }

        private double preSpike(BuiltProjection pr, int i, int step) {
            if (step < 0) {
                return 0;
            }
            if (pr.fromSource()) {
                return sourceSpikes[pr.pre()][step][i];
            }
            return spikes[pr.pre()][step][i];
        }

        NetworkGradient backward(double value, NetworkLoss loss) {
            List<double[][]> gradP = new ArrayList<>();
            List<double[][]> gradInv = new ArrayList<>();
            double[][][] adjoint = new double[np][][];
            double[][][] adjSpike = new double[np][][];
            double[][][] adjPrev = new double[np][][];
            double[][][] gradIn = new double[np][][];
            for (int p = 0; p < np; p++) {
                BuiltPopulation pop = net.populations().get(p);
                gradP.add(new double[pop.model().parameterCount()][pop.size()]);
                gradInv.add(new double[inv[p].length][pop.size()]);
                adjoint[p] = new double[pop.model().stateCount()][pop.size()];
                adjPrev[p] = new double[pop.model().stateCount()][pop.size()];
                adjSpike[p] = new double[steps][pop.size()];
                gradIn[p] = new double[pop.model().inputCount()][pop.size()];
            }
            double[][] gradW = new double[weights.length][];
            for (int k = 0; k < gradW.length; k++) {
                gradW[k] = new double[weights[k].length];
            }
            for (int t = steps - 1; t >= 0; t--) {
                for (int p = 0; p < np; p++) {
                    loss.backward(t, p, states[p][t + 1], spikes[p][t], adjoint[p], adjSpike[p][t]);
                }
                for (int k = 0; k < net.projections().size(); k++) {
                    if (!net.projections().get(k).isGapJunction()) {
                        reverseDelivery(k, t, adjoint, adjSpike, gradW[k]);
                    }
                }
                for (int p = 0; p < np; p++) {
                    BuiltPopulation pop = net.populations().get(p);
                    StepKernel kernel = pop.model().kernel();
                    kernel.backward(states[p][t], pop.parameters(), inv[p], in[p][t], dt, adjoint[p], adjSpike[p][t], adjPrev[p],
                            gradP.get(p), gradInv.get(p), gradIn[p], 0, pop.size());
                }
                for (int k = 0; k < net.projections().size(); k++) {
                    if (net.projections().get(k).isGapJunction()) {
                        reverseCoupling(k, t, adjPrev, gradIn, gradW[k]);
                    }
                }
                for (int p = 0; p < np; p++) {
                    double[][] swap = adjoint[p];
                    adjoint[p] = adjPrev[p];
                    adjPrev[p] = swap;
                }
            }
            List<double[][]> initial = new ArrayList<>();
            for (int p = 0; p < np; p++) {
                BuiltPopulation pop = net.populations().get(p);
                pop.model().kernel().finish(pop.parameters(), dt, gradInv.get(p), gradP.get(p), 0, pop.size());
                initial.add(adjoint[p]);
            }
            return new NetworkGradient(value, List.copyOf(gradP), List.copyOf(initial), List.of(gradW));
        }

        private void reverseDelivery(int k, int t, double[][][] adjoint, double[][][] adjSpike, double[] gradW) {
            BuiltProjection pr = net.projections().get(k);
            SparseRows rows = pr.rows();
            double[] lambda = adjoint[pr.post()][pr.targetState()];
            double[] w = weights[k];
            for (int i = 0; i < rows.preCount(); i++) {
                for (int s = rows.rowStart()[i]; s < rows.rowStart()[i + 1]; s++) {
                    int from = t - rows.delay(s);
                    if (from < 0 || dropped(pr, t, rows.post()[s])) {
                        continue;
                    }
                    double l = pr.sign() * lambda[rows.post()[s]];
                    gradW[s] += preSpike(pr, i, from) * l;
                    if (!pr.fromSource()) {
                        adjSpike[pr.pre()][from][i] += w[s] * l;
                    }
                }
            }
        }
    }
}
