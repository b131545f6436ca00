package org.brainfx.engine.data.connectome;

import java.io.IOException;

/** A connectome file that cannot be read or used; the message names the file, the place and the fix. */
public class ConnectomeException extends IOException {
    /** An error with its full message. */
    public ConnectomeException(String message) {
        super(message);
    }

    /** An error caused by another. */
    public ConnectomeException(String message, Throwable cause) {
        super(message, cause);
    }
}
