package dev.gearbox.testfixtures;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the mock upstream standalone (for the load benchmark):
 * {@code java -cp gearbox-test-fixtures.jar dev.gearbox.testfixtures.MockUpstreamMain --port 9001
 * [--host 127.0.0.1] [--threads 1] [--record 0]}. Stops on SIGTERM / Ctrl-C.
 */
public final class MockUpstreamMain {
    private MockUpstreamMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MockUpstreamServer.Options options = new MockUpstreamServer.Options("127.0.0.1", 9001, 1, 0);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> options = new MockUpstreamServer.Options(options.host(), intArg("--port", value),
                        options.ioThreads(), options.recordCapacity());
                case "--host" -> options = new MockUpstreamServer.Options(required("--host", value), options.port(),
                        options.ioThreads(), options.recordCapacity());
                case "--threads" -> options = new MockUpstreamServer.Options(options.host(), options.port(),
                        intArg("--threads", value), options.recordCapacity());
                case "--record" -> options = new MockUpstreamServer.Options(options.host(), options.port(),
                        options.ioThreads(), intArg("--record", value));
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        MockUpstreamServer server = MockUpstreamServer.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "mock-upstream-shutdown"));
        System.out.println("mock upstream listening on " + server.baseUrl());
        stopped.await();
    }

    private static int intArg(String name, String value) {
        try {
            return Integer.parseInt(required(name, value));
        } catch (NumberFormatException e) {
            usage(name + " needs a number, got '" + value + "'");
            return 0;
        }
    }

    private static String required(String name, String value) {
        if (value == null) {
            usage(name + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: MockUpstreamMain [--port 9001] [--host 127.0.0.1] [--threads 1] [--record 0]");
        System.exit(2);
    }
}
