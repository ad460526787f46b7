package dev.sessiondb.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords given on a pasted command line, for {@link SecretMasker}: curl's {@code -u user:pass}, the MySQL clients'
 * {@code -ppass}, sshpass's and a registry login's {@code -p pass}, and any long option named as a secret with its value after
 * a space ({@code --password pass}, {@code --token tok}; one after {@code =} is an assignment {@link SecretMasker} masks). A short
 * option only after its command's own name: {@code -p} is no password to {@code mkdir -p}, {@code git log -p} or {@code ssh -p 22}.
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

    /**
     * A password as an option's value: quoted, up to its closing quote, or up to a space or what ends a shell command
     * ({@code ;}, {@code |}, {@code &}); one masked already is left as it is.
     */
    private static final String VALUE = "(?![\"']?\\*\\*\\*\\*)(?:'[^'\\n]+'|\"[^\"\\n]+\"|[^\\s\"';|&]+)";
    /**
     * sshpass's {@code -p} ({@code sshpass -p pw ssh host}) after sshpass's own options only, so the {@code -p 22} of the ssh it
     * runs is none; a registry login's {@code -p} or {@code --password} ({@code docker login -u me -p pw registry}).
     */
    private static final Pattern SSHPASS_OR_LOGIN_PASSWORD = Pattern.compile("(\\b(?:sshpass\\s+(?:-[fdP]\\s*\\S+\\s+|-[ehvV]\\s+)*-p\\s*"
            + "|(?:docker|podman|nerdctl|buildah)\\s+login\\b[^\\n;|&]*?\\s(?:-p\\s*|--password\\s+)))" + VALUE);
    /** A long option and its value after a space ({@code --password pw}); {@link SecretNames#namesTheSecretItself} says whether it is a secret's. */
    private static final Pattern LONG_OPTION = Pattern.compile("(?<![\\w-])(--([A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*)\\s+)(?!-)" + VALUE);
    /** Options that ask for a secret, or refuse to, and take none: {@code --ask-pass site.yml} is a playbook, {@code --no-password db} a database. */
    private static final List<String> FLAGS_WITHOUT_VALUE = List.of("no-", "ask-", "prompt-");

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
        String mysqlMasked = curlMasked.contains("mysql") || curlMasked.contains("mariadb") ? maskedAfter(MYSQL_PASSWORD, curlMasked) : curlMasked;
        String loginMasked = mysqlMasked.contains("sshpass") || mysqlMasked.contains("login")
                ? maskedAfter(SSHPASS_OR_LOGIN_PASSWORD, mysqlMasked) : mysqlMasked;
        return loginMasked.contains("--") ? LONG_OPTION.matcher(loginMasked).replaceAll(match -> Matcher.quoteReplacement(
                namesASecret(match.group(2)) ? match.group(1) + SecretMasker.MASK : match.group())) : loginMasked;
    }

    private static boolean namesASecret(String option) {
        String lower = option.toLowerCase(Locale.ROOT);
        return FLAGS_WITHOUT_VALUE.stream().noneMatch(lower::startsWith) && SecretNames.namesTheSecretItself(option);
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
