package dev.sessiondb.job.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.transfer.ExpectedHashes.Found;
import dev.sessiondb.model.RecordHash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedHashesTest {

    @Test
    void everyKeyIsFoundWithItsOwnHashAcrossGrowthCollidingHashCodesAndNonAsciiKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            keys.add("task#" + i);
        }
        // equal String hash codes, different keys
        keys.addAll(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"));
        keys.addAll(List.of("tâche#ü", "任务#7", "emoji#😀"));
        ExpectedHashes hashes = new ExpectedHashes();
        keys.forEach(key -> hashes.expect(key, RecordHash.ofText(key)));

        assertThat(hashes.size()).isEqualTo(keys.size());
        for (String key : keys) {
            assertThat(hashes.take(key, RecordHash.ofText(key))).as(key).isEqualTo(Found.MATCHED);
        }
        assertThat(hashes.untaken()).isEmpty();
    }

    @Test
    void aDifferentHashDiffersAndAKeyTakenTwiceOrNeverExpectedIsUnexpected() {
        ExpectedHashes hashes = new ExpectedHashes();
        hashes.expect("task#1", RecordHash.ofText("one"));
        hashes.expect("task#2", RecordHash.ofText("two"));

        assertThat(hashes.take("task#1", RecordHash.ofText("changed"))).isEqualTo(Found.DIFFERENT);
        assertThat(hashes.take("task#1", RecordHash.ofText("one"))).isEqualTo(Found.UNEXPECTED);
        assertThat(hashes.take("task#3", RecordHash.ofText("three"))).isEqualTo(Found.UNEXPECTED);
        assertThat(hashes.untaken()).containsExactly("task#2");
    }

    @Test
    void aKeySeenAgainKeepsItsFirstPlaceAndTakesTheLaterHash() {
        ExpectedHashes hashes = new ExpectedHashes();
        hashes.expect("task#b", RecordHash.ofText("first"));
        hashes.expect("task#a", RecordHash.ofText("a"));
        hashes.expect("任务#c", RecordHash.ofText("c"));
        hashes.expect("task#b", RecordHash.ofText("second"));

        assertThat(hashes.size()).isEqualTo(3);
        assertThat(hashes.untaken()).containsExactly("task#b", "task#a", "任务#c");
        assertThat(hashes.take("task#b", RecordHash.ofText("second"))).isEqualTo(Found.MATCHED);
    }

    @Test
    void aHashThatIsNotASha256IsRefused() {
        ExpectedHashes hashes = new ExpectedHashes();
        assertThatThrownBy(() -> hashes.expect("task#1", "abc")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
    }
}
