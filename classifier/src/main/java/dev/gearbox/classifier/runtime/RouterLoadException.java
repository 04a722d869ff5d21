package dev.gearbox.classifier.runtime;

/** The router model or its calibration named in the config cannot be used; the message says why and what to do. */
public final class RouterLoadException extends RuntimeException {
    public RouterLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public RouterLoadException(String message) {
        super(message);
    }
}
