package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskIdTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            #079,     079,     true
            079,      md#079,  true
            md#79,    md#079,  true
            md#079,   mt#079,  false
            task#079, #79,     true
            #079,     #080,    false
            """)
    void sameTaskAcrossTheFormsRealStoresMix(String a, String b, boolean same) {
        assertThat(TaskId.parse(a).orElseThrow().sameTaskAs(TaskId.parse(b).orElseThrow())).isEqualTo(same);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            #079,    #79
            md#079,  md#79
            MT#283,  mt#283
            """)
    void qualifiedFormDropsLeadingZeros(String text, String qualified) {
        assertThat(TaskId.parse(text).orElseThrow().qualified()).isEqualTo(qualified);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            ' #079 ',    #79
            000,         #0
            Task#7,      #7
            abcdefgh#1,  abcdefgh#1
            """)
    void readsSurroundingSpaceZerosAndTheLongestQualifier(String text, String qualified) {
        assertThat(TaskId.parse(text).orElseThrow().qualified()).isEqualTo(qualified);
    }

    @ParameterizedTest
    @CsvSource({"abc", "task-md#368x", "''", "#", "md#", "abcdefghi#1", "md##1", "m1#2", "#12a", "1 2", "ü#1", "#١٢", "md#-1"})
    void rejectsTextThatIsNoTaskId(String text) {
        assertThat(TaskId.parse(text)).isEmpty();
    }
}
