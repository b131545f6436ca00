package org.brainfx.engine.compile;

/**
 * One simulation step as graph outputs: the next value of every state and the output spike,
 * as functions of the previous states, parameters, inputs and {@code dt}.
 *
 * @param graph     the graph the nodes live in
 * @param nextState node of each state after the step
 * @param spike     output spike on the new state (a Heaviside node), or the constant 0 without a spike condition
 */
record StepGraph(Graph graph, Node[] nextState, Node spike) {
}
