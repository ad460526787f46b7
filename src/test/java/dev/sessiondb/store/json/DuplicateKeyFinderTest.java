package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateKeyFinderTest {

    @Test
    void keysInAscendingOrderHaveNoRepeatedHash() {
        assertThat(found(List.of("task-md#000001", "task-md#000002", "task-md#000010"))).isEmpty();
    }

    @Test
    void aKeyFoundTwiceIsFoundWhereverTheKeysAreInOrderAroundIt() {
        assertThat(found(List.of("task-md#000001", "task-md#000002", "task-md#000002", "task-md#000003")))
                .containsExactly(DuplicateKeyFinder.hash("task-md#000002"));
        assertThat(found(List.of("b", "a", "c", "a"))).containsExactly(DuplicateKeyFinder.hash("a"));
    }

    @Test
    void keysOutOfOrderWithoutARepeatHaveNoRepeatedHash() {
        assertThat(found(List.of("c", "a", "b"))).isEmpty();
    }

    private static Set<Long> found(List<String> keys) {
        DuplicateKeyFinder finder = new DuplicateKeyFinder();
        keys.forEach(finder::add);
        return finder.repeatedHashes();
    }
}
