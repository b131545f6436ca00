package org.brainfx.app.workbench;

import org.brainfx.engine.job.FitResult;

/**
 * An entry of the project explorer.
 *
 * @param kind   which part of the project it stands for
 * @param label  the text shown
 * @param result the fit result (results only; else null)
 */
record ExplorerItem(Kind kind, String label, FitResult result) {

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
