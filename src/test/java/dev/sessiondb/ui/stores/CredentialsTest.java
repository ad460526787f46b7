package dev.sessiondb.ui.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.sql.PgCredentials;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.ui.ScriptedDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app resolves like the store layer and only adds the prompt. */
class CredentialsTest {

    /** A server of a made-up host (db.example) that would refuse to log in without a password, and take any password. */
    private static final Predicate<PgCredentials> WANTS_A_PASSWORD = credentials -> credentials.password() == null;

    @TempDir
    Path directory;

    @Test
    void aSavedLocatorNeverHoldsThePassword() {
        StoreLocator locator = StoreLocator.parse("postgresql://ana:s3cret@db.example:5433/minsky?schema=s");

        assertThat(locator.withoutPassword().target()).isEqualTo("postgresql://ana@db.example:5433/minsky");
        assertThat(locator.withoutPassword().params()).containsEntry("schema", "s");
    }

    @Test
    void thePasswordComesFromPgpassWhenALineMatches() throws Exception {
        Path pgpass = directory.resolve(".pgpass");
        Files.writeString(pgpass, "# comment\nother:5432:*:ana:wrong\ndb.example:*:minsky:ana:pa\\:ss\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Credentials credentials = new Credentials(directory, Map.of());

        StoreLocator ready = CompletedNow.of(credentials, StoreLocator.parse("postgresql://ana@db.example/minsky?schema=s"), new ScriptedDialogService()).orElseThrow();

        assertThat(ready.target()).isEqualTo("postgresql://ana:pa%3Ass@db.example:5432/minsky");
        assertThat(ready.params()).containsEntry("schema", "s");
    }

    @Test
    void pgpasswordComesBeforeThePasswordFileThenTheUserIsAsked() throws Exception {
        Files.writeString(directory.resolve(".pgpass"), "*:*:*:*:from-file\n");
        Files.setPosixFilePermissions(directory.resolve(".pgpass"), PosixFilePermissions.fromString("rw-------"));
        Credentials fromEnv = new Credentials(directory, Map.of("PGPASSWORD", "env"));
        assertThat(CompletedNow.of(fromEnv, StoreLocator.parse("postgresql://ana@h/db"), new ScriptedDialogService()).orElseThrow().target())
                .isEqualTo("postgresql://ana:env@h:5432/db");

        Credentials prompting = new Credentials(directory.resolve("elsewhere"), Map.of(), WANTS_A_PASSWORD);
        ScriptedDialogService dialogs = new ScriptedDialogService().answer("typed");
        assertThat(CompletedNow.of(prompting, StoreLocator.parse("postgresql://ana@h/db"), dialogs).orElseThrow().target())
                .isEqualTo("postgresql://ana:typed@h:5432/db");
        assertThat(CompletedNow.of(prompting, StoreLocator.parse("postgresql://ana@h/db"), new ScriptedDialogService()))
                .as("the typed password is remembered for this run").isPresent();
    }

    /** An audit's Undo of a migrate to a URL holding the password asked for that password again. */
    @Test
    void aPasswordWrittenInATypedUrlIsRememberedForTheRunAsATypedOneIs() {
        Credentials credentials = new Credentials(directory.resolve("no-pgpass"), Map.of());
        CompletedNow.of(credentials, StoreLocator.parse("postgresql://admin:s3cretPW@127.0.0.1:5433/sess?schema=ui1"), new ScriptedDialogService()).orElseThrow();

        StoreLocator reopened = CompletedNow.of(credentials, StoreLocator.parse("postgresql://admin@127.0.0.1:5433/sess?schema=ui1"), new ScriptedDialogService())
                .orElseThrow();

        assertThat(reopened.target()).as("no prompt: the script has no answer").isEqualTo("postgresql://admin:s3cretPW@127.0.0.1:5433/sess");
        assertThat(reopened.display()).doesNotContain("s3cretPW");
    }

    @Test
    void cancellingThePromptOpensNothing() {
        Credentials credentials = new Credentials(directory, Map.of(), WANTS_A_PASSWORD);

        assertThat(CompletedNow.of(credentials, StoreLocator.parse("postgresql://ana@h/db"), new ScriptedDialogService().answer(null))).isEmpty();
    }

    @Test
    void fileStoresNeedNoPassword() {
        StoreLocator json = StoreLocator.parse("json:/tmp/a.json");

        assertThat(CompletedNow.of(new Credentials(directory, Map.of()), json, new ScriptedDialogService())).contains(json);
    }

    /** An audit was stuck: a locator copied from the window, its password shown as "****", replaced the typed password with the mask. */
    @Test
    void aMaskedPasswordIsNoPasswordAndThePasswordTypedThisRunIsUsed() {
        Credentials credentials = new Credentials(directory.resolve("no-pgpass"), Map.of(), WANTS_A_PASSWORD);
        StoreLocator store = StoreLocator.parse("postgresql://someone@db.example:5432/sessions");
        CompletedNow.of(credentials, store, new ScriptedDialogService().answer("typed-pw")).orElseThrow();

        for (String copied : List.of("postgresql://someone:****@db.example:5432/sessions", "postgresql://someone@db.example:5432/sessions?password=****")) {
            assertThat(CompletedNow.of(credentials, StoreLocator.parse(copied), new ScriptedDialogService()).orElseThrow().target())
                    .as(copied).contains(":typed-pw@");
        }
    }

    /** An audit's mistyped password at the window's start brought the same empty prompt back, with no word of the refusal. */
    @Test
    void aMistypedPasswordIsAskedForAgainSayingTheServerRefusedIt() {
        TestPostgres postgres = TestPostgres.get();
        String store = "postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database();
        Credentials credentials = new Credentials(directory.resolve("no-pgpass"), Map.of());
        ScriptedDialogService dialogs = new ScriptedDialogService().answer("mistyped").answer(TestPostgres.PASSWORD);

        StoreLocator ready = CompletedNow.of(credentials, StoreLocator.parse(store), dialogs).orElseThrow();

        assertThat(ready.target()).contains(":" + TestPostgres.PASSWORD + "@");
        assertThat(dialogs.passwordPrompts()).containsExactly("Password for user " + TestPostgres.PASSWORD_USER + " on " + store,
                "PostgreSQL refused that password for user " + TestPostgres.PASSWORD_USER + " on " + store + ": type it again");
        assertThat(CompletedNow.of(credentials, StoreLocator.parse(store), new ScriptedDialogService()).orElseThrow().target())
                .as("the password the server took is kept for the run, not the refused one").contains(":" + TestPostgres.PASSWORD + "@");
    }

    @Test
    void cancellingThePromptSaysWhichStoreDidNotOpenAndWhy() {
        TestPostgres postgres = TestPostgres.get();
        String store = "postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database();
        Credentials credentials = new Credentials(directory.resolve("no-pgpass"), Map.of());

        ScriptedDialogService refusedThenCancelled = new ScriptedDialogService().answer("mistyped").answer(null);
        assertThat(CompletedNow.of(credentials, StoreLocator.parse(store), refusedThenCancelled)).isEmpty();
        assertThat(refusedThenCancelled.notifications()).last().isEqualTo("Did not open " + store + ": PostgreSQL refused the password typed for user "
                + TestPostgres.PASSWORD_USER + ", and the prompt was cancelled");

        ScriptedDialogService cancelled = new ScriptedDialogService().answer(null);
        assertThat(CompletedNow.of(credentials, StoreLocator.parse(store), cancelled)).isEmpty();
        assertThat(cancelled.notifications()).last().isEqualTo("Did not open " + store + ": it needs the password of user "
                + TestPostgres.PASSWORD_USER + ", and the prompt was cancelled");
    }

    /** An audit's mistyped password stuck for the whole run: every retry used it and never asked again (here the server took it at the prompt, then refused it, as when it changed meanwhile). */
    @Test
    void aTypedPasswordTheServerRefusesLaterIsForgottenAndAskedForAgain() {
        TestPostgres postgres = TestPostgres.get();
        StoreLocator locator = StoreLocator.parse("postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port()
                + "/" + postgres.database());
        Credentials credentials = new Credentials(directory.resolve("no-pgpass"), Map.of(), WANTS_A_PASSWORD);
        StoreLocator mistyped = CompletedNow.of(credentials, locator, new ScriptedDialogService().answer("mistyped")).orElseThrow();
        Exception refused = catchException(() -> StoreFactory.open(mistyped, OpenMode.EXISTING));

        Exception told = credentials.forgetRefused(refused);

        assertThat(told).hasMessageContaining("refused the password typed for user " + TestPostgres.PASSWORD_USER)
                .hasMessageContaining("it is forgotten: try again and type it when asked").hasMessageNotContaining("mistyped");
        assertThat(TypedPasswordForgottenException.toldWith(told, "open the store again, and type it when asked", "correct it in the URL"))
                .as("told in the words of where it is shown").hasMessageEndingWith("it is forgotten: open the store again, and type it when asked");
        assertThat(CompletedNow.of(credentials, locator, new ScriptedDialogService().answer(TestPostgres.PASSWORD)).orElseThrow().target())
                .as("asked again, and the new answer used").contains(":" + TestPostgres.PASSWORD + "@");
        assertThat(new Credentials(directory.resolve("no-pgpass"), Map.of()).forgetRefused(refused))
                .as("a password not typed in the window (the URL's, PGPASSWORD's) is told as the store layer tells it").isSameAs(refused);
    }

    /** An audit's window asked for postgres's password on a server that trusts it, then showed Minsky a URL with ****. */
    @Test
    void aServerThatTrustsTheUserIsNotAskedForAPasswordAndTheLocatorHoldsNone() {
        TestPostgres postgres = TestPostgres.get();
        StoreLocator trusted = StoreLocator.parse("postgresql://postgres@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?schema=s");
        ScriptedDialogService dialogs = new ScriptedDialogService();

        StoreLocator ready = CompletedNow.of(new Credentials(directory.resolve("no-pgpass"), Map.of()), trusted, dialogs).orElseThrow();

        assertThat(ready.target()).as("no prompt: the script has no answer").isEqualTo("postgresql://postgres@" + postgres.host() + ":" + postgres.port()
                + "/" + postgres.database());
        assertThat(ready.params()).containsEntry("schema", "s");
        assertThat(StoreProviders.of(ready).minskyBackend(ready).orElseThrow().notes()).as("Minsky is told of no password it did not use").isEmpty();
    }

    @Test
    void aServerThatRefusesTheUserWithoutAPasswordAsksForIt() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        StoreLocator guarded = StoreLocator.parse("postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port()
                + "/" + postgres.database() + "?schema=" + postgres.freshSchema().param("schema").orElseThrow());
        ScriptedDialogService dialogs = new ScriptedDialogService().answer(TestPostgres.PASSWORD);

        StoreLocator ready = CompletedNow.of(new Credentials(directory.resolve("no-pgpass"), Map.of()), guarded, dialogs).orElseThrow();

        assertThat(ready.target()).contains(TestPostgres.PASSWORD_USER + ":" + TestPostgres.PASSWORD + "@");
        try (SessionStore opened = StoreFactory.open(ready, OpenMode.CREATE_IF_MISSING)) {
            assertThat(opened.locator().display()).as("the typed password logs in, and shows masked").contains(TestPostgres.PASSWORD_USER + ":****@");
        }
    }

    /** A look from a keystroke (a job's target named) asks nobody: it opens with a password this run knows, else not at all. */
    @Test
    void withoutAskingTakesAPasswordThisRunKnowsAndNeverTriesOneBeingTyped() {
        Credentials credentials = new Credentials(directory.resolve("no-pgpass"), Map.of(), WANTS_A_PASSWORD);
        StoreLocator store = StoreLocator.parse("postgresql://ana@db.example/minsky");
        assertThat(credentials.withoutAsking(store)).as("only the user can tell it").isEmpty();
        assertThat(credentials.withoutAsking(StoreLocator.parse("postgresql://ana:s3c@db.example/minsky"))).as("a password being typed").isEmpty();

        CompletedNow.of(credentials, store, new ScriptedDialogService().answer("typed-pw")).orElseThrow();

        assertThat(credentials.withoutAsking(store).orElseThrow().target()).isEqualTo("postgresql://ana:typed-pw@db.example:5432/minsky");
    }
}
