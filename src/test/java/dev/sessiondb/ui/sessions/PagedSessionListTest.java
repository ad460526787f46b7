package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class PagedSessionListTest {

    private static final int TOTAL = 1_000_000;

    private final List<SessionQuery> asked = new ArrayList<>();
    private final List<Exception> failures = new ArrayList<>();

    /** A million sessions made on demand: only the rows of the asked page exist. */
    private final Function<SessionQuery, Page> millionSessions = query -> {
        asked.add(query);
        List<SessionRecord> records = new ArrayList<>();
        for (long i = query.offset(); i < Math.min(TOTAL, query.offset() + query.limit()); i++) {
            records.add(SampleSessions.minskyRecord(i, 7));
        }
        return new Page(records, TOTAL);
    };

    private PagedSessionList list(TaskExecutor executor) {
        SessionQuery query = SessionQuery.all();
        return new PagedSessionList(page -> millionSessions.apply(page).records(), query, millionSessions.apply(QueryPages.pageQuery(query, 0)), executor, failures::add);
    }

    /** An executor that keeps each task until the test runs it. */
    private static TaskExecutor holding(List<BackgroundTask<?>> waiting) {
        return new TaskExecutor() {
            @Override
            public <V> void execute(BackgroundTask<V> task) {
                waiting.add(task);
            }

            @Override
            public void shutdown() {
            }
        };
    }

    @Test
    void aMillionSessionResultIsShownAWindowAtATimeAndOnlyTheFirstPageIsFetched() {
        PagedSessionList list = list(new CurrentThreadTaskExecutor());

        assertThat(list).hasSize(PagedSessionList.WINDOW_ROWS);
        assertThat(list.resultSize()).isEqualTo(TOTAL);
        assertThat(asked).hasSize(1);
        assertThat(list.get(5).record().key()).isEqualTo(SampleSessions.minskyRecord(5, 7).key());
    }

    @Test
    void aRowFarDownIsFetchedWithItsPageOnly() {
        PagedSessionList window = list(new CurrentThreadTaskExecutor()).window(734_000);

        SessionRow row = window.get(512);

        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).offset()).isEqualTo(734_400);
        assertThat(row.index()).isEqualTo(734_512);
        assertThat(row.record().key()).isEqualTo(SampleSessions.minskyRecord(734_512, 7).key());
    }

    @Test
    void aWindowNearTheEndMovesBackToStayFullAndOneBeforeTheStartBeginsAtZero() {
        PagedSessionList list = list(new CurrentThreadTaskExecutor());

        PagedSessionList last = list.window(TOTAL - 10);
        PagedSessionList first = last.window(-500);

        assertThat(last.start()).isEqualTo(TOTAL - PagedSessionList.WINDOW_ROWS);
        assertThat(last).hasSize(PagedSessionList.WINDOW_ROWS);
        assertThat(last.get(PagedSessionList.WINDOW_ROWS - 1).index()).isEqualTo(TOTAL - 1);
        assertThat(first.start()).isZero();
        assertThat(first.get(0).index()).isZero();
    }

    @Test
    void windowsOfOneResultShareItsFetchedPages() {
        PagedSessionList list = list(new CurrentThreadTaskExecutor());
        list.window(400_000).get(0);

        PagedSessionList again = list.window(399_990);

        assertThat(again.get(10).record().key()).isEqualTo(SampleSessions.minskyRecord(400_000, 7).key());
        assertThat(asked).as("the first page and the page of row 400,000, each once").hasSize(2);
    }

    @Test
    void aShortResultIsOneWindowOfAllItsRows() {
        Page few = new Page(List.of(SampleSessions.minskyRecord(0, 7), SampleSessions.minskyRecord(1, 7)), 2);
        PagedSessionList list = new PagedSessionList(page -> List.of(), SessionQuery.all(), few, new CurrentThreadTaskExecutor(), failures::add);

        assertThat(list).hasSize(2);
        assertThat(list.window(1).start()).isZero();
    }

    @Test
    void aRowWhosePageIsStillComingIsAPlaceholderAndTheListReportsItWhenItArrives() {
        List<BackgroundTask<?>> waiting = new ArrayList<>();
        PagedSessionList list = list(holding(waiting));
        List<Integer> updated = new ArrayList<>();
        list.addListener((ListChangeListener<SessionRow>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    updated.add(change.getFrom());
                }
            }
        });

        assertThat(list.get(1000).isLoaded()).isFalse();
        new CurrentThreadTaskExecutor().execute(waiting.get(0));

        assertThat(updated).containsExactly(1000);
        assertThat(list.get(1000).isLoaded()).isTrue();
    }

    @Test
    void onlyTheWindowOnScreenHearsOfAPageThatArrives() {
        List<BackgroundTask<?>> waiting = new ArrayList<>();
        PagedSessionList left = list(holding(waiting));
        left.get(0);
        PagedSessionList shown = left.window(50_000);
        List<String> heard = new ArrayList<>();
        left.addListener((ListChangeListener<SessionRow>) change -> heard.add("left"));
        shown.addListener((ListChangeListener<SessionRow>) change -> {
            while (change.next()) {
                heard.add("shown " + change.getFrom() + "-" + change.getTo());
            }
        });

        assertThat(shown.get(5_000).isLoaded()).isFalse();
        new CurrentThreadTaskExecutor().execute(waiting.get(0));

        assertThat(heard).containsExactly("shown 5000-5200");
        assertThat(shown.get(5_000).record().key()).isEqualTo(SampleSessions.minskyRecord(55_000, 7).key());
    }

    @Test
    void aCountThatArrivesLaterGrowsTheWindowOnScreen() {
        List<SessionRecord> firstPage = new ArrayList<>();
        for (int i = 0; i < QueryPages.PAGE_SIZE; i++) {
            firstPage.add(SampleSessions.minskyRecord(i, 7));
        }
        PagedSessionList list = new PagedSessionList(page -> millionSessions.apply(page).records(), SessionQuery.all(),
                new Page(firstPage, firstPage.size()), new CurrentThreadTaskExecutor(), failures::add);
        List<String> added = new ArrayList<>();
        list.addListener((ListChangeListener<SessionRow>) change -> {
            while (change.next()) {
                added.add(change.getFrom() + "-" + change.getTo());
            }
        });

        list.sizeTo(TOTAL);

        assertThat(added).containsExactly("200-" + PagedSessionList.WINDOW_ROWS);
        assertThat(list.resultSize()).isEqualTo(TOTAL);
    }

    @Test
    void scrollingThroughEverythingKeepsOnlyABoundedNumberOfPages() {
        PagedSessionList list = list(new CurrentThreadTaskExecutor());

        for (int index = 0; index < 200_000; index += QueryPages.PAGE_SIZE) {
            list.window(index).get(0);
        }

        assertThat(list.cachedPages()).isEqualTo(QueryPages.MAX_CACHED_PAGES);
    }
}
