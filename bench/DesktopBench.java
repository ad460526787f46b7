import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.ui.AppServices;
import dev.sessiondb.ui.MainWindow;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.sessions.PagedSessionList;
import dev.sessiondb.ui.sessions.SessionRow;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * The desktop figures of issue 9 on the real window ({@link MainWindow} over the system's
 * services), driven as a user would: open a SQLite store with Add > JSON or SQLite file, scroll
 * its table from top to bottom, search it for a word most sessions hold, then migrate it into a new SQLite file with Jobs > Migrate (plan,
 * then run and verify). An AnimationTimer on the FX thread records the gap between consecutive
 * pulses (about 16.7 ms when the thread keeps up); the longest gap is the longest stall a user sees.
 * Run by bench/run.sh under xvfb-run: java -cp sessiondb-admin.jar bench/DesktopBench.java STORE.db WORKDIR
 * Prints one tab-separated line per figure: name, value, note. The FX thread's stack during the
 * longest stall over the target goes to stderr.
 */
public class DesktopBench {

    static final double STALL_TARGET_MS = 50;
    static final long HEAP_TARGET_MB = 512;
    static final double OPEN_TARGET_MS = 300;
    static final int SCROLL_STEPS = 200;
    static final int END_MARGIN_ROWS = 100; // more rows than the window shows
    /** In three quarters of the sample sessions (their repository): a search whose count is a scan of the store. */
    static final String BROAD_SEARCH = "minsky";

    private final Path store;
    private final Path work;
    private final PulseTimer pulses = new PulseTimer();
    private UserAnswers dialogs;
    private Scene scene;

    DesktopBench(Path store, Path work) {
        this.store = store;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        DesktopBench bench = new DesktopBench(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath());
        Platform.startup(() -> { });
        // the window and the app's threads would keep the JVM up after the figures, or after a failure
        try {
            onFx(bench::showWindow);
            bench.run();
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** The window as DesktopApp builds it, in a fresh home: no saved, recent or discovered stores; the journal under WORKDIR. */
    private void showWindow() {
        Stage stage = new Stage();
        AppServices system = AppServices.ofSystem(new MinskyPaths(Map.of(), work.resolve("home")), stage);
        dialogs = new UserAnswers(system.dialogs(), store);
        AppServices services = new AppServices(system.settings(), dialogs, system.executor(), system.opener(), system.discovery(),
                system.credentials(), system.journal(), system.status());
        new MainWindow(services).show(stage);
        scene = stage.getScene();
        pulses.start();
        pulses.watchFrom(Thread.currentThread());
    }

    /** What a user does, in order: open the store, scroll its table, search it, migrate it; a line per figure as it is measured. */
    private void run() throws Exception {
        String loadBefore = loadAverage();
        TableView<?> table = node("#sessions-table");
        awaitStartUpDone();
        long opening = System.nanoTime();
        onFx(() -> {
            pulses.begin();
            menuItem("#add-store", "JSON or SQLite file…").fire();
        });
        await("the first page of " + store, 600, () -> table.getItems().size() > 0 && rowsShownAround(table, 0));
        double openMs = (System.nanoTime() - opening) / 1e6;
        PulseTimer.Gaps opened = onFx(pulses::end);
        int rows = onFx(() -> table.getItems() instanceof PagedSessionList result ? result.resultSize() : table.getItems().size());
        String scale = String.format("%,d sessions", rows);
        print("desktop open SQLite + first page shown, " + scale, ms(openMs), target(openMs <= OPEN_TARGET_MS, "<= 300 ms")
                + "; Add > JSON or SQLite file, once the window settled, until the table shows its first rows, count included");
        printStall("opening " + scale + " until its first page shows", opened);
        long heapOpen = heapAfterFullGcMb();
        print("desktop heap after full GC, " + scale + " open, first page shown", heapOpen + " MB",
                target(heapOpen <= HEAP_TARGET_MB, "<= 512 MB") + "; RSS then " + procStatusMb("VmRSS") + " MB");

        // the bar beside the table stands for the whole result (the table holds a window of it), dragged
        // as a user would; the last position is a little more than a screenful above the end
        ScrollBar wholeResult = node("#sessions-scroll");
        int lastTop = Math.max(0, rows - END_MARGIN_ROWS);
        onFx(pulses::begin);
        for (int step = 0; step < SCROLL_STEPS; step++) {
            int index = (int) ((long) step * lastTop / (SCROLL_STEPS - 1));
            onFx(() -> wholeResult.setValue(index));
            try {
                await("the rows around " + index, 300, () -> rowsShownAround(table, index));
            } catch (IllegalStateException late) {
                throw new IllegalStateException(late.getMessage() + "; on screen: " + onFx(() -> rowsOnScreen(table)), late);
            }
        }
        printStall("scrolling " + scale + " top to bottom (" + SCROLL_STEPS + " positions, each shown)", onFx(pulses::end));
        long heapScrolled = heapAfterFullGcMb();
        print("desktop heap after full GC, " + scale + " open, scrolled to the end", heapScrolled + " MB",
                target(heapScrolled <= HEAP_TARGET_MB, "<= 512 MB") + "; the table's page cache full");

        search(scale);
        migrate(scale);
        print("desktop peak RSS (whole run)", procStatusMb("VmHWM") + " MB", "VmHWM of the app's process; no target");
        print("desktop machine load (1-minute average)", loadBefore + " before, " + loadAverage() + " after",
                Runtime.getRuntime().availableProcessors() + " cores; the stalls stretch with the load");
        onFx(() -> scene.getWindow().hide()); // closes the store, as closing the window does
    }

    /**
     * Types a word most sessions hold into the search field and waits for the first page of its
     * matches, then for their count; the field is emptied again (the whole store shows) after.
     */
    private void search(String scale) throws Exception {
        TextField field = node("#session-search");
        Label count = node("#session-count");
        onFx(pulses::begin);
        long typed = System.nanoTime();
        onFx(() -> field.setText(BROAD_SEARCH));
        await("the first page of '" + BROAD_SEARCH + "'", 600, () -> count.getText().contains(" of "));
        double firstPageMs = (System.nanoTime() - typed) / 1e6;
        await("the count of '" + BROAD_SEARCH + "'", 600, () -> count.getText().contains(" of ") && !count.getText().contains("counting"));
        double countedMs = (System.nanoTime() - typed) / 1e6;
        PulseTimer.Gaps searching = onFx(pulses::end);
        print("desktop search '" + BROAD_SEARCH + "' in " + scale + ", first page shown", ms(firstPageMs),
                "from typing (the field waits 250 ms for more keys) until the count line names the store's total; no target");
        print("desktop search '" + BROAD_SEARCH + "' in " + scale + ", counted", ms(countedMs), onFx(count::getText) + "; no target");
        printStall("searching '" + BROAD_SEARCH + "' in " + scale + " until counted", searching);
        onFx(() -> field.setText(""));
        await("every session again", 600, () -> !count.getText().contains(" of "));
    }

    /** Jobs > Migrate from the open store into a new SQLite file: Next, Next (the plan runs), Next, Run, until its report shows. */
    private void migrate(String scale) throws Exception {
        Path directory = Files.createTempDirectory("sessiondb-desktop-bench");
        try {
            Path target = directory.resolve("migrated.db");
            onFx(() -> menuItem("#jobs-menu", "Migrate a store into another format or layout…").fire());
            ComboBox<?> source = node("#migrate-source");
            await("the open store as the migration's source", 60, () -> !source.getEditor().getText().isEmpty());
            onFx(() -> this.<ComboBox<?>>node("#migrate-target").getEditor().setText(target.toString()));
            press("#migrate-next");
            onFx(pulses::begin);
            press("#migrate-next");
            String plan = awaitText("#migrate-plan-headline", 3600);
            PulseTimer.Gaps planning = onFx(pulses::end);
            if (!plan.startsWith("Ready to run")) {
                throw new IllegalStateException("the migration's plan says: " + plan);
            }
            printStall("migration plan (dry run) of " + scale + ", SQLite -> new SQLite", planning);
            press("#migrate-next");
            onFx(pulses::begin);
            press("#migrate-run");
            String report = awaitText("#migrate-report-headline", 3600);
            PulseTimer.Gaps running = onFx(pulses::end);
            if (!report.startsWith("Verified")) {
                throw new IllegalStateException("the migration's report says: " + report);
            }
            printStall("migration run and verify of " + scale + ", SQLite -> new SQLite", running);
        } finally {
            try (Stream<Path> written = Files.list(directory)) {
                for (Path file : written.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    /**
     * Whether the table shows the row at {@code index} of the whole result and every row on screen
     * has its record (no "…" placeholder).
     */
    private static boolean rowsShownAround(TableView<?> table, int index) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        int start = table.getItems() instanceof PagedSessionList window ? window.start() : 0;
        if (first == null || last == null || index - start < first.getIndex() || index - start > last.getIndex()) {
            return false;
        }
        for (int shown = first.getIndex(); shown <= last.getIndex(); shown++) {
            IndexedCell<?> cell = flow.getVisibleCell(shown);
            if (cell == null || !(cell.getItem() instanceof SessionRow row) || !row.isLoaded()) {
                return false;
            }
        }
        return true;
    }

    /** Which rows the table shows and which of them still wait for their page, to say why a wait ran out. */
    private static String rowsOnScreen(TableView<?> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return "no rows";
        }
        StringBuilder placeholders = new StringBuilder();
        for (int shown = first.getIndex(); shown <= last.getIndex(); shown++) {
            IndexedCell<?> cell = flow.getVisibleCell(shown);
            if (cell == null || !(cell.getItem() instanceof SessionRow row) || !row.isLoaded()) {
                placeholders.append(' ').append(shown);
            }
        }
        int start = table.getItems() instanceof PagedSessionList window ? window.start() : 0;
        return String.format("rows %d to %d of the window from %d (%d rows), position %.6f; waiting for their record:%s",
                first.getIndex(), last.getIndex(), start, table.getItems().size(), flow.getPosition(), placeholders.length() == 0 ? " none" : placeholders);
    }

    /**
     * Until the window's own start-up work is done (the saved stores read, discovery, the first-run
     * store) and the app's background threads have waited for work for half a second: a user's
     * first click comes after the window has settled, never the instant it shows, while the JVM is
     * still compiling the start-up's code (opened at once, the 1M open took 300-330 ms; after
     * the window settled, 160-240 ms: BENCHMARKS.md).
     */
    private static void awaitStartUpDone() throws InterruptedException {
        long started = System.nanoTime();
        long quietSince = started;
        while (System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(500)) {
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(2)) {
                throw new IllegalStateException("the window's start-up work did not end within 2 minutes");
            }
            Thread.sleep(50);
            if (!backgroundThreadsWaitForWork()) {
                quietSince = System.nanoTime();
            }
        }
    }

    /** Every thread of the app's background executor parked on its queue, taking no task. */
    private static boolean backgroundThreadsWaitForWork() {
        return Thread.getAllStackTraces().entrySet().stream().filter(thread -> thread.getKey().getName().startsWith("sessiondb-background-"))
                .allMatch(thread -> thread.getKey().getState() == Thread.State.WAITING
                        && Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getMethodName().equals("take")));
    }

    private void press(String id) throws Exception {
        await(id + " enabled", 3600, () -> !((Button) node(id)).isDisabled());
        onFx(() -> ((Button) node(id)).fire());
    }

    /** Waits for a label to say something, and returns what it says. */
    private String awaitText(String id, long timeoutSeconds) throws Exception {
        await(id, timeoutSeconds, () -> node(id) instanceof Label label && !label.getText().isEmpty());
        return onFx(() -> ((Label) node(id)).getText());
    }

    /** Waits until {@code shown} holds after a pulse's layout (checked on the FX thread), or an error dialog was shown. */
    private void await(String what, long timeoutSeconds, BooleanSupplier shown) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable check = () -> {
            if (dialogs.error != null) {
                done.completeExceptionally(new IllegalStateException("the app showed an error: " + dialogs.error));
            } else if (shown.getAsBoolean()) {
                done.complete(null);
            }
        };
        onFx(() -> scene.addPostLayoutPulseListener(check));
        try {
            done.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException late) {
            throw new IllegalStateException("waited " + timeoutSeconds + " s for " + what);
        } finally {
            onFx(() -> scene.removePostLayoutPulseListener(check));
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T node(String id) {
        return (T) scene.lookup(id);
    }

    private MenuItem menuItem(String menuId, String text) {
        MenuButton menu = node(menuId);
        return menu.getItems().stream().filter(item -> text.equals(item.getText())).findFirst()
                .orElseThrow(() -> new IllegalStateException(menuId + " has no item " + text));
    }

    private static <V> V onFx(Callable<V> action) throws Exception {
        FutureTask<V> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get(10, TimeUnit.MINUTES);
    }

    private static void onFx(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    private static long heapAfterFullGcMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** A size line of /proc/self/status (VmRSS: now, VmHWM: the peak), in MB. */
    private static long procStatusMb(String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith(field + ":"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) >> 10).findFirst().orElse(-1);
    }

    private static void printStall(String during, PulseTimer.Gaps gaps) {
        print("desktop longest FX stall, " + during, String.format("%s (p99 %s)", ms(gaps.maxMs()), ms(gaps.p99Ms())),
                target(gaps.maxMs() <= STALL_TARGET_MS, "<= 50 ms") + String.format("; %,d pulses in %.1f s, the FX thread busy %.1f s of it",
                        gaps.count(), gaps.seconds(), gaps.busySeconds()));
        if (gaps.maxMs() > STALL_TARGET_MS) {
            System.err.printf("longest stall %s: %s; the FX thread %s%n", during, ms(gaps.maxMs()), gaps.stack());
        }
    }

    private static String target(boolean met, String target) {
        return "target " + target + ", met " + (met ? "yes" : "no");
    }

    private static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }

    private static void print(String name, String value, String note) {
        System.out.println(name + "\t" + value + "\t" + note);
    }

    /**
     * Records the gaps between pulses from {@link #begin} to {@link #end} (both on the FX thread).
     * A watchdog takes the FX thread's stack once a pulse is later than the target, so the
     * longest stall comes with where the thread was during it.
     */
    static final class PulseTimer extends AnimationTimer {

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
                long threshold = (long) (STALL_TARGET_MS * 1e6);
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

    /**
     * The user's side of the dialogs: the file chooser picks the bench's store; an error is kept
     * (the bench stops with it) instead of waiting behind a modal alert; the rest is the app's own.
     */
    static final class UserAnswers implements DialogService {

        private final DialogService app;
        private final Path store;
        volatile String error;

        UserAnswers(DialogService app, Path store) {
            this.app = app;
            this.store = store;
        }

        @Override
        public void showError(String title, String message) {
            error = title + ": " + message;
        }

        @Override
        public void notify(String message) {
            app.notify(message);
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            return app.confirm(title, message, confirmLabel);
        }

        @Override
        public Optional<Path> chooseStoreFile() {
            return Optional.of(store);
        }

        @Override
        public Optional<Path> chooseDirectory(String title) {
            return app.chooseDirectory(title);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName) {
            return app.chooseFileToSave(title, suggestedName);
        }

        @Override
        public Optional<String> askText(String title, String label, String initialValue) {
            return app.askText(title, label, initialValue);
        }

        @Override
        public Optional<String> askPassword(String title, String label) {
            return app.askPassword(title, label);
        }

        @Override
        public <R> Optional<R> showCustomDialog(Dialog<R> dialog) {
            return app.showCustomDialog(dialog);
        }
    }
}
