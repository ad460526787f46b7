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
import org.junit.jupiter.api.Test;

class PagedSessionListTest {

    private static final int TOTAL = 1_000_000;

    private final List<SessionQuery> asked = new ArrayList<>();

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
        return new PagedSessionList(page -> millionSessions.apply(page).records(), query, millionSessions.apply(PagedSessionList.pageQuery(query, 0)), executor);
    }

    @Test
    void aMillionSessionListHasTheFullSizeButFetchedOnlyTheFirstPage() {
        PagedSessionList list = list(new CurrentThreadTaskExecutor());

        assertThat(list).hasSize(TOTAL);
        assertThat(asked).hasSize(1);
        assertThat(list.get(5).record().key()).isEqualTo(SampleSessions.minskyRecord(5, 7).key());
    }

    @Test
    void aRowFarDownIsFetchedWithItsPageOnly() {
        PagedSessionList list = list(new CurrentThreadTaskExecutor());

        list.get(734_512);

        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).offset()).isEqualTo(734_400);
        assertThat(list.get(734_512).record().key()).isEqualTo(SampleSessions.minskyRecord(734_512, 7).key());
    }

    @Test
    void aRowWhosePageIsStillComingIsAPlaceholderAndTheListReportsItWhenItArrives() {
        List<BackgroundTask<?>> waiting = new ArrayList<>();
        PagedSessionList list = list(new TaskExecutor() {
            @Override
            public <V> void execute(BackgroundTask<V> task) {
                waiting.add(task);
            }

            @Override
            public void shutdown() {
            }
        });
        List<Integer> updated = new ArrayList<>();
        list.addListener((javafx.collections.ListChangeListener<SessionRow>) change -> {
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
    void scrollingThroughEverythingKeepsOnlyABoundedNumberOfPages() {
        PagedSessionList list = list(new CurrentThreadTaskExecutor());

        for (int index = 0; index < 200_000; index += PagedSessionList.PAGE_SIZE) {
            list.get(index);
        }

        assertThat(list.cachedPages()).isEqualTo(PagedSessionList.MAX_CACHED_PAGES);
    }
}
