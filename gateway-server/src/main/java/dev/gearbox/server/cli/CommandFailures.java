package dev.gearbox.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Turns the expected failures of a data command (bad file, bad row) into one line on stderr and exit 2. */
final class CommandFailures {

    static final int EXIT_CODE = 2;

    /** A command body that may fail on its input. */
    @FunctionalInterface
    interface Body {
        int run() throws IOException;
    }

    private CommandFailures() {
    }

    static int guard(PrintWriter err, Body body) {
        try {
            return body.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return fail(err, e.getMessage());
        } catch (UncheckedIOException e) {
            return fail(err, e.getMessage() + ": " + e.getCause().getMessage());
        } catch (IOException e) {
            return fail(err, e.toString());
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return EXIT_CODE;
    }
}
