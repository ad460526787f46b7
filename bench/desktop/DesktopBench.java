import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.ui.AppServices;
import dev.sessiondb.ui.MainWindow;
import dev.sessiondb.ui.sessions.PagedSessionList;
import dev.sessiondb.ui.sessions.SessionRow;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
 * then run and verify). A {@link PulseTimer} on the FX thread records the gap between consecutive
 * pulses (about 16.7 ms when the thread keeps up); the longest gap is the longest stall a user sees.
 * Run by bench/run.sh under xvfb-run, compiled with its instruments (PulseTimer, UserAnswers):
 * javac -cp sessiondb-admin.jar -d CLASSES bench/desktop/*.java; java -cp sessiondb-admin.jar:CLASSES DesktopBench STORE.db WORKDIR [PHASES]
 * PHASES (by default all of open,scroll,search,plan,run, in that order; the store is always opened, the run follows the plan) lets a
 * lever on one phase be judged in shorter runs, e.g. open,plan for the opening and the plan's first showing.
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

    static final Set<String> ALL_PHASES = Set.of("open", "scroll", "search", "plan", "run");

    private final Path store;
    private final Path work;
    private final Set<String> phases;
    private final PulseTimer pulses = new PulseTimer();
    private UserAnswers dialogs;
    private Scene scene;

    DesktopBench(Path store, Path work, Set<String> phases) {
        this.store = store;
        this.work = work;
        this.phases = phases;
    }

    public static void main(String[] args) throws Exception {
        Set<String> phases = args.length > 2 ? Set.of(args[2].split(",")) : ALL_PHASES;
        if (!ALL_PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("phases are some of " + ALL_PHASES + ", not " + args[2]);
        }
        DesktopBench bench = new DesktopBench(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(), phases);
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

        if (phases.contains("scroll")) {
            scroll(table, rows, scale);
        }
        if (phases.contains("search")) {
            search(scale);
        }
        if (phases.contains("plan")) {
            migrate(scale);
        }
        print("desktop peak RSS (whole run)", procStatusMb("VmHWM") + " MB", "VmHWM of the app's process; no target");
        print("desktop machine load (1-minute average)", loadBefore + " before, " + loadAverage() + " after",
                Runtime.getRuntime().availableProcessors() + " cores; the stalls stretch with the load");
        onFx(() -> scene.getWindow().hide()); // closes the store, as closing the window does
    }

    /**
     * Drags the bar beside the table, which stands for the whole result (the table holds a window of it),
     * as a user would; the last position is a little more than a screenful above the end.
     */
    private void scroll(TableView<?> table, int rows, String scale) throws Exception {
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

    /**
     * Jobs > Migrate from the open store into a new SQLite file: Next, Next (the plan runs), then (the run
     * phase) Next, Run, until its report shows.
     */
    private void migrate(String scale) throws Exception {
        Path directory = Files.createTempDirectory("sessiondb-desktop-bench");
        try {
            Path target = directory.resolve("migrated.db");
            onFx(() -> menuItem("#jobs-menu", "Migrate a store into another format or layout…").fire());
            ComboBox<?> source = node("#migrate-source");
            await("the open store as the migration's source", 60, () -> !source.getEditor().getText().isEmpty());
            onFx(() -> this.<ComboBox<?>>node("#migrate-target").getEditor().setText(target.toString()));
            press("#migrate-next");
            timedStep("#migrate-next", "plan", "Ready to run", "migration plan (dry run) of " + scale + ", SQLite -> new SQLite");
            if (!phases.contains("run")) {
                return;
            }
            press("#migrate-next");
            timedStep("#migrate-run", "report", "Verified", "migration run and verify of " + scale + ", SQLite -> new SQLite");
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
     * Presses {@code button} and records the stalls until the wizard's {@code page} headline shows;
     * a headline that does not start with {@code expected} stops the bench with what it says.
     */
    private void timedStep(String button, String page, String expected, String phase) throws Exception {
        onFx(pulses::begin);
        press(button);
        String headline = awaitText("#migrate-" + page + "-headline", 3600);
        PulseTimer.Gaps gaps = onFx(pulses::end);
        if (!headline.startsWith(expected)) {
            throw new IllegalStateException("the migration's " + page + " says: " + headline);
        }
        printStall(phase, gaps);
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
     * store, what the window builds ahead on the FX thread) and for half a second the app's background
     * threads have waited for work and the FX thread has done no pulse's worth of work: a user's
     * first click comes after the window has settled, never the instant it shows, while the JVM is
     * still compiling the start-up's code (opened at once, the 1M open took 300-330 ms; after
     * the window settled, 160-240 ms: BENCHMARKS.md).
     */
    private void awaitStartUpDone() throws InterruptedException {
        long started = System.nanoTime();
        long quietSince = started;
        while (System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(500)) {
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(2)) {
                throw new IllegalStateException("the window's start-up work did not end within 2 minutes");
            }
            Thread.sleep(50);
            if (!backgroundThreadsWaitForWork() || !pulses.fxThreadIdle()) {
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
                target(gaps.maxMs() <= STALL_TARGET_MS, "<= 50 ms") + String.format("; %,d pulses in %.1f s, the FX thread busy %.1f s of it, at most %.1f ms between two pulses",
                        gaps.count(), gaps.seconds(), gaps.busySeconds(), gaps.maxBusyMs()));
        if (gaps.maxMs() > STALL_TARGET_MS) {
            System.err.printf("longest stall %s: %s; the FX thread %s%n", during, ms(gaps.maxMs()), gaps.stack());
        }
        // the pulse with the most work is often not the longest stall on a loaded host
        if (gaps.maxBusyMs() > STALL_TARGET_MS / 2) {
            System.err.printf("most work between two pulses %s: %s; the FX thread %s%n", during, ms(gaps.maxBusyMs()), gaps.busiestStack());
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
}
