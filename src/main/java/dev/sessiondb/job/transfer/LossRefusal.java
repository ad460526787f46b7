package dev.sessiondb.job.transfer;

import dev.sessiondb.job.FieldChange;
import dev.sessiondb.job.Refusal;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.ValueChange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The refusal of a write that would lose fields (or digits of dates) of the records, unless --allow-loss. */
final class LossRefusal {

    private LossRefusal() {
    }

    /**
     * Cutting a date's digits past the millisecond refuses as a dropped field does: the value read back is not the
     * value given, and a later diff or copy back cannot restore it.
     */
    static Refusal of(StoreLocator target, List<FieldChange> changes) {
        List<String> problems = new ArrayList<>();
        String notKept = joined(changes, ValueChange.NOT_KEPT);
        String cut = joined(changes, ValueChange.DIGITS_PAST_MILLISECOND_CUT);
        String wrongType = joined(changes, ValueChange.WRONG_TYPE);
        if (!notKept.isEmpty()) {
            problems.add("cannot hold " + notKept);
        }
        if (!wrongType.isEmpty()) {
            problems.add("cannot hold the values of " + wrongType + " that are not of its columns' types, which Minsky cannot read"
                    + " (sessiondb validate --check field-type names each record)");
        }
        if (!cut.isEmpty()) {
            problems.add("would cut the digits past the millisecond of " + cut);
        }
        String without = (notKept.isEmpty() && wrongType.isEmpty() ? "" : " without those fields") + ((notKept.isEmpty() && wrongType.isEmpty()) || cut.isEmpty() ? "" : " and")
                + (cut.isEmpty() ? "" : " with those dates cut to the millisecond");
        return new Refusal(Refusal.Reason.FIELDS_TARGET_CANNOT_HOLD, "the target " + target.display() + " " + String.join(" and ", problems),
                "use --layout native to keep every field, or pass --allow-loss to write them" + without
                        + " (a value with a column is kept in the column's form: a number in a text column as its text)");
    }

    private static String joined(List<FieldChange> changes, ValueChange change) {
        return changes.stream().filter(each -> each.change() == change).map(each -> each.field() + " (" + each.records() + (each.records() == 1 ? " record)" : " records)"))
                .collect(Collectors.joining(", "));
    }
}
