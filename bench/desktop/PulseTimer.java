import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;

/**
 * Records the gaps between pulses from {@link #begin} to {@link #end} (both on the FX thread).
 * A watchdog takes the FX thread's stack every 5 ms while a pulse is more than 20 ms late, so
 * the longest stall comes with a profile of where the thread was during it (one stack taken once
 * the target had passed named a frame, not what the stall was made of).
 */
final class PulseTimer extends AnimationTimer {

    private static final long QUIET_PULSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /**
     * @param busySeconds CPU time the FX thread spent meanwhile (the rest it waited: for work, the renderer or a GC)
     * @param maxBusyMs the most CPU time the FX thread spent between two pulses: the stall's own work, which a
     *        loaded host stretches far less than the stall (the thread's waits for a core are not in it)
     * @param stack where the FX thread was during the longest stall
     * @param busiestStack where it was during the pulse with the most work, often another on a loaded host
     */
    record Gaps(int count, double maxMs, double p99Ms, double seconds, double busySeconds, double maxBusyMs, String stack, String busiestStack) {
    }

    private long[] gaps = new long[4096];
    private int count;
    private long last;
    private long longest;
    private long longestBusy;
    private long cpuAtLast;
    private long cpuAtBegin;
    /** Pulses in a row with under 2 ms of the FX thread's work between them. */
    private volatile int quietPulses;
    private String longestStack = "";
    private String busiestStack = "";
    private volatile long lastPulse = System.nanoTime();
    private volatile Sample sample;

    /** The FX thread's stacks taken every 5 ms while the pulse after {@code pulse} was late, each with how often it was seen. */
    private record Sample(long pulse, Map<String, Integer> stacks) {

        String profile() {
            int total = stacks.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder text = new StringBuilder(total + " samples, every 5 ms from 20 ms late:");
            stacks.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(stack -> text.append("\n  ").append(stack.getValue()).append(" of ").append(total).append(':').append(stack.getKey()));
            return text.toString();
        }
    }

    @Override
    public void handle(long now) {
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        if (last != 0) {
            Sample during = sample;
            if (cpu - cpuAtLast > longestBusy) {
                longestBusy = cpu - cpuAtLast;
                busiestStack = profileOf(during);
            }
            quietPulses = cpu - cpuAtLast < QUIET_PULSE_NANOS ? quietPulses + 1 : 0;
            long gap = now - last;
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
            }
            gaps[count++] = gap;
            if (gap > longest) {
                longest = gap;
                longestStack = profileOf(during);
            }
        }
        last = now;
        cpuAtLast = cpu;
        lastPulse = System.nanoTime();
    }

    /**
     * Whether the last 30 pulses (half a second when the thread keeps up) held no work of the window's own
     * (a view built ahead, one per pulse), only the pulses this timer keeps coming. Counted in pulses, not
     * time: on a loaded host the FX thread may not pulse at all for half a second.
     */
    boolean fxThreadIdle() {
        return quietPulses >= 30;
    }

    private String profileOf(Sample during) {
        return during != null && during.pulse() == lastPulse ? "was at (" + during.profile() + ")"
                : "was not sampled in it (a GC pause stops the watchdog too)";
    }

    void begin() {
        cpuAtBegin = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        count = 0;
        longest = 0;
        longestBusy = 0;
        longestStack = "";
        busiestStack = "";
    }

    Gaps end() {
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        long sum = Arrays.stream(sorted).sum();
        double busy = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtBegin) / 1e9;
        return new Gaps(count, count == 0 ? 0 : sorted[count - 1] / 1e6,
                count == 0 ? 0 : sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6, sum / 1e9, busy, longestBusy / 1e6, longestStack, busiestStack);
    }

    void watchFrom(Thread fxThread) {
        Thread watchdog = new Thread(() -> {
            // from a little over a pulse late, so a stall over the target is sampled from its start
            long threshold = TimeUnit.MILLISECONDS.toNanos(20);
            while (true) {
                long pulse = lastPulse;
                Sample taken = sample;
                if (System.nanoTime() - pulse > threshold) {
                    StringBuilder stack = new StringBuilder();
                    StackTraceElement[] frames = fxThread.getStackTrace();
                    for (int i = 0; i < Math.min(frames.length, 40); i++) {
                        stack.append("\n\tat ").append(frames[i]);
                    }
                    if (taken == null || taken.pulse() != pulse) {
                        taken = new Sample(pulse, new ConcurrentHashMap<>());
                        sample = taken;
                    }
                    taken.stacks().merge(stack.toString(), 1, Integer::sum);
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
