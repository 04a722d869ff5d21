package dev.gearbox.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Binds the required {@code deployments} list. A deployment name doubles as a {@code model} value that
 * clients may send, so it must be URL- and header-safe, unique, and distinct from {@code auto} and the
 * tier names. {@code base_url} (required for openai and azure) and {@code api_key} belong to openai and
 * azure deployments; anthropic deployments require {@code api_key}, default {@code base_url} to Anthropic's
 * API and may carry an {@code anthropic} block; gemini deployments default {@code base_url} to Google's
 * API; a {@code simulator} block belongs to simulator deployments only, the Azure keys to azure
 * deployments only ({@link AzureBinder}).
 */
final class DeploymentBinder {
    static final String SECTION = "deployments";
    private static final List<String> KEYS = List.of(
            "name", "provider", "base_url", "api_key", "model", "price", "timeouts", "headers", "simulator",
            "anthropic", AzureBinder.DEPLOYMENT, AzureBinder.API_VERSION);
    private static final List<String> PRICE_KEYS = List.of("input_per_mtok", "output_per_mtok");
    private static final List<String> TIMEOUT_KEYS = List.of("connect", "first_byte", "total");
    private static final List<String> SIMULATOR_KEYS = List.of(
            "time_to_first_token", "tokens_per_second", "answer_tokens", "failure_rate", "seed");
    private static final List<String> ANTHROPIC_KEYS = List.of("version", "max_tokens");
    /** Anthropic's version header is a date, e.g. 2023-06-01. */
    private static final Pattern ANTHROPIC_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Far above any model's output limit; a bigger default is a typo. */
    private static final long MAX_ANTHROPIC_MAX_TOKENS = 1_000_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String AUTO = "auto";
    /** Where a gemini deployment without a base_url goes. */
    static final URI GEMINI_BASE_URL = URI.create("https://generativelanguage.googleapis.com");

    /** The deployments that bound cleanly, and every well-formed name declared (for tier checks). */
    record Bound(List<DeploymentConfig> deployments, Set<String> names) {
    }

    private DeploymentBinder() {
    }

    static Bound bind(ConfigReader root) {
        List<DeploymentConfig> deployments = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        if (!root.require(SECTION)) {
            return new Bound(deployments, names);
        }
        root.objectList(SECTION).ifPresent(items -> {
            if (root.isEmptyList(SECTION)) {
                root.error(SECTION, "must list at least one deployment");
            }
            for (ConfigReader item : items) {
                Optional<String> name = bindName(item, names);
                name.ifPresent(names::add);
                bindOne(item, name.orElse(null)).ifPresent(deployments::add);
            }
        });
        return new Bound(deployments, names);
    }

    private static Optional<String> bindName(ConfigReader d, Set<String> earlier) {
        return d.requiredString("name").filter(name -> {
            if (!NAME.matcher(name).matches()) {
                d.error("name", "must contain only letters, digits, '.', '_' and '-', got \"" + name + "\"");
                return false;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(AUTO) || Tier.fromWire(lower).isPresent()) {
                d.error("name", "'" + name + "' is reserved: clients send it as a model name to mean "
                        + (lower.equals(AUTO) ? "automatic routing" : "a tier"));
                return false;
            }
            if (earlier.contains(name)) {
                d.error("name", "duplicate deployment name '" + name + "'");
                return false;
            }
            return true;
        });
    }

    /** The deployment, or empty when any of its fields failed (the failures are reported). */
    private static Optional<DeploymentConfig> bindOne(ConfigReader d, String name) {
        d.rejectUnknownKeys(KEYS);
        ProviderKind provider = bindProvider(d);
        URI baseUrl = null;
        String apiKey = null;
        if (provider == ProviderKind.OPENAI || provider == ProviderKind.AZURE) {
            baseUrl = d.require("base_url") ? d.string("base_url").flatMap(u -> parseUrl(d, u)).orElse(null) : null;
            apiKey = d.secret("api_key").filter(k -> !k.isEmpty()).orElse(null);
        } else if (provider == ProviderKind.GEMINI) {
            baseUrl = d.has("base_url") ? d.string("base_url").flatMap(u -> parseUrl(d, u)).orElse(null)
                    : GEMINI_BASE_URL;
            apiKey = d.secret("api_key").filter(k -> !k.isEmpty()).orElse(null);
        } else if (provider == ProviderKind.ANTHROPIC) {
            baseUrl = d.has("base_url")
                    ? d.string("base_url").flatMap(u -> parseUrl(d, u)).orElse(null) : AnthropicSettings.DEFAULT_BASE_URL;
            apiKey = d.require("api_key") ? d.secret("api_key").filter(k -> check(d, "api_key", !k.isEmpty(),
                    "must not be empty: the Anthropic API always needs a key")).orElse(null) : null;
        } else if (provider == ProviderKind.SIMULATOR) {
            rejectForSimulator(d, "base_url");
            rejectForSimulator(d, "api_key");
        }
        String model = d.requiredString("model").orElse(null);
        if (provider == ProviderKind.GEMINI && model != null && !NAME.matcher(model).matches()) {
            d.error("model", "must contain only letters, digits, '.', '_' and '-' (it is a URL path segment), got \""
                    + model + "\"");
            model = null;
        }
        AzureSettings azure = AzureBinder.bind(d, provider, model);
        Price price = d.has("price")
                ? d.object("price").map(DeploymentBinder::bindPrice).orElse(null) : Price.FREE;
        Timeouts timeouts = d.has("timeouts")
                ? d.object("timeouts").map(DeploymentBinder::bindTimeouts).orElse(null) : Timeouts.DEFAULT;
        Map<String, String> headers = bindHeaders(d);
        SimulatorSettings simulator = null;
        if (provider == ProviderKind.SIMULATOR) {
            simulator = d.has("simulator")
                    ? d.object("simulator").map(DeploymentBinder::bindSimulator).orElse(null)
                    : SimulatorSettings.DEFAULT;
        } else if (provider != null && d.has("simulator")) {
            d.error("simulator", "only allowed for provider simulator, this deployment uses " + provider.wire());
        }
        AnthropicSettings anthropic = null;
        if (provider == ProviderKind.ANTHROPIC) {
            anthropic = d.has("anthropic")
                    ? d.object("anthropic").map(DeploymentBinder::bindAnthropic).orElse(null)
                    : AnthropicSettings.DEFAULT;
        } else if (provider != null && d.has("anthropic")) {
            d.error("anthropic", "only allowed for provider anthropic, this deployment uses " + provider.wire());
        }
        if (name == null || provider == null || model == null || price == null || timeouts == null
                || simulator == null && provider == ProviderKind.SIMULATOR
                || baseUrl == null && provider != ProviderKind.SIMULATOR
                || (apiKey == null || anthropic == null) && provider == ProviderKind.ANTHROPIC
                || azure == null && provider == ProviderKind.AZURE) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentConfig(name, provider, baseUrl, apiKey, model, price, timeouts,
                headers, simulator, anthropic, azure));
    }

    private static ProviderKind bindProvider(ConfigReader d) {
        if (!d.require("provider")) {
            return null;
        }
        return d.string("provider").flatMap(p -> {
            Optional<ProviderKind> kind = ProviderKind.fromWire(p);
            if (kind.isEmpty()) {
                List<String> known = Arrays.stream(ProviderKind.values()).map(ProviderKind::wire).toList();
                d.error("provider", "unknown provider '" + p + "'" + KeySuggestions.hint(p, known));
            }
            return kind;
        }).orElse(null);
    }

    private static void rejectForSimulator(ConfigReader d, String key) {
        if (d.has(key)) {
            d.error(key, "not used by provider simulator (only by openai, anthropic, azure and gemini)");
        }
    }

    /** An absolute http(s) URL with a host; a trailing slash is dropped so paths can be appended. */
    private static Optional<URI> parseUrl(ConfigReader d, String text) {
        String problem = "must be an absolute http(s) URL, got \"" + text + "\"";
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                d.error("base_url", problem);
                return Optional.empty();
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                d.error("base_url", "must not have a query or fragment, got \"" + text + "\"");
                return Optional.empty();
            }
            String withoutSlash = uri.toString().replaceAll("/+$", "");
            return Optional.of(new URI(withoutSlash));
        } catch (URISyntaxException e) {
            d.error("base_url", problem);
            return Optional.empty();
        }
    }

    /** The price, or null after reporting a missing or negative field. */
    private static Price bindPrice(ConfigReader p) {
        p.rejectUnknownKeys(PRICE_KEYS);
        Double input = nonNegativePrice(p, "input_per_mtok");
        Double output = nonNegativePrice(p, "output_per_mtok");
        return input == null || output == null ? null : new Price(input, output);
    }

    private static Double nonNegativePrice(ConfigReader p, String key) {
        if (!p.require(key)) {
            return null;
        }
        return p.number(key).filter(v -> check(p, key, v >= 0, "must not be negative, got " + v)).orElse(null);
    }

    /** The timeouts (absent ones from {@link Timeouts#DEFAULT}), or null after reporting a problem. */
    private static Timeouts bindTimeouts(ConfigReader t) {
        t.rejectUnknownKeys(TIMEOUT_KEYS);
        Timeouts d = Timeouts.DEFAULT;
        Duration connect = orDefault(t, "connect", t::positiveDuration, d.connect());
        Duration firstByte = orDefault(t, "first_byte", t::positiveDuration, d.firstByte());
        Duration total = orDefault(t, "total", t::positiveDuration, d.total());
        if (connect == null || firstByte == null || total == null) {
            return null;
        }
        boolean ok = notAboveTotal(t, "connect", connect, total);
        ok &= notAboveTotal(t, "first_byte", firstByte, total);
        return ok ? new Timeouts(connect, firstByte, total) : null;
    }

    private static boolean notAboveTotal(ConfigReader t, String key, Duration value, Duration total) {
        return check(t, key, value.compareTo(total) <= 0,
                "must not exceed total (" + Durations.format(value) + " > " + Durations.format(total) + ")");
    }

    /** Extra upstream headers; values may be credentials, so they never appear in messages. Empty values are dropped. */
    private static Map<String, String> bindHeaders(ConfigReader d) {
        Map<String, String> headers = new LinkedHashMap<>();
        d.stringMap("headers", true).ifPresent(map -> map.forEach((k, v) -> {
            if (!k.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                d.errorAt(ConfigPath.child(d.pathOf("headers"), k), "is not a valid HTTP header name");
            } else if (!v.isEmpty()) {
                headers.put(k, v);
            }
        }));
        return headers;
    }

    /** The simulator settings (absent ones from {@link SimulatorSettings#DEFAULT}), or null after a problem. */
    private static SimulatorSettings bindSimulator(ConfigReader s) {
        s.rejectUnknownKeys(SIMULATOR_KEYS);
        SimulatorSettings d = SimulatorSettings.DEFAULT;
        Duration ttft = orDefault(s, "time_to_first_token", s::nonNegativeDuration, d.timeToFirstToken());
        Double tokensPerSecond = orDefault(s, "tokens_per_second", k -> s.number(k).filter(v -> check(s, k, v > 0,
                "must be greater than zero, got " + v)), d.tokensPerSecond());
        Long answerTokens = orDefault(s, "answer_tokens", k -> s.integer(k).filter(v -> check(s, k,
                v > 0 && v <= Integer.MAX_VALUE, "must be between 1 and " + Integer.MAX_VALUE + ", got " + v)),
                (long) d.answerTokens());
        Double failureRate = orDefault(s, "failure_rate", k -> s.number(k).filter(v -> check(s, k,
                v >= 0 && v <= 1, "must be between 0 and 1, got " + v)), d.failureRate());
        Long seed = orDefault(s, "seed", s::integer, d.seed());
        if (ttft == null || tokensPerSecond == null || answerTokens == null || failureRate == null || seed == null) {
            return null;
        }
        return new SimulatorSettings(ttft, tokensPerSecond, answerTokens.intValue(), failureRate, seed);
    }

    /** The Anthropic settings (absent ones from {@link AnthropicSettings#DEFAULT}), or null after a problem. */
    private static AnthropicSettings bindAnthropic(ConfigReader a) {
        a.rejectUnknownKeys(ANTHROPIC_KEYS);
        AnthropicSettings d = AnthropicSettings.DEFAULT;
        String version = orDefault(a, "version", k -> a.string(k).filter(v -> check(a, k,
                ANTHROPIC_VERSION.matcher(v).matches(), "must be a date like 2023-06-01, got \"" + v + "\"")),
                d.version());
        Long maxTokens = orDefault(a, "max_tokens", k -> a.integer(k).filter(v -> check(a, k,
                v >= 1 && v <= MAX_ANTHROPIC_MAX_TOKENS, "must be between 1 and " + MAX_ANTHROPIC_MAX_TOKENS
                        + ", got " + v)), (long) d.defaultMaxTokens());
        if (version == null || maxTokens == null) {
            return null;
        }
        return new AnthropicSettings(version, maxTokens.intValue());
    }

    /** The value read for {@code key}, the fallback when the key is absent, or null when it is invalid. */
    private static <T> T orDefault(ConfigReader r, String key, Function<String, Optional<T>> read, T fallback) {
        return r.has(key) ? read.apply(key).orElse(null) : fallback;
    }

    /** Reports {@code message} at {@code key} unless {@code ok}; returns {@code ok}. */
    private static boolean check(ConfigReader r, String key, boolean ok, String message) {
        if (!ok) {
            r.error(key, message);
        }
        return ok;
    }
}
