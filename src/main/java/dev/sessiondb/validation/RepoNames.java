package dev.sessiondb.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Repository names the way Minsky forms them: {@code owner/repo} for hosted remotes, {@code local/<dir>} for local paths. */
final class RepoNames {

    private static final Pattern HOSTED = Pattern.compile("^(?:[a-z+]+://[^/]+/|git@[^:]+:)([^/]+)/([^/]+?)(?:\\.git)?/?$", Pattern.CASE_INSENSITIVE);

    private RepoNames() {
    }

    static Optional<String> fromUrl(String url) {
        String trimmed = url.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        Matcher hosted = HOSTED.matcher(trimmed);
        if (hosted.matches() && !trimmed.startsWith("file:")) {
            return Optional.of(hosted.group(1) + "/" + hosted.group(2));
        }
        String path = trimmed.replaceFirst("^file://", "").replaceAll("/+$", "").replaceFirst("\\.git$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() || last.equals(".") ? Optional.empty() : Optional.of("local/" + last);
    }

    /** The spelling-independent form: {@code local/minsky} and {@code Local-Minsky} both give {@code local-minsky}. */
    static String normalised(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('/', '-');
    }
}
