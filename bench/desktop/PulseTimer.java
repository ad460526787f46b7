import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Records the gaps between pulses from {@link #begin} to {@link #end} (both on the FX thread).
 * A watchdog takes the FX thread's stack once a pulse is later than the target, so the
 * longest stall comes with where the thread was during it.
 */
final class PulseTimer extends AnimationTimer {

    /** @param busySeconds CPU time the FX thread spent meanwhile (the rest it waited: for work, the renderer or a GC) */
    record Gaps(int count, double maxMs, double p99Ms, double seconds, double busySeconds, String stack) {
    }

    private long[] gaps = new long[4096];
    private int count;
    private long last;
    private long longest;
    private long cpuAtBegin;
    private String longestStack = "";
    private volatile long lastPulse = System.nanoTime();
    private volatile Sample sample;

    private record Sample(long pulse, String stack) {
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
            }
            gaps[count++] = gap;
            Sample during = sample;
            if (gap > longest) {
                longest = gap;
                longestStack = during != null && during.pulse() == lastPulse ? "was at:" + during.stack()
                        : "was not sampled in it (a GC pause stops the watchdog too)";
            }
        }
        last = now;
        lastPulse = System.nanoTime();
    }

    void begin() {
        cpuAtBegin = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        count = 0;
        longest = 0;
        longestStack = "";
    }

    Gaps end() {
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        long sum = Arrays.stream(sorted).sum();
        double busy = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtBegin) / 1e9;
        return new Gaps(count, count == 0 ? 0 : sorted[count - 1] / 1e6,
                count == 0 ? 0 : sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6, sum / 1e9, busy, longestStack);
    }

    void watchFrom(Thread fxThread) {
        Thread watchdog = new Thread(() -> {
            long threshold = (long) (DesktopBench.STALL_TARGET_MS * 1e6);
            while (true) {
                long pulse = lastPulse;
                Sample taken = sample;
                if (System.nanoTime() - pulse > threshold && (taken == null || taken.pulse() != pulse)) {
                    StringBuilder stack = new StringBuilder();
                    for (StackTraceElement frame : fxThread.getStackTrace()) {
                        stack.append("\n\tat ").append(frame);
                    }
                    sample = new Sample(pulse, stack.toString());
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }, "stall-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
