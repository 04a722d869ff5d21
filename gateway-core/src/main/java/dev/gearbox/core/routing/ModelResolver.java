package dev.gearbox.core.routing;

import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps the request's {@code model} to a {@link Target}: {@code auto}, a configured tier name, or a
 * deployment name, in that order of precedence. Also lists those names for {@code GET /v1/models}.
 */
public final class ModelResolver {
    public static final String AUTO = "auto";

    private final GearboxConfig config;

    public ModelResolver(GearboxConfig config) {
        this.config = config;
    }

    public Target resolve(String model) {
        if (model == null || model.isBlank()) {
            throw new GatewayException(ErrorKind.INVALID_REQUEST,
                    "You must provide a model: auto, a tier (fast, balanced, frontier) or a deployment name.",
                    "model", null, 0, null, null);
        }
        if (AUTO.equals(model)) {
            return new Target.AutoTarget();
        }
        Optional<Tier> tier = Tier.fromWire(model);
        if (tier.isPresent()) {
            if (config.tierDeployments(tier.get()).isEmpty()) {
                throw notFound("The tier `" + model + "` has no deployments configured; see GET /v1/models.");
            }
            return new Target.TierTarget(tier.get());
        }
        if (config.deployment(model).isPresent()) {
            return new Target.PinnedTarget(model);
        }
        throw notFound("The model `" + model + "` does not exist. Use auto, a tier (fast, balanced, frontier)"
                + " or a deployment name; see GET /v1/models.");
    }

    /** The model ids a client may send: auto, each configured tier (cheapest first), each deployment. */
    public List<String> modelIds() {
        List<String> ids = new ArrayList<>();
        ids.add(AUTO);
        for (Tier t : Tier.values()) {
            if (!config.tierDeployments(t).isEmpty()) {
                ids.add(t.wire());
            }
        }
        config.deployments().forEach(d -> ids.add(d.name()));
        return List.copyOf(ids);
    }

    private static GatewayException notFound(String message) {
        return new GatewayException(ErrorKind.MODEL_NOT_FOUND, message, "model",
                ErrorKind.MODEL_NOT_FOUND.defaultCode(), 0, null, null);
    }
}
