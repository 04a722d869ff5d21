package dev.gearbox.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gearbox health [--url URL] [--timeout-ms N]}: asks a running gateway whether it is ready and
 * exits 0 when it answers 200, 1 otherwise (503 while draining, no answer, a timeout). The container
 * image's HEALTHCHECK runs it, so the image needs neither curl nor a shell.
 */
@Command(name = "health", mixinStandardHelpOptions = true, versionProvider = GearboxVersion.class,
        description = "Check a running gateway's readiness endpoint: exit 0 when ready, 1 when not.")
public final class HealthCommand implements Callable<Integer> {
    /** Docker's HEALTHCHECK reads 0 as healthy and 1 as unhealthy. */
    static final int EXIT_READY = 0;
    static final int EXIT_NOT_READY = 1;
    static final int EXIT_BAD_USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080/health/ready",
            description = "The readiness endpoint (default: ${DEFAULT-VALUE}).")
    private URI url;

    @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "3000",
            description = "Give up after this many milliseconds to connect and as many to answer (default: ${DEFAULT-VALUE}).")
    private int timeoutMs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            err.println("--url: must be an absolute http(s) URL, got \"" + url + "\"");
            return EXIT_BAD_USAGE;
        }
        if (timeoutMs <= 0) {
            err.println("--timeout-ms: must be positive, got " + timeoutMs);
            return EXIT_BAD_USAGE;
        }
        try {
            int status = statusOf(url);
            if (status == 200) {
                out.println("ready: " + url + " answered 200");
                out.flush();
                return EXIT_READY;
            }
            err.println("not ready: " + url + " answered " + status);
        } catch (IOException e) {
            err.println("not ready: " + url + ": " + e);
        }
        err.flush();
        return EXIT_NOT_READY;
    }

    private int statusOf(URI target) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
        connection.setConnectTimeout(timeoutMs);
        connection.setReadTimeout(timeoutMs);
        connection.setInstanceFollowRedirects(false);
        try {
            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (body != null) {
                body.close();
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }
}
