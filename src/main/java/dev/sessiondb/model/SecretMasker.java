package dev.sessiondb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds and masks secrets inside records (a GitHub token kept in {@code github.token}, a
 * password, an API key, one assigned in free text as {@code password=...}) so they never reach
 * a table, a log or an export. A token of a known shape ({@code ghp_...}) keeps its last four
 * characters so a user can tell two apart; any other secret (a password) is masked whole, as
 * its end is a part of it. Passwords inside URLs
 * ({@code scheme://user:password@host}) are masked by {@link #maskUrlPasswords}, the one
 * function every locator, URL, message and report line goes through.
 */
public final class SecretMasker {

    public static final String MASK = "****";

    private static final Map<String, String> SHOWN_NAMES = new ConcurrentHashMap<>();
    /**
     * A JSON Web Token: a header and a payload, each base64url JSON (so starting {@code eyJ}, {@code {"}), and a signature. Both
     * parts must start so, and each part be long enough, so a word such as "eyJane.eyJohn" is none.
     */
    private static final String JWT = "eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}";
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(" + TokenShapes.regex() + "|" + JWT + ")");
    /**
     * A name holding a secret's word (see {@link SecretNames#WORDS}; perhaps after dashes, as {@code --password}), then the sign
     * (after the closing quote of a JSON name, before an HTTP scheme such as "Bearer"), then the value: quoted, up to the closing
     * quote; else up to a space or a separator. {@link SecretNames#namesTheSecretItself} decides whether the name is a secret's
     * ("DB_PASS=..." is, "bypass: ..." is not). The name must start a word that does not follow a '/' or '\\': a path such as
     * {@code /etc/passwd: neither ...} or {@code /tmp/secret=abc/x.json} assigns nothing.
     */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile("(?i)(?<![a-z0-9_-])([a-z0-9_-]*?(?:"
            + SecretNames.WORDS.stream().map(Pattern::quote).collect(Collectors.joining("|"))
            + ")[a-z0-9_-]*)(\\s*[\"']?\\s*[=:]\\s*(?:(?:bearer|basic|token)\\s+)?)(\"[^\"\\n]+\"|'[^'\\n]+'|[\"']?(?:[^\\s\"'&;,]|&(?![A-Za-z0-9_.-]*=)){4,})");
    /** "Bearer" and a token of 20 or more token characters after it: an HTTP credential wherever it was pasted. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("(?i)(\\bbearer\\s+)(?!\\*\\*\\*\\*)[A-Za-z0-9._~+/=-]{20,}");
    /** A private key in PEM form, up to its END line or the end of the text: its body is masked, its BEGIN and END lines say what it was. */
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "(-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY((?: BLOCK)?)-----)(.+?)(-----END \\2PRIVATE KEY\\3-----|\\z)", Pattern.DOTALL);
    /** A classic GitHub token (40 hex digits) as the user of a URL, {@code https://<token>@github.com/...}; a commit hash elsewhere is no secret. */
    private static final Pattern HEX_TOKEN_AS_URL_USER = Pattern.compile("(?<=://)[0-9a-fA-F]{40}(?=[:@])");
    /** A URL's scheme separator, then its user and password up to the last {@code @} before the host. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(://)([^/?#\\s]*)@");

    private SecretMasker() {
    }

    /** A copy of the fields with every secret masked, down nested objects and arrays. */
    public static ObjectNode mask(ObjectNode fields) {
        ObjectNode copy = fields.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    /**
     * A copy of one value masked as it would be under its field's name (a secret's name masks it whole): a diff's side, a
     * column's cell, where the name is known but the record is not at hand.
     */
    public static JsonNode maskedValue(String fieldName, JsonNode value) {
        JsonNode copy = value.deepCopy();
        if (fieldName != null && SecretNames.isSecretName(fieldName)) {
            return maskedWhole(copy);
        }
        if (copy.isTextual()) {
            return TextNode.valueOf(maskText(null, copy.asText()));
        }
        maskInPlace(copy);
        return copy;
    }

    /** Masks one value shown on its own (a table cell, a detail line). */
    public static String maskText(String fieldName, String value) {
        if (value == null) {
            return null;
        }
        if (fieldName != null && SecretNames.isSecretName(fieldName)) {
            return masked(value);
        }
        return maskUrlPasswords(withSecretsMasked(value));
    }

    /** Whether a field of this name holds a secret whatever its value ({@code password}, {@code client_secret}, {@code github.token}'s {@code token}). */
    public static boolean isSecretFieldName(String fieldName) {
        return fieldName != null && SecretNames.isSecretName(fieldName);
    }

    /**
     * Whether a secret's name names the secret itself, its secret word last ({@code Password}, {@code client_secret},
     * {@code dbPassword}, {@code credentials}, {@code basicAuth}), so the whole field is the secret and a repair may remove
     * it; {@code passwordHint} or {@code tokenType} is masked as a secret's name but holds something else.
     */
    public static boolean namesTheSecretItself(String fieldName) {
        return fieldName != null && SecretNames.namesTheSecretItself(fieldName);
    }

    /** Whether the text, spaces aside, is one token of a known shape and nothing else (a {@code glab} field holding a {@code glpat-} token). */
    public static boolean isOnlyAToken(String text) {
        return text != null && SECRET_VALUE.matcher(text.strip()).matches();
    }

    /** Whether masking would change the text: it holds a token, an assigned secret, a URL's password or a private key. */
    public static boolean holdsSecret(String text) {
        return text != null && !maskText(null, text).equals(text);
    }

    /**
     * The text with the credentials of every URL in it removed, user and password together ({@code https://user:pw@host/x.git}
     * becomes {@code https://host/x.git}, as does {@code https://ghp_...@host/x.git}): what a repair may save, since a mask
     * written there would be a user named "****". A URL whose user alone is no secret ({@code ssh://git@host/x}) is kept.
     */
    public static String withoutUrlCredentials(String text) {
        return text == null || !UrlPasswords.mayHoldUrlUser(text) ? text
                : URL_USER_INFO.matcher(text).replaceAll(match -> match.group(2).indexOf(':') >= 0 || holdsSecret(match.group()) ? "$1" : "$0");
    }

    /** Each pass runs its regex only when a cheap test finds what it looks for: a validation masks every value of every record. */
    private static String withSecretsMasked(String text) {
        String keysMasked = text.contains("PRIVATE KEY")
                ? PRIVATE_KEY.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK + match.group(5)))
                : text;
        String assignmentsMasked = mayHoldAssignedSecret(keysMasked) ? withAssignmentsMasked(keysMasked) : keysMasked;
        String bearerMasked = bearerMaskedIn(AwsSecretKeys.masked(CommandLinePasswords.masked(assignmentsMasked)));
        String tokensMasked = TokenShapes.mayHoldToken(bearerMasked)
                ? SECRET_VALUE.matcher(bearerMasked).replaceAll(match -> maskedToken(match.group()))
                : bearerMasked;
        return UrlPasswords.mayHoldUrlUser(tokensMasked) ? HEX_TOKEN_AS_URL_USER.matcher(tokensMasked).replaceAll(MASK) : tokensMasked;
    }

    private static String withAssignmentsMasked(String text) {
        return SECRET_ASSIGNMENT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(maskedAssignment(text, match)));
    }

    /**
     * The assignment with its value masked, if its name is a secret's; if not, its value may hold one ("bypass: password=...").
     * After a '/' or '\\' the word starts a path's segment: before a colon it names a
     * file, not a secret ({@code /etc/passwd: neither JSON nor SQLite}); before an {@code =} it assigns one
     * ({@code feat/password=hunter4}), whose value ends with its segment ({@code /tmp/secret=****}{@code /x.json: no such file}).
     */
    private static String maskedAssignment(String text, MatchResult match) {
        if (!SecretNames.namesTheSecretItself(withoutLeadingDashes(match.group(1)))) {
            String value = match.group(3);
            return match.group(1) + match.group(2) + (mayHoldAssignedSecret(value) ? withAssignmentsMasked(value) : value);
        }
        char before = match.start() > 0 ? text.charAt(match.start() - 1) : ' ';
        if (before == '?' || before == '&') {
            return maskedQueryParameter(match);
        }
        if (before != '/' && before != '\\') {
            return match.group(1) + match.group(2) + maskedAssignedValue(match.group(3));
        }
        if (match.group(2).indexOf(':') >= 0) {
            return match.group();
        }
        String value = match.group(3);
        int segmentEnd = 0;
        while (segmentEnd < value.length() && "/\\:".indexOf(value.charAt(segmentEnd)) < 0) {
            segmentEnd++;
        }
        return segmentEnd == 0 ? match.group()
                : match.group(1) + match.group(2) + maskedAssignedValue(value.substring(0, segmentEnd)) + value.substring(segmentEnd);
    }

    /** An option's name without its dashes ({@code --password}'s {@code password}). */
    static String withoutLeadingDashes(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '-') {
            start++;
        }
        return name.substring(start);
    }

    /**
     * A URL's parameter ({@code ?sslpassword=...&}) masked up to its end: a {@code #} starts the fragment, and a colon ending
     * the word is the message's, not the value's ({@code ...&sslpassword=****: password refused}).
     */
    private static String maskedQueryParameter(MatchResult match) {
        String value = match.group(3);
        int end = value.indexOf('#');
        if (end < 0) {
            end = value.endsWith(":") ? value.length() - 1 : value.length();
        }
        return end == 0 ? match.group()
                : match.group(1) + match.group(2) + maskedAssignedValue(value.substring(0, end)) + value.substring(end);
    }

    /** A bearer token wherever it stands ("Bearer eyJ...", with or without its Authorization header). */
    private static String bearerMaskedIn(String text) {
        return text.contains("earer") ? BEARER_TOKEN.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK)) : text;
    }

    /** A quoted value is masked between its quotes; one masked already is left as it is. */
    private static String maskedAssignedValue(String value) {
        char first = value.charAt(0);
        int start = first == '"' || first == '\'' ? 1 : 0;
        int end = start == 1 && value.length() > 1 && value.charAt(value.length() - 1) == first ? value.length() - 1 : value.length();
        String inside = value.substring(start, end);
        return inside.startsWith(MASK) ? value : value.substring(0, start) + masked(inside) + value.substring(end);
    }

    /**
     * Whether a name ending in a secret's word stands right before an {@code =} or {@code :} (spaces or the closing quote of a
     * JSON name between allowed): the test before {@link #SECRET_ASSIGNMENT}'s regex, asked of every value a validation reads,
     * most of which hold a ':' (every date, every URL) after a digit or "https". It jumps from sign to sign
     * ({@link String#indexOf} is compiled to vector code) and looks at the words only after a letter one of them ends with.
     */
    private static boolean mayHoldAssignedSecret(String text) {
        int equals = text.indexOf('=');
        int colon = text.indexOf(':');
        while (equals >= 0 || colon >= 0) {
            int sign = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
            if (secretNameBefore(text, sign)) {
                return true;
            }
            if (sign == equals) {
                equals = text.indexOf('=', sign + 1);
            } else {
                colon = text.indexOf(':', sign + 1);
            }
        }
        return false;
    }

    private static boolean secretNameBefore(String text, int sign) {
        if (text.startsWith("//", sign + 1)) {
            return false; // a URL's scheme ("https://", which "pass" would otherwise have looked at in every repository URL)
        }
        int end = sign;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > 0 && (text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')) {
            end--;
        }
        return SecretNames.mayEndASecretsName(text, end);
    }

    /** Any text (a locator, a URL, an error message) with the password of every URL in it replaced by {@link #MASK}. */
    public static String maskUrlPasswords(String text) {
        return UrlPasswords.masked(text);
    }

    /** The text with the password of every URL in it removed, the user kept: what may be saved. */
    public static String withoutUrlPasswords(String text) {
        return UrlPasswords.withoutPasswords(text);
    }

    /**
     * Where a store locator's query starts: its first {@code ?} past the password of its URL, which may hold one
     * ({@code postgresql://u:p?ss@host/db}); -1 for none.
     */
    public static int queryStart(String locator) {
        return UrlPasswords.queryStart(locator);
    }

    /** A session's name as a message shows it: masked, and a name of thousands of characters (refused for its length) cut to its start. */
    public static String shownKey(String key) {
        String masked = maskText("session", key);
        return masked.length() <= 120 ? masked : masked.substring(0, 80) + "… (" + masked.length() + " characters)";
    }

    /** JSON paths (dotted, as {@code github.token}) of the secrets in a record. */
    public static List<String> secretPaths(JsonNode fields) {
        List<String> paths = new ArrayList<>();
        collect(fields, "", paths);
        return paths;
    }

    /**
     * A name the record shows as it is, or one that holds a secret itself (a token kept as a map's key, as in
     * {@code {"ghp_...": "repo"}}), masked as its text would be; each answer kept, as {@link #isSecretName}'s.
     */
    private static String shownName(String name) {
        String known = SHOWN_NAMES.get(name);
        if (known != null) {
            return known;
        }
        String shown = maskText(null, name);
        if (SHOWN_NAMES.size() < SecretNames.NAMES_KEPT) {
            SHOWN_NAMES.put(name, shown);
        }
        return shown;
    }

    /** A token of a known shape keeps its last four characters; anything else (a password, an unknown token) is masked whole. */
    private static String masked(String value) {
        return SECRET_VALUE.matcher(value).matches() ? maskedToken(value) : MASK;
    }

    /** A JWT is masked whole, as every Bearer token is (it is one): its end is its signature's. */
    private static String maskedToken(String token) {
        return token.startsWith("eyJ") ? MASK : MASK + token.substring(token.length() - 4);
    }

    /**
     * Masks each value under a secret's name whatever its type (a number, a boolean, every element and member down an array or
     * an object: {@code "password": 123456}, {@code "token": ["..."]}), each secret inside any other text, and each name that
     * holds one. An object whose names change is rebuilt in its order.
     */
    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean namesMasked = false;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (SecretNames.isSecretName(field.getKey())) {
                    field.setValue(maskedWhole(value));
                } else if (value.isTextual()) {
                    field.setValue(TextNode.valueOf(maskText(null, value.asText())));
                } else {
                    maskInPlace(value);
                }
                namesMasked |= !shownName(field.getKey()).equals(field.getKey());
            }
            if (namesMasked) {
                withNamesMasked(object);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(maskText(null, array.get(i).asText())));
                } else {
                    maskInPlace(array.get(i));
                }
            }
        }
    }

    /**
     * A secret's value with nothing of it shown: a text or a number as {@link #MASK} (a token keeps its end), down every container.
     * A boolean or a null holds no secret ({@code "requiresPassword": false}) and is shown as it is.
     */
    private static JsonNode maskedWhole(JsonNode value) {
        if (value instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(maskedWhole(field.getValue())));
            withNamesMasked(object);
            return object;
        }
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, maskedWhole(array.get(i)));
            }
            return array;
        }
        return value.isTextual() || value.isNumber() ? TextNode.valueOf(masked(value.asText())) : value;
    }

    /** The object's fields again in their order, each name that holds a secret masked; two alike after masking are told apart by a number. */
    private static void withNamesMasked(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        object.removeAll();
        for (Map.Entry<String, JsonNode> field : fields) {
            String shown = shownName(field.getKey());
            String name = shown;
            for (int n = 2; object.has(name); n++) {
                name = shown + " (" + n + ")";
            }
            object.set(name, field.getValue());
        }
    }

    private static String childPath(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * A secret's path: a field under a secret's name holding a value (a text, a number, or a container with one), a name
     * that holds a secret itself, or a text with one inside. A container under a secret's name is one secret, not searched further.
     */
    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            // a field's path is made only for a secret or a container: most fields are neither
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                String name = field.getKey();
                if (SecretNames.isSecretName(name) ? holdsAValue(value)
                        : !shownName(name).equals(name) || value.isTextual() && !maskText(null, value.asText()).equals(value.asText())) {
                    paths.add(childPath(path, name));
                } else if (value.isContainerNode()) {
                    collect(value, childPath(path, name), paths);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = node.get(i);
                if (value.isTextual() && !maskText(null, value.asText()).equals(value.asText())) {
                    paths.add(path + "[" + i + "]");
                } else if (value.isContainerNode()) {
                    collect(value, path + "[" + i + "]", paths);
                }
            }
        }
    }

    /** Whether a secret's field holds anything {@link #maskedWhole} masks: a text that is not empty, a number, down containers. */
    private static boolean holdsAValue(JsonNode value) {
        if (value.isContainerNode()) {
            for (JsonNode element : value) {
                if (holdsAValue(element)) {
                    return true;
                }
            }
            return false;
        }
        return value.isNumber() || value.isTextual() && !value.asText().isEmpty();
    }
}
