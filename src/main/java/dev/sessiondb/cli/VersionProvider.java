package dev.sessiondb.cli;

import dev.sessiondb.app.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The version from the pom and the git commit the jar was built from. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"sessiondb " + BuildInfo.current().describe()};
    }
}
