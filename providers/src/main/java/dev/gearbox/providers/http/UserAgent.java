package dev.gearbox.providers.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} Gearbox sends upstream: {@code gearbox/<version>}, the version stamped at build time. */
public final class UserAgent {
    public static final String VALUE = "gearbox/" + loadVersion();

    private UserAgent() {
    }

    private static String loadVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/dev/gearbox/providers/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties props = new Properties();
            props.load(in);
            String version = props.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
