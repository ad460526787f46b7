package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.BinaryKeyOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PackedKeySortTest {

    private final Random random = new Random(42);

    @Test
    void sortsMinskyStyleKeysOutOfOrderAsStringsDo() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add(switch (i % 4) {
                case 0 -> "task#" + i;
                case 1 -> "task-md#" + String.format("%06d", i);
                case 2 -> "md#" + i;
                default -> "task#" + i + "-retry";
            });
        }
        Collections.shuffle(keys, random);

        assertSortedAsStrings(keys);
    }

    @Test
    void keysThatAgreeBeyondTheLongsCharactersAreComparedInFull() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            keys.add("session-2025-01-01T10:" + (i % 60) + ":" + i);
        }
        keys.addAll(List.of("session-", "session-2025", "session-2025-01-01T10:5", "a", "session-2025-01-01T10:5\u0000x"));
        Collections.shuffle(keys, random);

        assertSortedAsStrings(keys);
    }

    @Test
    void keysOutsideAsciiAndTinyListsAreSortedAsStrings() {
        List<String> keys = new ArrayList<>(List.of("zürich", "zebra", "Ärger", "apple", "日本", "task#1", "task#10", "task#2"));
        Collections.shuffle(keys, random);
        assertSortedAsStrings(keys);

        assertSortedAsStrings(List.of("only"));
        assertSortedAsStrings(List.of());
    }

    @Test
    void keysOutsideAsciiFollowTheOrderGiven() {
        String emoji = "a\uD83D\uDE00";
        String privateUse = "a\uE000";
        List<String> keys = List.of(emoji, "b", privateUse, "a");

        assertThat(Arrays.stream(PackedKeySort.order(keys, BinaryKeyOrder.ORDER)).mapToObj(keys::get))
                .containsExactly("a", privateUse, emoji, "b");
        assertThat(Arrays.stream(PackedKeySort.order(keys, Comparator.naturalOrder())).mapToObj(keys::get))
                .containsExactly("a", emoji, privateUse, "b");
    }

    @Test
    void keysAlreadyInOrderKeepTheirPlaces() {
        List<String> keys = keysInOrder(10_000);

        assertThat(PackedKeySort.order(keys, Comparator.naturalOrder())).isEqualTo(IntStream.range(0, 10_000).toArray());
    }

    @Test
    void oneKeyOutOfPlaceAtTheEndIsStillSorted() {
        List<String> keys = keysInOrder(10_000);
        keys.add("task-md#000000");

        assertSortedAsStrings(keys);
    }

    @Test
    void randomKeysOfEveryLengthSortAsStrings() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            char[] key = new char[random.nextInt(12)];
            for (int c = 0; c < key.length; c++) {
                key[c] = (char) (random.nextBoolean() ? 'a' + random.nextInt(3) : random.nextInt(128));
            }
            keys.add(new String(key));
        }

        assertSortedAsStrings(keys);
    }

    private static void assertSortedAsStrings(List<String> keys) {
        int[] order = PackedKeySort.order(keys, Comparator.naturalOrder());

        String[] expected = keys.toArray(String[]::new);
        Arrays.sort(expected);
        assertThat(Arrays.stream(order).mapToObj(keys::get).toList()).containsExactly(expected);
        assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(IntStream.range(0, keys.size()).toArray());
    }

    private static List<String> keysInOrder(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add("task-md#" + String.format("%06d", i));
        }
        return keys;
    }
}
