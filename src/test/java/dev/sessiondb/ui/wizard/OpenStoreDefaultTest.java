package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.CurrentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenStoreDefaultTest {

    @TempDir
    Path directory;

    private final CurrentStore current = new CurrentStore();

    private Path folder(String name) {
        try {
            return Files.createDirectories(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void aJobScreenStartsFromTheOpenStoreAndFollowsItUntilItIsUnderWay() {
        current.show(TestStores.openFixtureCopy(folder("first")));
        StringProperty field = new SimpleStringProperty("");
        AtomicBoolean atStart = new AtomicBoolean(true);

        OpenStoreDefault.follow(current, field::set, atStart::get);
        assertThat(field.get()).isEqualTo(current.store().locator().display());

        current.show(TestStores.openFixtureCopy(folder("second")));
        assertThat(field.get()).contains("second");

        atStart.set(false);
        current.show(TestStores.openFixtureCopy(folder("third")));
        assertThat(field.get()).contains("second");
    }
}
