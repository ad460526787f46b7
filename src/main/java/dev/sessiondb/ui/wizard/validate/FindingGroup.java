package dev.sessiondb.ui.wizard.validate;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.validation.Checks;
import dev.sessiondb.validation.Finding;
import dev.sessiondb.validation.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The findings of one check, and whether the user wants its automatic fixes applied.
 *
 * @see #fixProperty()
 */
public final class FindingGroup {

    /**
     * One finding as the list shows it, secrets masked.
     *
     * @param key the session's key, to show it; null for a finding about the whole store
     */
    public record Line(String session, Severity severity, String message, String fix, boolean repairable, String key) {
    }

    private final String check;
    private final List<Line> lines;
    private final BooleanProperty fix = new SimpleBooleanProperty(false);

    public FindingGroup(String check, List<Finding> findings) {
        this.check = check;
        this.lines = findings.stream().map(finding -> new Line(finding.session() == null ? "(store)" : SecretMasker.maskText("session", finding.session()),
                finding.severity(), SecretMasker.maskText(null, finding.message()), finding.fix(), finding.isRepairable(),
                finding.session())).toList();
        fix.set(isRepairable());
    }

    public String check() {
        return check;
    }

    public List<Line> lines() {
        return lines;
    }

    /** The worst severity among the findings. */
    public Severity severity() {
        return lines.stream().map(Line::severity).min(Enum::compareTo).orElse(Severity.WARNING);
    }

    public long repairable() {
        return lines.stream().filter(Line::repairable).count();
    }

    public boolean isRepairable() {
        return repairable() > 0;
    }

    /** Apply this check's automatic fixes (only for a check with repairable findings). */
    public BooleanProperty fixProperty() {
        return fix;
    }

    /** "Task id written in another form (task-id-form) · warning · 12 findings, 12 fixable": the name is what --check takes. */
    public String title() {
        return Checks.labelAndName(check) + " · " + severity().id() + " · " + lines.size() + (lines.size() == 1 ? " finding" : " findings")
                + (isRepairable() ? ", " + repairable() + " fixable" : ", needs a person");
    }

    /** The box that applies this check's fixes: "Fix: Repository name spelled differently (50)". */
    public String fixText() {
        return "Fix: " + Checks.label(check) + " (" + repairable() + ")";
    }

    /** "12 findings of Session key repeated in another form (duplicate-session) need a person": the engine's sentence names the check only. */
    public static String needingAPerson(long count, String check) {
        return String.format("%,d finding%s of %s %s a person", count, count == 1 ? "" : "s", Checks.labelAndName(check), count == 1 ? "needs" : "need");
    }

    public String fixHelp() {
        return "Apply the automatic fix of " + Checks.labelAndName(check) + " to its " + repairable() + " findings";
    }

    /** The findings grouped by check, worst first; their fixes ticked, unless the store's damage stops them ({@link #whyNoFixCanBeMade}). */
    static List<FindingGroup> byCheck(List<Finding> found) {
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        found.forEach(finding -> byCheck.computeIfAbsent(finding.check(), check -> new ArrayList<>()).add(finding));
        List<FindingGroup> groups = byCheck.entrySet().stream().map(entry -> new FindingGroup(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(FindingGroup::severity)).toList();
        if (whyNoFixCanBeMade(groups).isPresent()) {
            groups.forEach(group -> group.fix.set(false));
        }
        return groups;
    }

    /** What the Findings page says of {@code groups} (some findings): how many, in how many checks, and what can be done with them. */
    static String said(List<FindingGroup> groups) {
        long found = groups.stream().mapToLong(group -> group.lines.size()).sum();
        String counted = String.format("%,d %s in %d %s", found, found == 1 ? "finding" : "findings", groups.size(), groups.size() == 1 ? "check" : "checks");
        return whyNoFixCanBeMade(groups).map(why -> counted + ". " + why).orElseGet(() -> counted
                + (groups.stream().anyMatch(FindingGroup::isRepairable) ? ". Tick the fixes to make." : ", none with an automatic fix: each says what a person can do."));
    }

    /**
     * Why no fix of {@code groups} can be made, and what to do first, in the store-damage check's own words: a repair refuses
     * a damaged store ({@link Checks#STORE_DAMAGE}), so a Next to its preview could only fail. Empty when nothing says the store is damaged.
     */
    static Optional<String> whyNoFixCanBeMade(List<FindingGroup> groups) {
        return groups.stream().filter(group -> group.check.equals(Checks.STORE_DAMAGE)).findFirst().map(damage -> {
            Line first = damage.lines.get(0);
            int others = damage.lines.size() - 1;
            return "No fix can be made while the store is damaged, as a repair refuses it: " + first.message()
                    + (others == 0 ? "" : String.format(" (and %,d more, listed under %s)", others, Checks.label(Checks.STORE_DAMAGE)))
                    + (first.fix() == null || first.fix().isBlank() ? "" : ". First " + first.fix()) + "; then validate again.";
        });
    }

    /** Per check of {@code groups}, how many of its findings no fix resolves; checks with none are left out. */
    static Map<String, Long> needingAPersonByCheck(List<FindingGroup> groups) {
        Map<String, Long> byCheck = new LinkedHashMap<>();
        groups.forEach(group -> {
            long count = group.lines().stream().filter(line -> !line.repairable()).count();
            if (count > 0) {
                byCheck.put(group.check(), count);
            }
        });
        return byCheck;
    }
}
