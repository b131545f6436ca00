package org.brainfx.engine.train;

import java.util.List;
import org.brainfx.engine.task.CognitiveTask;
import org.brainfx.engine.task.InputGroup;
import org.brainfx.engine.task.TrialBatch;

/**
 * The task a training run draws batch {@code i} from: the curriculum's stage whose batches include
 * {@code i}, then the project's task. Its inputs and classes are the project task's (the stages are
 * checked to share them, so one network reads them all); a stage may change the trial's timing, so a
 * batch's length is that of its stage. Batches depend only on (seed, index, trial) as every task's do,
 * so a run resumed at batch n sees the stage and the trials it would have seen.
 */
final class Curriculum implements CognitiveTask {
    private final CognitiveTask target;
    private final List<CognitiveTask> stages;
    private final long[] ends;

    /**
     * A curriculum of {@code stages} (each trained for {@code batches[k]} batches, in order) before {@code target}.
     *
     * @throws IllegalArgumentException when a stage's inputs or classes differ from the target's
     */
    Curriculum(CognitiveTask target, List<CognitiveTask> stages, int[] batches) {
        if (stages.size() != batches.length) {
            throw new IllegalArgumentException("a curriculum needs a batch count per stage: " + stages.size()
                    + " stages, " + batches.length + " counts");
        }
        this.target = target;
        this.stages = List.copyOf(stages);
        this.ends = new long[batches.length];
        long end = 0;
        for (int k = 0; k < batches.length; k++) {
            CognitiveTask stage = stages.get(k);
            if (!stage.groups().equals(target.groups()) || !stage.classNames().equals(target.classNames())
                    || stage.dtMs() != target.dtMs()) {
                throw new IllegalArgumentException("training.curriculum[" + k + "].settings change the task's inputs or"
                        + " classes or its time step (" + stage.channels() + " channels " + stage.classNames() + " at dt "
                        + stage.dtMs() + " ms instead of " + target.channels() + " channels " + target.classNames()
                        + " at dt " + target.dtMs() + " ms); a stage may change timing and difficulty, not what the"
                        + " network reads or answers");
            }
            end += batches[k];
            ends[k] = end;
        }
    }

    /** The task batch {@code batchIndex} comes from. */
    CognitiveTask taskAt(long batchIndex) {
        for (int k = 0; k < ends.length; k++) {
            if (batchIndex < ends[k]) {
                return stages.get(k);
            }
        }
        return target;
    }

    @Override
    public String name() {
        return target.name();
    }

    @Override
    public double dtMs() {
        return target.dtMs();
    }

    @Override
    public List<InputGroup> groups() {
        return target.groups();
    }

    @Override
    public List<String> classNames() {
        return target.classNames();
    }

    @Override
    public TrialBatch batch(long seed, long batchIndex, int trials) {
        return taskAt(batchIndex).batch(seed, batchIndex, trials);
    }
}
