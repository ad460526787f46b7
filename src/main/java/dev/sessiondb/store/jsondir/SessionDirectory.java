package dev.sessiondb.store.jsondir;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The session files of a directory store: which there are, which key each holds, and which cannot be read. */
final class SessionDirectory {

    /** What a refusal tells the user to do about the {@code count} files it names when the job only reads the folder. */
    static String readAdvice(int count) {
        String them = count == 1 ? "it" : "them";
        return "fix " + them + " or move " + them + " out of the folder, or copy the readable sessions out with sessiondb migrate --skip-unreadable,"
                + " which leaves " + (count == 1 ? "that file" : "these files") + " out and names " + them + " in its plan and report";
    }

    /** What a refusal tells the user to do about the {@code count} files it names when the job would write into the folder. */
    static String writeAdvice(int count) {
        String them = count == 1 ? "it" : "them";
        return "fix " + them + " or move " + them + " out of the folder, then write again";
    }

    /** A file named like a session file that does not read as one, and why. */
    record Unreadable(String name, String problem) {

        /**
         * The name as messages, reports and findings show it: secrets masked, also one its percent-encoding hides (a
         * session named {@code https://eve:pw@host} is kept as {@code https%3A%2F%2Feve%3Apw%40host.json}).
         */
        String shownName() {
            String decoded = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
            String maskedDecoded = SecretMasker.maskText(null, decoded);
            return maskedDecoded.equals(decoded) ? SecretMasker.maskText(null, name) : maskedDecoded;
        }

        /** The name shown, then why it does not read. */
        String described() {
            return shownName() + ": " + problem;
        }
    }

    /**
     * Every session file read once.
     *
     * @param fileNamesByKey each readable file's key and name
     * @param unreadable     every file that could not be read, in name order
     */
    record Scan(Map<String, String> fileNamesByKey, List<Unreadable> unreadable) {
    }

    private final Path dir;

    SessionDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Every {@code *.json} entry directly in the directory, by name; other files are not sessions.
     * An entry that is not a readable file (a folder, a broken link) is listed too: {@link #scan} names it.
     */
    List<Path> files() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(DirTransaction::isSessionFileName).sorted().toList();
        } catch (IOException e) {
            throw BadInput.unreadable(dir, e);
        }
    }

    /**
     * Reads every file and maps each key to its file name, collecting every file that cannot be
     * read (all of them, not the first): the check that the whole store is sound. A key held by
     * two files is an error naming both.
     */
    Scan scan() {
        Map<String, String> names = new HashMap<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                unreadable.add(new Unreadable(name, "named like a session file but cannot be read as one (a folder, a broken link or no read"
                        + " permission)"));
                continue;
            }
            String key;
            try {
                key = SessionFile.read(file).key();
            } catch (StoreException e) {
                unreadable.add(new Unreadable(name, problem(file, e)));
                continue;
            }
            String other = names.putIfAbsent(key, name);
            if (other != null) {
                throw new StoreException(dir + ": session '" + key + "' is in two files, " + other + " and " + name
                        + "; keep one of them; " + BadInput.ADVICE);
            }
        }
        return new Scan(names, List.copyOf(unreadable));
    }

    /** The file's error without the file's path before it and the general advice after it: a refusal names the file and says what to do once. */
    private static String problem(Path file, StoreException e) {
        String message = e.getMessage();
        String prefix = file + ": ";
        message = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        for (String advice : List.of("; " + BadInput.ADVICE, "; check that it exists and is readable")) {
            message = message.endsWith(advice) ? message.substring(0, message.length() - advice.length()) : message;
        }
        return message;
    }

    /** Refuses naming every unreadable file and what it is, then {@code todo}; nothing was read into the job or changed. */
    StoreException refusal(List<Unreadable> unreadable, IntFunction<String> todo) {
        String listed = IntStream.range(0, unreadable.size())
                .mapToObj(i -> "(" + (i + 1) + ") " + unreadable.get(i).described()).collect(Collectors.joining("; "));
        int count = unreadable.size();
        return new StoreException(dir + ": " + count + (count == 1 ? " file cannot be read as a session: " : " files cannot be read as sessions: ")
                + listed + "; nothing was changed; " + todo.apply(count));
    }

    /** When a session file or the directory last changed. */
    Instant lastModified() {
        try {
            FileTime latest = Files.getLastModifiedTime(dir);
            for (Path file : files()) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                FileTime modified = Files.getLastModifiedTime(file);
                latest = modified.compareTo(latest) > 0 ? modified : latest;
            }
            return latest.toInstant();
        } catch (IOException e) {
            throw BadInput.unreadable(dir, e);
        }
    }

}
