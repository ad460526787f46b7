package dev.sessiondb.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SessionDbCommand.class.getPackage().getImplementationVersion();
        return new String[] {"sessiondb " + (version == null ? "development" : version)};
    }
}
