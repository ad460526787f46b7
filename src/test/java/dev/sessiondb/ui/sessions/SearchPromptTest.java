package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The search field promises what search finds in the store's sessions: each kind's own fields and messages, Minsky's for several kinds. */
class SearchPromptTest {

    private static List<SessionRecord> chat() {
        return LongStream.range(0, 3).mapToObj(SampleSessions::chatRecord).toList();
    }

    private static List<SessionRecord> magellai() {
        return LongStream.range(0, 3).mapToObj(SampleSessions::magellaiRecord).toList();
    }

    @Test
    void aChatServersStoreIsSearchedByIdTenantUserAndMessages() {
        assertThat(SearchPrompt.of(chat()).text()).isEqualTo("Search id, tenant, user, messages");
        assertThat(SearchPrompt.of(chat()).description()).startsWith("Search sessions by their id, tenant, user or what their messages say");
    }

    @Test
    void aMagellaiStoreIsSearchedByIdNameModelAndMessages() {
        assertThat(SearchPrompt.of(magellai()).text()).isEqualTo("Search id, name, model, messages");
        assertThat(SearchPrompt.of(magellai()).description()).startsWith("Search sessions by their id, name, model or what their messages say");
    }

    @Test
    void aStoreOfMinskysOrOfSeveralKindsIsPromisedMinskysFields() {
        List<SessionRecord> mixed = new ArrayList<>(chat());
        mixed.addAll(magellai());

        assertThat(SearchPrompt.of(SampleSessions.minskyList(3, 1))).isEqualTo(SearchPrompt.MINSKY);
        assertThat(SearchPrompt.of(mixed)).isEqualTo(SearchPrompt.MINSKY);
    }
}
