package org.brainfx.engine.data;

import java.io.IOException;

/** A recording file that cannot be read or used; the message names the file, the place and the problem. */
public class RecordingException extends IOException {
    /** An error with its full message. */
    public RecordingException(String message) {
        super(message);
    }

    /** An error caused by another. */
    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
