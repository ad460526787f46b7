package dev.sessiondb.cli;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of a listing that found none whose field none of the store's sessions has: why it found none, where the value
 * would otherwise look wrong. Seen as the listing reads every session itself; asked of the store where the store answered.
 * A filter for sessions without a value lists them all in such a store, which needs no word.
 */
final class FieldsNoneHas {

    private final List<FieldFilter> unseen;

    FieldsNoneHas(SessionQuery query) {
        this.unseen = new ArrayList<>(query.filters().stream().filter(filter -> filter.value().isPresent()).toList());
    }

    /** A session the listing read. */
    void read(SessionRecord record) {
        if (!unseen.isEmpty()) {
            unseen.removeIf(filter -> filter.field().valueOf(record).isPresent());
        }
    }

    /** After a listing that read every session: the filters whose field none had. */
    List<FieldFilter> afterReadingEvery() {
        return List.copyOf(unseen);
    }

    /** After a listing the store answered: the filters whose field it says none has (one query each in a SQL store). */
    List<FieldFilter> askedOf(SessionStore store) {
        return unseen.stream().filter(filter -> !store.anyHas(filter.field())).toList();
    }
}
