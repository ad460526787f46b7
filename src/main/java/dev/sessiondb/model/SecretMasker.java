package dev.sessiondb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds and masks secrets inside records (a GitHub token kept in {@code github.token}, a
 * password, an API key, one assigned in free text as {@code password=...}) so they never reach
 * a table, a log or an export. Masking keeps the last four characters so a user can tell two
 * secrets apart. Passwords inside URLs
 * ({@code scheme://user:password@host}) are masked by {@link #maskUrlPasswords}, the one
 * function every locator, URL, message and report line goes through.
 */
public final class SecretMasker {

    public static final String MASK = "****";

    private static final int SECRET_NAMES_KEPT = 4096;
    private static final Map<String, Boolean> SECRET_NAMES = new ConcurrentHashMap<>();
    /** A field whose lower-case name holds one of these is a secret. */
    private static final List<String> SECRET_NAME_WORDS = List.of("token", "password", "passwd", "secret", "apikey", "api_key", "api-key",
            "credential", "authorization");
    /** The tokens masked wherever they appear: GitHub, GitLab, OpenAI-style and Slack. */
    private static final List<TokenShape> TOKEN_SHAPES = List.of(
            new TokenShape("ghp_", "", 20), new TokenShape("gho_", "", 20), new TokenShape("ghu_", "", 20),
            new TokenShape("ghs_", "", 20), new TokenShape("ghr_", "", 20), new TokenShape("github_pat_", "_", 20),
            new TokenShape("glpat-", "_-", 20), new TokenShape("sk-", "_-", 20),
            new TokenShape("xoxa-", "-", 10), new TokenShape("xoxb-", "-", 10), new TokenShape("xoxp-", "-", 10));
    /** The shapes by the first character of their start ('g', 's', 'x'); null for a character no token begins with. */
    private static final TokenShape[][] SHAPES_BY_FIRST_CHAR = shapesByFirstChar();
    /** No token is shorter: text of fewer characters holds none. */
    private static final int SHORTEST_TOKEN = TOKEN_SHAPES.stream().mapToInt(shape -> shape.start().length() + shape.shortestBody()).min().orElseThrow();
    private static final Pattern SECRET_VALUE = Pattern.compile(
            TOKEN_SHAPES.stream().map(TokenShape::regex).collect(Collectors.joining("|", "(", ")")));
    /** The words that, right before an {@code =} or {@code :}, say what follows is a secret ("password=hunter2", "GITHUB_TOKEN: ..."). */
    private static final List<String> ASSIGNED_SECRET_WORDS = List.of("password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key");
    /** The last letters of those words: a sign after any other letter is not an assignment of one. */
    private static final String SECRET_WORD_ENDINGS = ASSIGNED_SECRET_WORDS.stream()
            .map(word -> word.substring(word.length() - 1)).distinct().collect(Collectors.joining());
    /** Such a word (as a whole word, perhaps after a prefix as in {@code db_password}), the sign, then the value. */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile("(?i)\\b((?:[a-z0-9]+[_-])*(?:"
            + ASSIGNED_SECRET_WORDS.stream().map(Pattern::quote).collect(Collectors.joining("|"))
            + "))(\\s*[=:]\\s*[\"']?)([^\\s\"'&;,]{4,})");
    /** The user part of a URL, then its password up to the last {@code @} before the host. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]*):[^/\\s]*@");

    private SecretMasker() {
    }

    /** A copy of the fields with every secret masked, down nested objects and arrays. */
    public static ObjectNode mask(ObjectNode fields) {
        ObjectNode copy = fields.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    /** Masks one value shown on its own (a table cell, a detail line). */
    public static String maskText(String fieldName, String value) {
        if (value == null) {
            return null;
        }
        if (fieldName != null && isSecretName(fieldName)) {
            return masked(value);
        }
        return maskUrlPasswords(withTokensMasked(value));
    }

    /**
     * What a repair keeps of a value holding a secret: null when the field itself is one (a
     * token's own field), else the text with its tokens and assigned secrets masked and the
     * password of each URL in it dropped (a URL keeps working, and asks for the password).
     */
    public static String withoutSecrets(String fieldName, String value) {
        return fieldName != null && isSecretName(fieldName) ? null : withoutUrlPasswords(withTokensMasked(value));
    }

    private static String withTokensMasked(String text) {
        String assignmentsMasked = mayHoldAssignedSecret(text)
                ? SECRET_ASSIGNMENT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(3).startsWith(MASK)
                        ? match.group() : match.group(1) + match.group(2) + masked(match.group(3))))
                : text;
        return holdsToken(assignmentsMasked)
                ? SECRET_VALUE.matcher(assignmentsMasked).replaceAll(match -> masked(match.group()))
                : assignmentsMasked;
    }

    /**
     * Whether a secret word stands right before an {@code =} or {@code :} (spaces between
     * allowed): the test before {@link #SECRET_ASSIGNMENT}'s regex, asked of every value a
     * validation reads, most of which hold a ':' (every date, every URL) after a digit or "https".
     * It jumps from sign to sign ({@link String#indexOf} is compiled to vector code) and looks
     * at the words only after a letter one of them ends with ({@link #SECRET_WORD_ENDINGS}).
     */
    private static boolean mayHoldAssignedSecret(String text) {
        int equals = text.indexOf('=');
        int colon = text.indexOf(':');
        while (equals >= 0 || colon >= 0) {
            int sign = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
            if (secretWordEndsAt(text, sign)) {
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

    private static boolean secretWordEndsAt(String text, int sign) {
        int end = sign;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == 0 || SECRET_WORD_ENDINGS.indexOf(Character.toLowerCase(text.charAt(end - 1))) < 0) {
            return false;
        }
        for (String word : ASSIGNED_SECRET_WORDS) {
            int start = end - word.length();
            if (start >= 0 && text.regionMatches(true, start, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** Any text (a locator, a URL, an error message) with the password of every URL in it replaced by {@link #MASK}. */
    public static String maskUrlPasswords(String text) {
        return text == null || !mayHoldUrlPassword(text) ? text : URL_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
    }

    /** Every repository URL holds "://", few hold a user: text without an '@' cannot match {@link #URL_PASSWORD}. */
    private static boolean mayHoldUrlPassword(String text) {
        return text.indexOf('@') >= 0 && text.contains("://");
    }

    /**
     * Whether {@link #SECRET_VALUE} finds a token in the text, answered without the regex: nearly
     * every text a validation masks holds "sk-" (as in "task-md#1"), few hold a token. One pass
     * over the text tries the shapes that begin with each character where it stands (a validation
     * asks this of every value of every record: one pass beat an {@link String#indexOf} per start).
     */
    private static boolean holdsToken(String text) {
        for (int at = 0, last = text.length() - SHORTEST_TOKEN; at <= last; at++) {
            char c = text.charAt(at);
            TokenShape[] shapes = c < SHAPES_BY_FIRST_CHAR.length ? SHAPES_BY_FIRST_CHAR[c] : null;
            if (shapes != null) {
                for (TokenShape shape : shapes) {
                    if (shape.startsAt(text, at)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static TokenShape[][] shapesByFirstChar() {
        TokenShape[][] byFirst = new TokenShape[128][];
        for (TokenShape shape : TOKEN_SHAPES) {
            char first = shape.start().charAt(0);
            TokenShape[] before = byFirst[first] == null ? new TokenShape[0] : byFirst[first];
            byFirst[first] = Arrays.copyOf(before, before.length + 1);
            byFirst[first][before.length] = shape;
        }
        return byFirst;
    }

    /** One kind of token: its literal start, then at least {@code shortestBody} letters, digits or {@code bodyPunctuation} characters. */
    private record TokenShape(String start, String bodyPunctuation, int shortestBody) {

        String regex() {
            return start + "[A-Za-z0-9" + bodyPunctuation + "]{" + shortestBody + ",}";
        }

        boolean startsAt(String text, int at) {
            return text.startsWith(start, at) && bodyLength(text, at + start.length()) >= shortestBody;
        }

        private int bodyLength(String text, int from) {
            int end = from;
            while (end < text.length() && end - from < shortestBody && inBody(text.charAt(end))) {
                end++;
            }
            return end - from;
        }

        private boolean inBody(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || bodyPunctuation.indexOf(c) >= 0;
        }
    }

    /** The text with the password of every URL in it removed, the user kept: what may be saved. */
    public static String withoutUrlPasswords(String text) {
        return URL_PASSWORD.matcher(text).replaceAll("$1@");
    }

    /** JSON paths (dotted, as {@code github.token}) of the secrets in a record. */
    public static List<String> secretPaths(JsonNode fields) {
        List<String> paths = new ArrayList<>();
        collect(fields, "", paths);
        return paths;
    }

    /**
     * Asked of every field name of every record a validation reads, which repeat a few dozen
     * names: each answer is kept, up to {@value #SECRET_NAMES_KEPT} names (a map's keys can be
     * anything).
     */
    private static boolean isSecretName(String name) {
        Boolean known = SECRET_NAMES.get(name);
        if (known != null) {
            return known;
        }
        boolean secret = holdsSecretWord(name);
        if (SECRET_NAMES.size() < SECRET_NAMES_KEPT) {
            SECRET_NAMES.put(name, secret);
        }
        return secret;
    }

    private static boolean holdsSecretWord(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("count")) {
            return false;
        }
        for (String word : SECRET_NAME_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String masked(String value) {
        return value.length() <= 8 ? MASK : MASK + value.substring(value.length() - 4);
    }

    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    field.setValue(TextNode.valueOf(maskText(field.getKey(), value.asText())));
                } else {
                    maskInPlace(value);
                }
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

    private static String childPath(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            // a field's path is made only for a secret or a container: most fields are neither
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isTextual() && !value.asText().isEmpty()
                        && (isSecretName(field.getKey()) || !maskText(null, value.asText()).equals(value.asText()))) {
                    paths.add(childPath(path, field.getKey()));
                } else if (value.isContainerNode()) {
                    collect(value, childPath(path, field.getKey()), paths);
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
}
