package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A second process that holds a store's writer lock: prints {@code held} once it holds it, then holds it until its
 * standard input closes or it is killed. Tests start one with {@link #started} and end it with {@link #kill}.
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

    /** One such process holding {@code locator}'s writer lock for {@code holder}, once it says it holds it. */
    public static Process started(String locator, String holder) throws IOException {
        Process process = JavaProcess.of(HoldWriterLock.class, locator, holder).redirectErrorStream(true).start();
        assertThat(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine())
                .as("the other process holds the lock").isEqualTo("held");
        return process;
    }

    /** SIGKILL: the holder lets go of nothing itself, and a lock file it leaves is stale. */
    public static void kill(Process holder) throws InterruptedException {
        holder.destroyForcibly();
        assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
}
