package dev.sessiondb.ui;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.StoreOpener;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.stores.Credentials;
import dev.sessiondb.ui.stores.StoreEntry;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;

/**
 * What the window is built from; the app passes the real ones, TestFX tests pass a scripted
 * dialog service, a temporary settings file and their own discovery.
 *
 * @param journal where stores are backed up before the app writes to them
 * @param status the status-bar line, which the dialog service's notifications write to
 */
public record AppServices(SettingsStore settings, DialogService dialogs, UiTaskExecutor executor, StoreOpener opener,
                          Supplier<List<StoreEntry>> discovery, Credentials credentials, BackupJournal journal, StringProperty status) {
}
