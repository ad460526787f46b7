package dev.sessiondb.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How the UI flow tests wait: on the app's state, read on the FX thread so a check never races
 * the scene it looks at, for as long as a busy machine needs (a guard, not a timing assertion).
 */
final class AppState {

    private static final long PATIENCE_SECONDS = 60;

    private AppState() {
    }

    static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () -> onFxThread(condition));
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("the app did not get there within " + PATIENCE_SECONDS + " s", e);
        }
    }

    /** A value of the app's state, read on the FX thread: for an assertion once {@link #waitFor} got there. */
    static <T> T read(Callable<T> value) {
        try {
            return WaitForAsyncUtils.asyncFx(value).get();
        } catch (ExecutionException failed) {
            throw new AssertionError(failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the app's state", e);
        }
    }

    /** Not there yet (a control not shown, a list still filling) reads as false. */
    private static boolean onFxThread(Callable<Boolean> condition) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                try {
                    return condition.call();
                } catch (Exception notYet) {
                    return false;
                }
            }).get();
        } catch (ExecutionException unexpected) {
            throw new AssertionError(unexpected.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
