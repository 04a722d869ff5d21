package dev.gearbox.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.runtime.RouterLoadException;
import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.RouterConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.Thresholds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A router model the config names but that cannot serve stops the start with a message naming the field. */
class RouterStartupTest {
    @TempDir
    Path dir;

    private static GearboxConfig withModel(String model, Thresholds thresholds) {
        GearboxConfig d = ConfigLoader.loadDefault();
        RouterConfig r = d.router();
        ServerConfig s = d.server();
        return new GearboxConfig(new ServerConfig("127.0.0.1", 0, s.maxBodyBytes(), s.idleTimeout(), s.logPrompts()),
                d.deployments(), d.tiers(), d.routing(), new RouterConfig(true, model, thresholds, r.confidenceFloor(),
                r.lowConfidenceTier(), null, r.rules()));
    }

    @Test
    void aCorruptModelFileFailsTheStart() throws IOException {
        Path corrupt = Files.writeString(dir.resolve("router.bin.gz"), "garbage");

        assertThatThrownBy(() -> GearboxApp.start(withModel(corrupt.toString(), RouterConfig.DEFAULT_THRESHOLDS)))
                .isInstanceOf(RouterLoadException.class)
                .hasMessageStartingWith("router.model: '" + corrupt + "' is not a usable router model");
    }

    @Test
    void targetSharesWithoutCalibrationScoresFailTheStart() throws IOException {
        Path model = dir.resolve("router.bin.gz");
        try (InputStream in = RoutingClassifier.class.getResourceAsStream(RoutingClassifier.BUNDLED_MODEL)) {
            Files.copy(in, model);
        }

        assertThatThrownBy(() -> GearboxApp.start(withModel(model.toString(), new Thresholds.Shares(0.5, 0.1))))
                .isInstanceOf(RouterLoadException.class)
                .hasMessageStartingWith("router.thresholds: target shares need calibration scores");
    }
}
