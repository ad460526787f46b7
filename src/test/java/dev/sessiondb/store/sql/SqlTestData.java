package dev.sessiondb.store.sql;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import java.util.ArrayList;
import java.util.List;

/** Records for the chat layout, which Minsky's fixture does not fit. */
final class SqlTestData {

    private SqlTestData() {
    }

    static List<SessionRecord> chatRecords() {
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add(SampleSessions.chatRecord(i));
        }
        return records;
    }
}
