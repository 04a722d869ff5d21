package dev.gearbox.server.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.core.cache.CacheStatus;
import dev.gearbox.server.docker.PromQlReferences.LabelUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the files under {@code docker/} consistent with each other and with the gateway: one port
 * everywhere, the config mounted where the image reads it, Prometheus scraping that port, and a
 * dashboard whose every query reads series and labels Gearbox really exports (derived from the meter
 * enums, so renaming a meter without fixing the dashboard fails here). The image itself is proved
 * by docker/build-and-run.sh, which needs podman and is too slow for every build.
 */
class DockerAssetsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG_PATH = "/etc/gearbox/gearbox.yaml";
    private static final String GEARBOX_SERVICE = "gearbox";

    private static Path repo;
    private static Path docker;
    private static DockerfileInstructions dockerfile;
    private static JsonNode compose;
    private static JsonNode dashboard;

    @BeforeAll
    static void readFiles() throws IOException {
        repo = repositoryRoot();
        docker = repo.resolve("docker");
        dockerfile = DockerfileInstructions.parse(Files.readString(docker.resolve("Dockerfile")));
        compose = YAML.readTree(docker.resolve("compose.yaml").toFile());
        dashboard = JSON.readTree(docker.resolve("grafana/dashboards/gearbox.json").toFile());
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker/Dockerfile"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker/Dockerfile above " + Path.of("").toAbsolutePath());
    }

    private static int exposedPort() {
        List<String> exposed = dockerfile.all("EXPOSE");
        assertThat(exposed).as("EXPOSE").hasSize(1);
        return Integer.parseInt(exposed.get(0));
    }

    private static List<String> jsonArray(String instruction) throws IOException {
        String json = instruction.substring(instruction.indexOf('['));
        return List.of(JSON.readValue(json, String[].class));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** The compose service's bind mounts, as container path -> host path resolved against docker/. */
    private static Map<String, Path> mounts(String service) {
        Map<String, Path> mounts = new HashMap<>();
        for (String volume : texts(compose.path("services").path(service).path("volumes"))) {
            String[] parts = volume.split(":");
            if (parts[0].startsWith(".")) {
                mounts.put(parts[1], docker.resolve(parts[0]).normalize());
            }
        }
        return mounts;
    }

    private static List<JsonNode> drawingPanels() {
        return StreamSupport.stream(dashboard.path("panels").spliterator(), false)
                .filter(panel -> !"row".equals(panel.path("type").asText()))
                .toList();
    }

    private static String datasourceUid() throws IOException {
        JsonNode provisioned = YAML.readTree(docker.resolve("grafana/provisioning/datasources/prometheus.yaml").toFile());
        return provisioned.path("datasources").get(0).path("uid").asText();
    }

    @Test
    void theBaseImageIsABuildArgumentAndTheProcessIsNotRoot() {
        assertThat(dockerfile.all("ARG")).contains("BASE_IMAGE=eclipse-temurin:17-jre");
        assertThat(dockerfile.all("FROM")).containsExactly("${BASE_IMAGE}");
        assertThat(dockerfile.last("USER")).hasValueSatisfying(user ->
                assertThat(user.split(":")[0]).isNotIn("root", "0").matches("[1-9][0-9]*"));
        assertThat(dockerfile.all("RUN")).as("no RUN: a base without a shell must work").isEmpty();
    }

    @Test
    void theImageServesTheConfigAtTheDocumentedPathOnTheExposedPort() throws IOException {
        assertThat(jsonArray("CMD " + dockerfile.last("CMD").orElseThrow()))
                .containsExactly("serve", "--config", CONFIG_PATH);
        assertThat(dockerfile.all("COPY")).contains("config/src/main/resources/gearbox-default.yaml " + CONFIG_PATH);
        assertThat(ConfigLoader.loadDefault().server().port()).isEqualTo(exposedPort());
    }

    @Test
    void theHealthcheckAsksTheReadyEndpointOnTheExposedPort() throws IOException {
        String healthcheck = dockerfile.last("HEALTHCHECK").orElseThrow();
        List<String> command = jsonArray(healthcheck.substring(healthcheck.indexOf("CMD ")));

        assertThat(command).startsWith("java").contains("/opt/gearbox/gearbox.jar", "health");
        assertThat(command.get(command.indexOf("--url") + 1))
                .isEqualTo("http://127.0.0.1:" + exposedPort() + "/health/ready");
    }

    @Test
    void composeBuildsTheDockerfileAndMountsAValidConfigAtTheDocumentedPath() {
        JsonNode gearbox = compose.path("services").path(GEARBOX_SERVICE);
        Path context = docker.resolve(gearbox.path("build").path("context").asText()).normalize();
        assertThat(context).isEqualTo(repo);
        assertThat(context.resolve(gearbox.path("build").path("dockerfile").asText())).isEqualTo(docker.resolve("Dockerfile"));
        assertThat(texts(gearbox.path("ports"))).contains(exposedPort() + ":" + exposedPort());

        Path mounted = mounts(GEARBOX_SERVICE).get(CONFIG_PATH);
        assertThat(mounted).as("a mount at " + CONFIG_PATH).isNotNull().isRegularFile();
        assertThat(texts(gearbox.path("volumes"))).anyMatch(v -> v.endsWith(":" + CONFIG_PATH + ":ro"));
        GearboxConfig config = ConfigLoader.load(mounted, Map.of());
        assertThat(config.server().port()).isEqualTo(exposedPort());
    }

    @Test
    void theComposeConfigWritesItsDecisionLogIntoTheStateVolume() {
        String state = "/var/lib/gearbox";
        assertThat(dockerfile.all("COPY")).anyMatch(copy -> copy.startsWith("--chown=") && copy.endsWith(" " + state + "/"));
        assertThat(dockerfile.last("WORKDIR")).hasValue(state);
        assertThat(texts(compose.path("services").path(GEARBOX_SERVICE).path("volumes")))
                .anyMatch(volume -> !volume.startsWith(".") && volume.endsWith(":" + state));

        GearboxConfig config = ConfigLoader.load(mounts(GEARBOX_SERVICE).get(CONFIG_PATH), Map.of());
        assertThat(config.telemetry().decisionLog().enabled()).isTrue();
        assertThat(Path.of(state).resolve(config.telemetry().decisionLog().directory()).normalize())
                .startsWithRaw(Path.of(state));
    }

    @Test
    void prometheusScrapesTheGearboxServiceOnTheExposedPort() throws IOException {
        Map<String, Path> mounts = mounts("prometheus");
        Path config = mounts.get("/etc/prometheus/prometheus.yml");
        assertThat(config).isEqualTo(docker.resolve("prometheus/prometheus.yml"));
        assertThat(texts(compose.path("services").path("prometheus").path("command")))
                .contains("--config.file=/etc/prometheus/prometheus.yml");

        JsonNode job = StreamSupport.stream(YAML.readTree(config.toFile()).path("scrape_configs").spliterator(), false)
                .filter(j -> j.path("job_name").asText().equals(GEARBOX_SERVICE))
                .findFirst().orElseThrow();
        assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(texts(job.path("static_configs").get(0).path("targets")))
                .containsExactly(GEARBOX_SERVICE + ":" + exposedPort());
    }

    @Test
    void grafanaIsProvisionedWithTheDatasourceAndTheDashboardFolder() throws IOException {
        Map<String, Path> mounts = mounts("grafana");
        assertThat(mounts.get("/etc/grafana/provisioning")).isEqualTo(docker.resolve("grafana/provisioning"));
        JsonNode providers = YAML.readTree(docker.resolve("grafana/provisioning/dashboards/gearbox.yaml").toFile());
        String dashboardsPath = providers.path("providers").get(0).path("options").path("path").asText();
        assertThat(mounts.get(dashboardsPath)).isEqualTo(docker.resolve("grafana/dashboards"));

        JsonNode datasource = YAML.readTree(docker.resolve("grafana/provisioning/datasources/prometheus.yaml").toFile())
                .path("datasources").get(0);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
    }

    @Test
    void everyPanelQueriesTheProvisionedDatasource() throws IOException {
        String uid = datasourceUid();
        assertThat(drawingPanels()).isNotEmpty().allSatisfy(panel -> {
            String title = panel.path("title").asText();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(uid);
            assertThat(panel.path("targets")).as(title).isNotEmpty().allSatisfy(target -> {
                assertThat(target.path("expr").asText()).as(title).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo(uid);
            });
        });
    }

    @Test
    void theDashboardShowsWhatRoutingSavesEscalatesAndCosts() {
        List<String> titles = drawingPanels().stream().map(panel -> panel.path("title").asText()).toList();

        assertThat(titles).contains("Cost vs baseline", "Savings", "Savings per class", "Share per tier",
                "Share per tier, per class", "Escalation rate per class", "Cache hit rate per class",
                "Total latency", "Time to first token (streams)", "Gearbox overhead");
    }

    @Test
    void theCacheHitPanelCountsExactlyTheHitStatuses() {
        String expr = drawingPanels().stream()
                .filter(panel -> panel.path("title").asText().equals("Cache hit rate per class"))
                .findFirst().orElseThrow().path("targets").get(0).path("expr").asText();
        Matcher matcher = Pattern.compile("cache=~\"([^\"]+)\"").matcher(expr);
        assertThat(matcher.find()).as(expr).isTrue();
        Pattern hit = Pattern.compile(matcher.group(1));   // PromQL regexes are anchored, as matches() is

        for (CacheStatus status : CacheStatus.values()) {
            boolean isHit = status == CacheStatus.HIT_EXACT || status == CacheStatus.HIT_SEMANTIC;
            assertThat(hit.matcher(status.wire()).matches()).as(status.wire()).isEqualTo(isHit);
        }
    }

    @Test
    void everyQueryReadsSeriesAndLabelsGearboxExports() {
        ExportedMetrics exported = ExportedMetrics.fromMeterEnums();
        List<String> queries = new ArrayList<>();
        drawingPanels().forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(v -> queries.add(v.path("definition").asText()));

        List<String> problems = new ArrayList<>();
        for (String query : queries) {
            PromQlReferences refs = PromQlReferences.of(query);
            new TreeSet<>(refs.metrics()).stream().filter(name -> !exported.exports(name))
                    .forEach(name -> problems.add(name + " is not exported (in: " + query + ")"));
            for (LabelUse use : refs.labelUses()) {
                if (exported.exports(use.metric()) && !exported.labels(use.metric()).contains(use.label())) {
                    problems.add(use.metric() + " has no label " + use.label() + " (it has "
                            + new TreeSet<>(exported.labels(use.metric())) + ")");
                }
            }
        }
        assertThat(queries).hasSizeGreaterThan(10);
        assertThat(problems).as("exported: " + new TreeSet<>(exported.names())).isEmpty();
    }
}
