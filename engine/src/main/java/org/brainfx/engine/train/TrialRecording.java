package org.brainfx.engine.train;

import java.util.List;
import org.brainfx.engine.task.Period;

/**
 * One trial of a trained network, recorded for pictures: the input spikes, the recurrent spikes, the
 * membrane potential of a few neurons and the readout, step by step.
 *
 * @param steps          steps in the trial
 * @param dtMs           time step, ms
 * @param inputSteps     steps of the input spikes
 * @param inputChannels  their channels
 * @param spikeSteps     steps of the recurrent spikes
 * @param spikeNeurons   their neurons (E first, then I)
 * @param excitatory     E neurons
 * @param neurons        the neurons whose potential was kept
 * @param voltages       their potentials, [neuron][step]
 * @param readout        the readout units, [unit][step]
 * @param classNames     the readout units' classes
 * @param label          the trial's true class
 * @param chosen         the class the readout chose
 * @param periods        the task's periods
 */
public record TrialRecording(int steps, double dtMs, int[] inputSteps, int[] inputChannels, int[] spikeSteps,
                             int[] spikeNeurons, int excitatory, int[] neurons, float[][] voltages, float[][] readout,
                             List<String> classNames, int label, int chosen, List<Period> periods) {
}
