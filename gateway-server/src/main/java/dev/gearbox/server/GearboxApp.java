package dev.gearbox.server;

import dev.gearbox.config.GearboxConfig;
import dev.gearbox.core.cache.ResponseCaches;
import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.core.gateway.DefaultChatGateway;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.routing.DeploymentHealth;
import dev.gearbox.core.routing.DeploymentRegistry;
import dev.gearbox.core.routing.ModelResolver;
import dev.gearbox.core.routing.ProviderFactory;
import dev.gearbox.providers.http.UpstreamHttpClient;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.server.http.ErrorResponder;
import dev.gearbox.server.http.ExchangeServices;
import dev.gearbox.server.http.RequestIds;
import dev.gearbox.server.http.RouteTable;
import dev.gearbox.server.metrics.EventLoopMeters;
import dev.gearbox.server.metrics.JvmMeters;
import dev.gearbox.server.telemetry.FeedbackEndpoint;
import dev.gearbox.server.telemetry.Telemetry;
import dev.gearbox.server.metrics.ServerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Gearbox: from a {@link GearboxConfig} it builds the event loops (one acceptor, one
 * worker per core, shared by the server and the upstream client), the Prometheus registry with JVM
 * meters, the upstream client, the providers, the deployment registry, the router (classifier
 * loaded before the port is bound), the cascade's answer-quality model when configured, the gateway
 * behind its cache and telemetry stages, and the server, and starts listening. {@link #stop(Duration)}
 * tears it all down in reverse order.
 */
public final class GearboxApp implements AutoCloseable {
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(GearboxApp.class);

    private final GearboxServer server;
    private final PrometheusMeterRegistry meters;
    /** What to close on stop, most recently created first. */
    private final Deque<AutoCloseable> resources;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    private GearboxApp(GearboxServer server, PrometheusMeterRegistry meters, Deque<AutoCloseable> resources) {
        this.server = server;
        this.meters = meters;
        this.resources = resources;
    }

    /** Starts with the built-in providers (OpenAI-compatible and simulator) and the system clock. */
    public static GearboxApp start(GearboxConfig config) throws InterruptedException {
        return start(config, GearboxProviders::factory, Clock.systemUTC());
    }

    /**
     * Starts with the given providers; tests use it to plug scripted ones. Fails (after releasing
     * whatever it had built) when the port cannot be bound.
     */
    public static GearboxApp start(GearboxConfig config, Function<ProviderContext, ProviderFactory> providers,
                                   Clock clock) throws InterruptedException {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            NettyTransport transport = NettyTransport.detect();
            EventLoopGroup acceptors = transport.newEventLoopGroup(1, "gearbox-accept");
            resources.push(() -> shutdown(acceptors));
            EventLoopGroup workers = transport.newEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                    "gearbox-io");
            resources.push(() -> shutdown(workers));
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            resources.push(meters::close);
            JvmMeters jvm = new JvmMeters(meters);
            resources.push(jvm);
            EventLoopMeters.bind(meters, "accept", acceptors);
            EventLoopMeters.bind(meters, "io", workers);

            OpenAiCodec codec = new OpenAiCodec();
            UpstreamHttpClient upstream = new UpstreamHttpClient(workers);
            resources.push(upstream);
            DeploymentRegistry deployments = DeploymentRegistry.create(config,
                    providers.apply(new ProviderContext(workers, upstream, codec, clock)));
            resources.push(deployments);
            DeploymentHealth health = new DeploymentHealth(clock);
            GatewayMetrics gatewayMetrics = new GatewayMetrics(meters);
            ClassifierServices classifier = new ClassifierServices(resources, gatewayMetrics::embeddingComputed);
            ChatGateway routed = DefaultChatGateway.create(config, deployments, health, gatewayMetrics, clock,
                    RouterSetup.create(config, deployments, classifier), AnswerModelSetup.create(config, resources, classifier));
            ResponseCaches caches = CacheSetup.caches(config.cache(), clock);
            // The pipeline's stages, outermost first: telemetry (sees the final route), caches, then
            // routing, cascade and attempts.
            ChatGateway cached = CacheSetup.decorate(routed, config.cache(), caches, classifier, gatewayMetrics,
                    resources);
            Telemetry telemetry = Telemetry.create(config, cached, deployments, health, meters, clock, resources);
            ChatGateway gateway = telemetry.gateway();

            ServerState state = new ServerState();
            ExchangeServices services = new ExchangeServices(new ErrorResponder(codec::writeError),
                    new ServerMetrics(meters), state, RequestIds.create(), System::nanoTime);
            List<String> modelIds = new ModelResolver(config).modelIds();
            RouteTable routes = GearboxRoutes.create(gateway, codec, () -> modelIds,
                    clock.instant().getEpochSecond(), state, meters, config.cache(), caches,
                    new FeedbackEndpoint(telemetry.decisionLog(), clock));
            GearboxServer server = new GearboxServer(config.server(), transport, acceptors, workers, routes, services);
            server.start();
            return new GearboxApp(server, meters, resources);
        } catch (InterruptedException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** The port the server listens on (the OS's pick when the config says 0). */
    public int port() {
        return server.port();
    }

    public ServerState state() {
        return server.state();
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** Drains requests in flight for up to {@code grace}, then closes everything. Idempotent. */
    public void stop(Duration grace) throws InterruptedException {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        try {
            server.stop(grace);
        } finally {
            closeAll(resources);
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop(Duration)} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() throws InterruptedException {
        stop(DEFAULT_GRACE);
    }

    private static void shutdown(EventLoopGroup group) {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                // One failing resource must not keep the others (and their threads) alive.
                LOG.warn("error while shutting down: {}", e.toString());
            }
        }
    }
}
