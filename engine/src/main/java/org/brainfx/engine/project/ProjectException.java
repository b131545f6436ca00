package org.brainfx.engine.project;

/** A project file that cannot be read or used; the message names the file, the field and the fix. */
public class ProjectException extends RuntimeException {
    /** An error with its full message. */
    public ProjectException(String message) {
        super(message);
    }

    /** An error caused by another. */
    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
