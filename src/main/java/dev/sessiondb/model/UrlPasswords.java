package dev.sessiondb.model;

/** Where a URL's password stands in any text ({@code scheme://user:password@host}), for {@link SecretMasker}. */
final class UrlPasswords {

    /** The longest password with a space in it that is looked for, up to its {@code @} further along the line. */
    private static final int LONGEST_SPACED_PASSWORD = 64;

    private UrlPasswords() {
    }

    /** Any text (a locator, a URL, an error message) with the password of every URL in it replaced by {@link SecretMasker#MASK}. */
    static String masked(String text) {
        return text == null || !mayHoldUrlUser(text) ? text : replacingUrlPasswords(text, ":" + SecretMasker.MASK);
    }

    /**
     * The text with the {@code :password} of every URL replaced. A password runs from the colon after the user to the last
     * {@code @} of its word; when no {@code @} comes before a {@code /}, {@code ?} or {@code #}, those are in the password
     * ({@code postgresql://u:pa/ss@host/db}, which no URL parser takes apart), and it runs to the next {@code @}, if any, of
     * the same word, else of the same line when no {@code /} comes first ({@code mysql://root:my secret@db/x}). A port after
     * the colon ({@code http://host:8080/x/@me}) is no password.
     */
    private static String replacingUrlPasswords(String text, String replacement) {
        StringBuilder replaced = null;
        int copied = 0;
        for (int scheme = text.indexOf("://"); scheme >= 0; scheme = text.indexOf("://", scheme + 3)) {
            int userEnd = passwordColon(text, scheme);
            int at = userEnd < 0 ? -1 : passwordEnd(text, userEnd + 1);
            if (at >= 0) {
                replaced = replaced == null ? new StringBuilder(text.length()) : replaced;
                replaced.append(text, copied, userEnd).append(replacement);
                copied = at;
                scheme = at - 2; // the next URL starts after this one's user
            }
        }
        return replaced == null ? text : replaced.append(text, copied, text.length()).toString();
    }

    /** The colon after the user of the URL whose "://" is at {@code scheme}, or -1 when no password follows the user. */
    private static int passwordColon(String text, int scheme) {
        int userEnd = scheme + 3;
        while (userEnd < text.length() && "/?#:@".indexOf(text.charAt(userEnd)) < 0 && !Character.isWhitespace(text.charAt(userEnd))) {
            userEnd++;
        }
        return userEnd < text.length() && text.charAt(userEnd) == ':' ? userEnd : -1;
    }

    /** Where the password starting at {@code start} ends: its closing {@code @}, or -1 for none (no {@code @}, or a port). */
    private static int passwordEnd(String text, int start) {
        int wordEnd = start;
        while (wordEnd < text.length() && !Character.isWhitespace(text.charAt(wordEnd))) {
            wordEnd++;
        }
        int authorityEnd = start;
        while (authorityEnd < wordEnd && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int lastAt = text.lastIndexOf('@', authorityEnd - 1);
        if (lastAt >= start) {
            // a password holding an unencoded '@' and a '/' or '?' ("u:p@ss/w?rd@host") runs to the word's last '@': better a
            // host masked with it than a part of the password shown
            return text.lastIndexOf('@', wordEnd - 1);
        }
        if (isPort(text, start, authorityEnd)) {
            return -1;
        }
        int at = text.indexOf('@', authorityEnd);
        if (at >= 0 && at < wordEnd) {
            return at;
        }
        if (authorityEnd < wordEnd) {
            return -1; // a '/' before any '@' on the line: no password runs over a space and a path
        }
        for (int end = wordEnd; end < text.length() && end - start <= LONGEST_SPACED_PASSWORD; end++) {
            char c = text.charAt(end);
            if (c == '@') {
                return end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1)) ? end : -1;
            }
            if ("/\"'\n\r<>".indexOf(c) >= 0) {
                return -1;
            }
        }
        return -1;
    }

    /** Digits only, or nothing: {@code host:8080}, {@code host:}. */
    private static boolean isPort(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a store locator's query starts: its first {@code ?} past the password of its URL, which may hold one
     * ({@code postgresql://u:p?ss@host/db}); -1 for none.
     */
    static int queryStart(String locator) {
        int scheme = locator.indexOf("://");
        int colon = scheme < 0 ? -1 : passwordColon(locator, scheme);
        return locator.indexOf('?', colon < 0 ? 0 : Math.max(0, passwordEnd(locator, colon + 1)));
    }

    /** Every repository URL holds "://", few hold a user: text without an '@' holds no URL password nor a token as its user. */
    static boolean mayHoldUrlUser(String text) {
        return text.indexOf('@') >= 0 && text.contains("://");
    }

    /** The text with the password of every URL in it removed, the user kept: what may be saved. */
    static String withoutPasswords(String text) {
        return mayHoldUrlUser(text) ? replacingUrlPasswords(text, "") : text;
    }
}
