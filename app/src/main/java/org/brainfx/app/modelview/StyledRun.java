package org.brainfx.app.modelview;

import java.util.List;

/** A stretch of model text and the CSS style classes it is drawn with (none for plain text). */
public record StyledRun(int length, List<String> styleClasses) {
    /** Copies the classes so a run cannot change after it was made. */
    public StyledRun {
        styleClasses = List.copyOf(styleClasses);
    }
}
