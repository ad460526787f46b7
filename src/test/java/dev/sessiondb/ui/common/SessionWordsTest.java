package dev.sessiondb.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            source records                         | source sessions
            target records before                  | target sessions before
            records to change by repo-name-variant | sessions to change by repo-name-variant
            source 2 records (chat.db)             | source 2 sessions (chat.db)
            records without a task id              | sessions without a task id
            conflicts                              | conflicts
            source records not read                | source records not read
            repeated records to remove             | repeated records to remove
            """)
    void aCountOfSessionsSaysSessionsAndACountOfRawRecordsSaysRecords(String engineName, String shown) {
        assertThat(SessionWords.countName(engineName)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the target b cannot hold remote (1,203 records); choose Layout: native | the target b cannot hold remote (1,203 sessions); choose Layout: native
            createdAt: digits past the millisecond cut (1 record)                  | createdAt: digits past the millisecond cut (1 session)
            a damaged record: session '004'                                         | a damaged record: session '004'
            """)
    void aBracketedCountOfRecordsInASentenceSaysSessions(String engineSentence, String shown) {
        assertThat(SessionWords.counted(engineSentence)).isEqualTo(shown);
    }
}
