package dev.gearbox.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a Gearbox YAML configuration: parse, resolve {@code ${VAR}} / {@code ${VAR:-default}} from the
 * environment, bind and validate. Returns a complete {@link GearboxConfig} or throws one
 * {@link ConfigException} listing every problem with its path ({@code deployments[2].base_url: ...}).
 */
public final class ConfigLoader {
    /** The classpath resource used when no configuration is given: simulated deployments, no keys. */
    public static final String DEFAULT_RESOURCE = "gearbox-default.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    /** Loads a file, resolving references from the process environment. */
    public static GearboxConfig load(Path file) {
        return load(file, System.getenv());
    }

    public static GearboxConfig load(Path file, Map<String, String> env) {
        String source = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, List.of(new ConfigError(source, "file not found")));
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException(source, List.of(new ConfigError(source, "cannot read file: " + e)));
        }
        return parse(yaml, env, source);
    }

    /** The built-in default ({@value #DEFAULT_RESOURCE}), which needs no API keys. */
    public static GearboxConfig loadDefault() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), System.getenv(), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Parses YAML text. {@code sourceName} names the origin in messages (a path, {@code <stdin>}).
     *
     * @throws ConfigException with every problem found
     */
    public static GearboxConfig parse(String yaml, Map<String, String> env, String sourceName) {
        ErrorCollector errors = new ErrorCollector();
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(sourceName, List.of(new ConfigError(sourceName, describe(e))));
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new ConfigException(sourceName, List.of(new ConfigError(sourceName, ConfigBinder.describeRoot(tree))));
        }
        new EnvInterpolator(env).interpolateTree(object, errors);
        return ConfigBinder.bind(object, errors)
                .orElseThrow(() -> new ConfigException(sourceName, errors.errors()));
    }

    /**
     * The parser's problem and position, without the excerpt of the offending line that YAML parsers
     * append (it could be an API key).
     */
    private static String describe(JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        int excerpt = problem.indexOf('\n');
        if (excerpt >= 0) {
            problem = problem.substring(0, excerpt);
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0
                ? "invalid YAML"
                : "invalid YAML at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return where + ": " + problem.strip();
    }
}
