package org.brainfx.app.workbench;

import org.brainfx.engine.project.SavedFit;

/**
 * An entry of the project explorer.
 *
 * @param kind   which part of the project it stands for
 * @param label  the text shown
 * @param result the kept fit result (results only; else null)
 * @param index  the result's place among the project's results, from 0 (results only; else -1)
 */
record ExplorerItem(Kind kind, String label, SavedFit result, int index) {

    /** An item that is not a result. */
    ExplorerItem(Kind kind, String label) {
        this(kind, label, null, -1);
    }

    /** The parts of a project the explorer lists. */
    enum Kind {
        /** The project itself (its name). */
        PROJECT,
        /** The "Recordings" heading. */
        RECORDINGS,
        /** The recording or stimulus traces. */
        RECORDING,
        /** The "Models" heading. */
        MODELS,
        /** The model. */
        MODEL,
        /** The "Fits" heading. */
        FITS,
        /** The fit settings. */
        FIT,
        /** The "Results" heading. */
        RESULTS,
        /** One finished fit's result. */
        RESULT
    }

    @Override
    public String toString() {
        return label;
    }
}
