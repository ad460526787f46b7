package dev.sessiondb.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords given on a pasted command line, for {@link SecretMasker}: curl's {@code -u user:pass} and the MySQL clients'
 * {@code -ppass}. Only after the command's own name: {@code -p} is no password to {@code mkdir -p} or {@code git log -p}.
 */
final class CommandLinePasswords {

    /** curl's user and password, {@code curl -u admin:pass https://...} (or {@code --user}): the password after the colon, up to a space or quote. */
    private static final Pattern CURL_USER_PASSWORD = Pattern.compile("(\\bcurl\\b[^\\n;|&]*?\\s(?:-u\\s*|--user[=\\s]\\s*)[\"']?[^\\s:\"']*:)(?!\\*\\*\\*\\*)[^\\s\"']+");
    /**
     * A MySQL or MariaDB client's password glued to {@code -p} ({@code mysql -u root -phunter2 db}), quoted or not, up to a
     * space; {@code -p} followed by a space asks for the password and holds none.
     */
    private static final Pattern MYSQL_PASSWORD = Pattern.compile(
            "(\\b(?:mysql(?:dump|admin|import|show|check)?|mariadb(?:-dump|-admin)?)\\b[^\\n;|&]*?\\s-p)(?!\\*\\*\\*\\*)(?:'[^'\\n]+'|\"[^\"\\n]+\"|[^\\s\"']+)");

    private CommandLinePasswords() {
    }

    /**
     * The text with each such password replaced by {@link SecretMasker#MASK}; each regex runs only when its command's name is in
     * the text, and the names are looked for only when an option follows a space (a date's '-' does not): a validation asks this of
     * every value.
     */
    static String masked(String text) {
        if (!holdsAnOption(text)) {
            return text;
        }
        String curlMasked = text.contains("curl") ? maskedAfter(CURL_USER_PASSWORD, text) : text;
        return curlMasked.contains("mysql") || curlMasked.contains("mariadb") ? maskedAfter(MYSQL_PASSWORD, curlMasked) : curlMasked;
    }

    private static boolean holdsAnOption(String text) {
        for (int dash = text.indexOf('-', 1); dash >= 0; dash = text.indexOf('-', dash + 1)) {
            if (Character.isWhitespace(text.charAt(dash - 1))) {
                return true;
            }
        }
        return false;
    }

    private static String maskedAfter(Pattern pattern, String text) {
        return pattern.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + SecretMasker.MASK));
    }
}
