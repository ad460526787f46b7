package dev.sessiondb.ui.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.diff.DiffSummary;
import dev.sessiondb.ui.ViewModelFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiffViewModelTest extends ViewModelFixture {

    private DiffViewModel viewModel;

    @BeforeEach
    void twoStores() {
        viewModel = new DiffViewModel(executor, dialogs, locators(), existingStores());
        viewModel.storeA().textProperty().set(DiffFixtures.storeA(directory).toString());
        viewModel.storeB().textProperty().set(DiffFixtures.storeB(directory).toString());
    }

    @Test
    void comparingTwoStoresCountsEachKindOfDifferenceAndListsThem() {
        viewModel.compare();

        assertThat(viewModel.summaryProperty().get()).isEqualTo(new DiffSummary(1, 1, 2, 214));
        assertThat(viewModel.rows()).extracting(DiffRow::session, DiffRow::kind, DiffRow::fields).containsExactlyInAnyOrder(
                Tuple.tuple("task#011", DiffRow.Kind.ONLY_IN_A, ""),
                Tuple.tuple("task#500", DiffRow.Kind.ONLY_IN_B, ""),
                Tuple.tuple("task#002", DiffRow.Kind.CHANGED, "pullRequest.state"),
                Tuple.tuple("task#008", DiffRow.Kind.CHANGED, "branch"));
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void selectingAChangedSessionMarksTheNestedFieldAndTheObjectAroundIt() {
        viewModel.compare();

        viewModel.select(row("task#002"));

        assertThat(viewModel.comparison()).filteredOn(row -> row.path().equals("pullRequest.state")).singleElement()
                .satisfies(row -> {
                    assertThat(row.state()).isEqualTo(FieldRow.State.CHANGED);
                    assertThat(row.a()).isEqualTo("open");
                    assertThat(row.b()).isEqualTo("merged");
                });
        assertThat(state("pullRequest")).isEqualTo(FieldRow.State.CONTAINS_CHANGES);
        assertThat(state("pullRequest.number")).isEqualTo(FieldRow.State.SAME);
        assertThat(state("repoName")).isEqualTo(FieldRow.State.SAME);
        assertThat(viewModel.comparedTitleProperty().get()).isEqualTo("task#002: changed, 1 field differs");
    }

    /** The title said "task#500: only in b", where the table, the cards and the columns name the stores A and B. */
    @Test
    void aSessionInOneStoreAloneIsTitledWithThatStoresLetterAsTheTableNamesIt() {
        viewModel.compare();

        viewModel.select(row("task#500"));

        assertThat(viewModel.comparedTitleProperty().get()).isEqualTo("task#500: only in B");
        viewModel.select(row("task#011"));
        assertThat(viewModel.comparedTitleProperty().get()).isEqualTo("task#011: only in A");
    }

    @Test
    void secretsInTheComparedRecordsAreMasked() {
        viewModel.compare();

        viewModel.select(row("task#002"));

        FieldRow token = viewModel.comparison().stream().filter(row -> row.path().equals("pullRequest.github.token")).findFirst().orElseThrow();
        assertThat(token.a()).doesNotContain(DiffFixtures.TOKEN).contains("****");
        assertThat(token.b()).doesNotContain(DiffFixtures.TOKEN).contains("****");
    }

    @Test
    void aSessionOnlyInOneStoreShowsEveryFieldAsChangedAgainstNothing() {
        viewModel.compare();

        viewModel.select(row("task#011"));

        assertThat(viewModel.comparison()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.state()).isEqualTo(FieldRow.State.CHANGED);
            assertThat(row.b()).isEqualTo(SideBySide.ABSENT);
        });
    }

    @Test
    void ignoredFieldsLeaveTheComparisonAndAreMarkedSo() {
        viewModel.newIgnoredProperty().set("pullRequest");
        viewModel.addIgnored();
        viewModel.newIgnoredProperty().set("branch");
        viewModel.addIgnored();

        viewModel.compare();

        assertThat(viewModel.summaryProperty().get()).isEqualTo(new DiffSummary(1, 1, 0, 216));
        viewModel.storeB().textProperty().set(viewModel.storeA().textProperty().get().replace("/a/", "/b/"));
        viewModel.sessionAProperty().set("task#002");
        viewModel.sessionBProperty().set("task#002");
        viewModel.compare();
        assertThat(viewModel.rows()).extracting(DiffRow::kind).containsExactly(DiffRow.Kind.IDENTICAL);
        viewModel.select(viewModel.rows().get(0));
        assertThat(state("pullRequest.state")).isEqualTo(FieldRow.State.IGNORED);
    }

    @Test
    void twoSessionsOfOneStoreCanBeComparedOnTheirOwn() {
        viewModel.storeB().textProperty().set(viewModel.storeA().textProperty().get());
        viewModel.sessionAProperty().set("task#002");
        viewModel.sessionBProperty().set("task#001");

        viewModel.compare();

        assertThat(viewModel.summaryProperty().get()).isEqualTo(new DiffSummary(0, 0, 1, 0));
        assertThat(viewModel.rows()).singleElement().satisfies(row -> assertThat(row.fields()).contains("session", "branch", "pullRequest"));
    }

    /** The lead's audit: the one row of two sessions compared waited for a click, and named only A's session. */
    @Test
    void twoSessionsComparedShowTheirFieldsAtOnceAndTheRowNamesEachStoresSession() {
        viewModel.storeB().textProperty().set(viewModel.storeA().textProperty().get());
        viewModel.sessionAProperty().set("task#002");
        viewModel.sessionBProperty().set("task#001");

        viewModel.compare();

        assertThat(viewModel.selectedProperty().get()).isEqualTo(viewModel.rows().get(0));
        assertThat(viewModel.comparison()).isNotEmpty();
        assertThat(state("branch")).isEqualTo(FieldRow.State.CHANGED);
        assertThat(viewModel.rows()).singleElement().satisfies(row -> {
            assertThat(row.session()).isEqualTo("task#002 in A, task#001 in B");
            assertThat(row.where()).isEqualTo("Changed (in A and B)");
        });
        assertThat(viewModel.comparedTitleProperty().get()).startsWith("task#002 in A, task#001 in B: changed");
    }

    /** A tour: a session typed in A alone compared the whole stores, saying nothing of the session asked for. */
    @Test
    void aSessionOfAAloneIsComparedWithTheSameSessionOfBAsDiffSessionDoes() {
        viewModel.sessionAProperty().set("task#008");

        viewModel.compare();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).isEqualTo(new DiffSummary(0, 0, 1, 0));
        assertThat(viewModel.rows()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("task#008");
            assertThat(row.keyB()).isEqualTo("task#008");
            assertThat(row.fields()).isEqualTo("branch");
        });
    }

    /** A tour: a session typed in B alone compared the whole stores without a word; nothing is compared now, and the line says what to do. */
    @Test
    void aSessionOfBAloneComparesNothingAndAsksForTheSessionOfA() {
        viewModel.compare();
        viewModel.sessionBProperty().set("task#008");

        viewModel.compare();

        assertThat(viewModel.summaryProperty().get()).isNull();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.statusProperty().get()).contains("name the session of A", "clear it to compare the whole stores", "Nothing was compared");
    }

    /** A tour: two sessions alike were told "The stores hold the same 1 sessions." */
    @Test
    void twoSessionsAlikeAreSaidToBeTheSameSessionsNotStores() {
        viewModel.sessionAProperty().set("task#001");
        viewModel.sessionBProperty().set("task#001");

        viewModel.compare();

        assertThat(viewModel.summaryProperty().get()).isEqualTo(new DiffSummary(0, 0, 0, 1));
        assertThat(viewModel.statusProperty().get()).isEqualTo("The two sessions are the same in every field compared.");
    }

    @Test
    void eachDifferenceSaysWhichStoreHoldsTheSession() {
        viewModel.compare();

        assertThat(viewModel.rows()).extracting(DiffRow::session, DiffRow::where).containsExactlyInAnyOrder(
                Tuple.tuple("task#011", "Only in A"),
                Tuple.tuple("task#500", "Only in B"),
                Tuple.tuple("task#002", "Changed (in A and B)"),
                Tuple.tuple("task#008", "Changed (in A and B)"));
        assertThat(viewModel.selectedProperty().get()).isNull();
    }

    @Test
    void aSessionIsFoundByItsTaskIdAsShowFindsIt() {
        viewModel.sessionAProperty().set("#008");
        viewModel.sessionBProperty().set("008");

        viewModel.compare();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(viewModel.rows()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("task#008");
            assertThat(row.keyB()).isEqualTo("task#008");
            assertThat(row.fields()).isEqualTo("branch");
        });
        viewModel.select(viewModel.rows().get(0));
        assertThat(state("branch")).isEqualTo(FieldRow.State.CHANGED);
    }

    @Test
    void aTaskIdWithTwoSessionsIsRefusedAsShowRefusesIt() {
        viewModel.sessionAProperty().set("task#001");
        viewModel.sessionBProperty().set("#002");

        viewModel.compare();

        assertThat(dialogs.errors()).singleElement().asString().contains("task #002 has 2 sessions (task#002, test-session-2); name one of them");
        assertThat(viewModel.rows()).isEmpty();
    }

    @Test
    void aComparisonThatFailsLeavesNothingOfTheOneBefore() {
        viewModel.compare();
        viewModel.select(row("task#002"));
        assertThat(viewModel.comparison()).isNotEmpty();

        viewModel.sessionAProperty().set("task#001");
        viewModel.sessionBProperty().set("#9999");
        viewModel.compare();

        assertThat(dialogs.errors()).singleElement().asString().contains("no session '#9999'");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Cannot compare.");
        assertThat(viewModel.summaryProperty().get()).isNull();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.comparison()).isEmpty();
        assertThat(viewModel.comparedTitleProperty().get()).isEmpty();
    }

    /** An audit: the window said "run 'sessiondb ls' to see the sessions", a command line to a window's user, and not which side missed it. */
    @Test
    void aSessionNotFoundIsNamedWithItsSideAndWhereTheWindowListsTheSessions() {
        viewModel.sessionAProperty().set("task#002");
        viewModel.sessionBProperty().set("nothing-like-it");

        viewModel.compare();

        assertThat(dialogs.errors()).singleElement().asString()
                .contains("Store B, ", "b/session-db.json: no session 'nothing-like-it'",
                        "open the store and pick the session's name from its Sessions tab")
                .doesNotContain("sessiondb ls");
    }

    @Test
    void aMissingStoreIsReportedInOneLineAndNothingIsCompared() {
        viewModel.storeB().textProperty().set(directory.resolve("nowhere.json").toString());

        viewModel.compare();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Cannot compare the stores: ").doesNotContain("\n");
        assertThat(viewModel.summaryProperty().get()).isNull();
    }

    /** The window refuses an empty file as the command line does (DiffCommandTest), before it opens either store. */
    @Test
    void anEmptyFileIsRefusedWithTheCommandLinesMessage() throws Exception {
        Path empty = Files.createFile(directory.resolve("empty.db"));
        viewModel.storeB().textProperty().set("sqlite:" + empty);

        viewModel.compare();

        assertThat(dialogs.errors()).singleElement().asString().endsWith("sqlite:" + empty + ": the file is empty (0 bytes), not a store;"
                + " nothing was compared; check the path (a JSON store of no sessions holds [], a SQLite one is made by a job writing into it)");
        assertThat(viewModel.summaryProperty().get()).isNull();
    }

    /** The window compared a store with itself (all identical) where the command line refuses it (DiffCommandTest): now both refuse alike. */
    @Test
    void oneStoreNamedTwiceIsRefusedWithTheCommandLinesMessage() {
        String store = viewModel.storeA().textProperty().get();
        viewModel.storeB().textProperty().set("json:" + store);

        viewModel.compare();

        assertThat(dialogs.errors()).singleElement().asString().endsWith(store + " and json:" + store
                + " are the same store; name two stores to compare");
        assertThat(viewModel.summaryProperty().get()).isNull();
    }

    /** The window compared a session with itself, "identical" in every field: now refused as one store named twice is. */
    @Test
    void oneSessionOfOneStoreNamedOnBothSidesIsRefused() {
        String store = viewModel.storeA().textProperty().get();
        viewModel.storeB().textProperty().set("json:" + store);
        viewModel.sessionAProperty().set("task#008");
        viewModel.sessionBProperty().set("#008");

        viewModel.compare();

        assertThat(dialogs.errors()).singleElement().asString().endsWith("A and B name the same session, task#008 of json:" + store
                + "; nothing was compared; pick two different sessions or stores to compare");
        assertThat(viewModel.summaryProperty().get()).isNull();
        assertThat(viewModel.rows()).isEmpty();
    }

    private DiffRow row(String session) {
        return viewModel.rows().stream().filter(row -> row.session().equals(session)).findFirst().orElseThrow();
    }

    private FieldRow.State state(String path) {
        return viewModel.comparison().stream().filter(row -> row.path().equals(path)).findFirst().orElseThrow().state();
    }
}
