package dev.sessiondb.validation;

import dev.sessiondb.model.SessionKind;
import dev.sessiondb.store.SessionStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every check by its stable name: the one list {@code validate}, {@code repair} and the desktop app share. */
public final class Checks {

    /**
     * The check of a store its own engine or a read finds damaged (a record that is no JSON, a damaged page or file): any finding
     * of it stops every repair, which reads every record and refuses a damaged store, so the other checks' fixes wait until it is dealt with.
     */
    public static final String STORE_DAMAGE = "store-damage";

    public static final List<String> NAMES = List.of("required-field", "invalid-date", "task-id-form", "task-id-missing", "repo-name-variant",
            "duplicate-session", "workspace-missing", "workspace-unregistered", "pr-state-mismatch", "malformed-field", "field-type", "secret-in-record", "schema-drift",
            STORE_DAMAGE);

    /**
     * Each check in a user's words, as the desktop app shows it; the stable name stays what {@code --check} takes and what
     * the CLI prints, since scripts read it.
     */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("required-field", "Required field missing"),
            Map.entry("invalid-date", "Date unreadable or not in Minsky's form"),
            Map.entry("task-id-form", "Task id written in another form"),
            Map.entry("task-id-missing", "Task id missing from a task's session"),
            Map.entry("repo-name-variant", "Repository name spelled differently"),
            Map.entry("duplicate-session", "Session key repeated in another form"),
            Map.entry("workspace-missing", "Workspace folder missing"),
            Map.entry("workspace-unregistered", "Workspace on disk not registered"),
            Map.entry("pr-state-mismatch", "Pull request fields disagree"),
            Map.entry("malformed-field", "Field holding broken JSON"),
            Map.entry("field-type", "Field value of the wrong type"),
            Map.entry("secret-in-record", "Secret kept in a record"),
            Map.entry("schema-drift", "Table lacking columns Minsky writes"),
            Map.entry(STORE_DAMAGE, "Store damaged or partly unreadable"));

    /**
     * The checks of Minsky's own fields and workspaces, which look at Minsky's sessions alone or at fields only they have (task
     * id, repository, workspace, pull request): in a store of a chat server's or magellai's sessions they can find nothing.
     */
    private static final Set<String> OF_MINSKYS_SESSIONS = Set.of("task-id-form", "task-id-missing", "repo-name-variant", "workspace-missing",
            "workspace-unregistered", "pr-state-mismatch", "malformed-field", "field-type");

    private Checks() {
    }

    /**
     * The check {@code name} in a user's words, "Repository name spelled differently" for repo-name-variant.
     *
     * @throws IllegalArgumentException naming the unknown check and the known ones
     */
    public static String label(String name) {
        requireKnown(List.of(name));
        return LABELS.get(name);
    }

    /** The check as the window shows it: its label, then in brackets the name {@code sessiondb validate --check} takes. */
    public static String labelAndName(String name) {
        return label(name) + " (" + name + ")";
    }

    /** The checks that can find something in a store of {@code kind}'s sessions, in {@link #NAMES}' order: every one for Minsky's and any tool's not known. */
    public static List<String> applyingTo(SessionKind kind) {
        return kind.listedByMinskysFields() ? NAMES : NAMES.stream().filter(name -> !OF_MINSKYS_SESSIONS.contains(name)).toList();
    }

    /** Of the checks {@code names}, those that can find nothing in a store of {@code kind}'s sessions ({@link #applyingTo}), in their order. */
    public static List<String> notApplyingTo(Collection<String> names, SessionKind kind) {
        List<String> applying = applyingTo(kind);
        return names.stream().filter(name -> !applying.contains(name)).distinct().toList();
    }

    /**
     * Fresh checks for one run.
     *
     * @param names the checks to run; empty means all of them
     * @throws IllegalArgumentException naming the unknown check and the known ones
     */
    public static List<Check> create(Collection<String> names, ValidationContext context) {
        requireKnown(names);
        Set<String> wanted = Set.copyOf(names);
        List<Check> checks = new ArrayList<>();
        for (String name : NAMES) {
            if (wanted.isEmpty() || wanted.contains(name)) {
                checks.add(create(name, context));
            }
        }
        return checks;
    }

    /**
     * Refuses a name that is no check's, before a store is opened or a job planned.
     *
     * @throws IllegalArgumentException naming the unknown check and the known ones
     */
    public static void requireKnown(Collection<String> names) {
        names.stream().filter(name -> !NAMES.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("unknown check '" + name + "'; use one of " + String.join(", ", NAMES));
        });
    }

    /**
     * The store as a run of these checks reads it: when the store-damage check is among them, without
     * the parts that do not read as sessions (a folder's stray or broken files, a database's damaged
     * records), which that check names one by one; otherwise the store, whose read refuses naming them.
     * A run of every check (none named) leaves out only the parts known without a read of its own, and its pass over the
     * records meets a database's damaged records as stand-ins ({@link SessionStore#markingUnreadable}), which that check
     * names as it meets them: listing them all first reads every row again, which {@code --check store-damage} asks for.
     */
    public static SessionStore readBy(Collection<String> names, SessionStore store) {
        if (names.contains("store-damage")) {
            return store.skippingUnreadable();
        }
        return names.isEmpty() ? store.skippingUnreadableKnownAlready().markingUnreadable() : store;
    }

    private static Check create(String name, ValidationContext context) {
        return switch (name) {
            case "required-field" -> new RequiredFieldCheck();
            case "invalid-date" -> new InvalidDateCheck();
            case "task-id-form" -> new TaskIdFormCheck();
            case "task-id-missing" -> new TaskIdMissingCheck();
            case "repo-name-variant" -> new RepoNameVariantCheck();
            case "duplicate-session" -> new DuplicateSessionCheck();
            case "workspace-missing" -> new WorkspaceMissingCheck(context.baseDirectory());
            case "workspace-unregistered" -> new WorkspaceUnregisteredCheck(context.workspaceRoots(), context.baseDirectory());
            case "pr-state-mismatch" -> new PrStateMismatchCheck();
            case "malformed-field" -> new MalformedFieldCheck();
            case "field-type" -> new FieldTypeCheck();
            case "secret-in-record" -> new SecretInRecordCheck();
            case "schema-drift" -> new SchemaDriftCheck(context.locator(), context.info().layout());
            case "store-damage" -> new StoreDamageCheck(context.locator(), context.skippedDamage());
            default -> throw new IllegalStateException("no check named " + name);
        };
    }
}
