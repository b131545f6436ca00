package org.brainfx.engine.net;

/** A network that cannot be built or run as specified; the message names the element, the field and the fix. */
public class NetworkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error whose message names what is wrong and how to fix it. */
    public NetworkException(String message) {
        super(message);
    }

    /** An error caused by another (e.g. a file that cannot be read). */
    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
