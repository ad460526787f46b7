package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinaryKeyOrderTest {

    @Test
    void ordersByCodePointWhereJavaOrdersByUtf16Unit() {
        String emoji = "a\uD83D\uDE00";
        String privateUse = "a\uE000";

        assertThat(emoji.compareTo(privateUse)).as("Java's order").isNegative();
        assertThat(BinaryKeyOrder.compare(emoji, privateUse)).as("binary order").isPositive();
        assertThat(BinaryKeyOrder.compare("a", "ab")).isNegative();
        assertThat(BinaryKeyOrder.compare("ab", "ab")).isZero();
    }
}
