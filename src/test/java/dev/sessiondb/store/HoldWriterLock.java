package dev.sessiondb.store;

import java.io.IOException;

/**
 * A second process that holds a store's writer lock: prints {@code held} once it holds it, then holds it until its
 * standard input closes or it is killed.
 */
public final class HoldWriterLock {

    private HoldWriterLock() {
    }

    public static void main(String[] args) throws IOException {
        StoreLocator store = StoreLocator.parse(args[0]);
        try (StoreWriterLock lock = StoreProviders.of(store).holdWriter(store, args[1])) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() != -1) {
                // held until the test lets go or kills this process
            }
        }
    }
}
