package dev.gearbox.server.cli;

import picocli.CommandLine;

/** {@code --version}: the jar manifest's Implementation-Version, or "development build" when run from classes. */
public final class GearboxVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GearboxVersion.class.getPackage().getImplementationVersion();
        return new String[] {"gearbox " + (version == null ? "development build" : version)};
    }
}
