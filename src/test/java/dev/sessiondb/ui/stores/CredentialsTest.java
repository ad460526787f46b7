package dev.sessiondb.ui.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ScriptedDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path directory;

    @Test
    void aSavedLocatorNeverHoldsThePassword() {
        StoreLocator locator = StoreLocator.parse("postgresql://ana:s3cret@db.example:5433/minsky?schema=s");

        assertThat(Credentials.withoutPassword(locator).target()).isEqualTo("postgresql://ana@db.example:5433/minsky");
        assertThat(Credentials.withoutPassword(locator).params()).containsEntry("schema", "s");
    }

    @Test
    void thePasswordComesFromPgpassWhenALineMatches() throws Exception {
        Path pgpass = directory.resolve(".pgpass");
        Files.writeString(pgpass, "# comment\nother:5432:*:ana:wrong\ndb.example:*:minsky:ana:pa\\:ss\n");
        Credentials credentials = new Credentials(pgpass, Map.of());

        StoreLocator ready = credentials.complete(StoreLocator.parse("postgresql://ana@db.example/minsky"), new ScriptedDialogService()).orElseThrow();

        assertThat(ready.target()).isEqualTo("postgresql://ana:pa%3Ass@db.example/minsky");
    }

    @Test
    void withoutPgpassTheEnvironmentIsAskedThenTheUser() {
        Credentials fromEnv = new Credentials(directory.resolve("none"), Map.of("PGPASSWORD", "env"));
        assertThat(fromEnv.complete(StoreLocator.parse("postgresql://ana@h/db"), new ScriptedDialogService()).orElseThrow().target())
                .isEqualTo("postgresql://ana:env@h/db");

        Credentials prompting = new Credentials(directory.resolve("none"), Map.of());
        ScriptedDialogService dialogs = new ScriptedDialogService().answer("typed");
        assertThat(prompting.complete(StoreLocator.parse("postgresql://ana@h/db"), dialogs).orElseThrow().target())
                .isEqualTo("postgresql://ana:typed@h/db");
        assertThat(prompting.complete(StoreLocator.parse("postgresql://ana@h/db"), new ScriptedDialogService()))
                .as("the typed password is remembered for this run").isPresent();
    }

    @Test
    void cancellingThePromptOpensNothing() {
        Credentials credentials = new Credentials(directory.resolve("none"), Map.of());

        assertThat(credentials.complete(StoreLocator.parse("postgresql://ana@h/db"), new ScriptedDialogService().answer(null))).isEmpty();
    }

    @Test
    void fileStoresNeedNoPassword() {
        StoreLocator json = StoreLocator.parse("json:/tmp/a.json");

        assertThat(new Credentials(directory.resolve("none"), Map.of()).complete(json, new ScriptedDialogService())).contains(json);
    }
}
