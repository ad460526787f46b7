package dev.sessiondb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds and masks secrets inside records (a GitHub token kept in {@code github.token}, a
 * password, an API key) so they never reach a table, a log or an export. Masking keeps the
 * last four characters so a user can tell two secrets apart. Passwords inside URLs
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
    /** Where a token can begin: the first two letters of one of its starts ("gh", "gl", "sk", "xo"). */
    private static final List<String> TOKEN_ANCHORS = TOKEN_SHAPES.stream().map(shape -> shape.start().substring(0, 2)).distinct().toList();
    private static final Pattern SECRET_VALUE = Pattern.compile(
            TOKEN_SHAPES.stream().map(TokenShape::regex).collect(Collectors.joining("|", "(", ")")));
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
        String tokensMasked = holdsToken(value) ? SECRET_VALUE.matcher(value).replaceAll(match -> masked(match.group())) : value;
        return maskUrlPasswords(tokensMasked);
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
     * every text a validation masks holds "sk-" (as in "task-md#1"), few hold a token. Each
     * anchor is looked for with {@link String#indexOf}, the shapes are tried where one is found.
     */
    private static boolean holdsToken(String text) {
        for (String anchor : TOKEN_ANCHORS) {
            for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
                for (TokenShape shape : TOKEN_SHAPES) {
                    if (shape.startsAt(text, at)) {
                        return true;
                    }
                }
            }
        }
        return false;
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
