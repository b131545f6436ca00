package org.brainfx.engine.train;

import com.google.gson.JsonObject;

/**
 * One stage of a training curriculum: the project's task with some of its settings changed (e.g. a
 * shorter delay), trained for a number of batches before the next stage or the project's task itself.
 * In a project: {@code "curriculum": [{"batches": 40, "settings": {"delayMs": 100}}, …]} under
 * {@code training}.
 *
 * @param batches  batches trained on this stage
 * @param settings the task settings that differ from the project's (the rest are the project's)
 */
public record CurriculumStage(Integer batches, JsonObject settings) {

    /** Refuses a stage without batches or settings, naming it by its place in the list. */
    void check(int index) {
        String where = "training.curriculum[" + index + "]";
        if (batches == null || batches < 1) {
            throw new IllegalArgumentException(where + ".batches must be at least 1, got " + batches
                    + "; give each stage the number of batches it trains for");
        }
        if (settings == null) {
            throw new IllegalArgumentException(where + " has no \"settings\": give the task settings this stage changes,"
                    + " e.g. {\"delayMs\": 100}");
        }
    }
}
