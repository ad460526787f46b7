package dev.sessiondb.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS secret access key (40 characters of base64) after the words that name it without an {@code =} or {@code :}, for
 * {@link SecretMasker}: {@code aws configure set aws_secret_access_key KEY}, "the secret KEY", the prompt
 * {@code AWS Secret Access Key [None]: KEY}. One after a sign is an assignment {@link SecretMasker} masks already.
 */
final class AwsSecretKeys {

    /** No key holds fewer characters, nor the shortest words before it ("secret " and the key): shorter text holds none. */
    private static final int SHORTEST = "secret ".length() + 40;
    private static final Pattern KEY_AFTER_ITS_NAME = Pattern.compile("(?i)((?<![a-z0-9])(?:aws_)?secret(?:[ _]access)?(?:[ _]key)?(?![a-z0-9])"
            + "(?:\\s*\\[[^\\]\\n]*\\])?[\"']?\\s*[=:]?\\s*[\"']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");

    private AwsSecretKeys() {
    }

    /**
     * The text with each such key replaced by {@link SecretMasker#MASK}. A key mixes small and capital letters: 40 hex digits
     * after "secret" (a commit hash) are none. The regex runs only on text long enough that holds "secret" in small or capital letters.
     */
    static String masked(String text) {
        if (text.length() < SHORTEST || text.indexOf("ecret") < 0 && text.indexOf("ECRET") < 0) {
            return text;
        }
        return KEY_AFTER_ITS_NAME.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                mixesCases(match.group(2)) ? match.group(1) + SecretMasker.MASK : match.group()));
    }

    private static boolean mixesCases(String key) {
        return !key.equals(key.toLowerCase(Locale.ROOT)) && !key.equals(key.toUpperCase(Locale.ROOT));
    }
}
