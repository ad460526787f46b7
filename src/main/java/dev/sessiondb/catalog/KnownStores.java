package dev.sessiondb.catalog;

import dev.sessiondb.job.ExportTarget;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stores SessionDB Admin keeps, as its catalog names them: those saved in the window's list, every store a job read,
 * and every store a job wrote. An export's own file is not one (an export that replaced an earlier export names it as its
 * target), nor is what an undo wrote (the store the undone job named already).
 */
public final class KnownStores {

    private static final String UNDO = "undo";

    private KnownStores() {
    }

    /**
     * The stores the catalog in {@code folder} names; none when there is no catalog there (nothing is created).
     *
     * @throws CatalogException when the catalog cannot be opened or read, naming its file
     */
    public static List<StoreLocator> in(Path folder) {
        if (!Files.isRegularFile(folder.toAbsolutePath().resolve(Catalog.FILE_NAME))) {
            return List.of();
        }
        try (Catalog catalog = Catalog.open(folder)) {
            Stream<String> saved = catalog.savedStores().list().stream();
            Stream<String> named = catalog.history().list(Optional.empty(), Integer.MAX_VALUE).stream()
                    .flatMap(job -> Stream.concat(job.sources().stream(), job.target().stream().filter(target -> wroteAStore(job))));
            return Stream.concat(saved, named).distinct().flatMap(KnownStores::parsed).toList();
        } catch (CatalogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CatalogException("cannot read the stores kept in " + folder.resolve(Catalog.FILE_NAME) + " (" + e.getMessage() + ")", e);
        }
    }

    private static boolean wroteAStore(PastJob job) {
        return !job.kind().equals(ExportTarget.JOB) && !job.kind().equals(UNDO);
    }

    /** A locator that no longer parses (a scheme this build lacks) names no store this build could be asked to write over. */
    private static Stream<StoreLocator> parsed(String text) {
        try {
            return Stream.of(StoreLocator.parse(text));
        } catch (RuntimeException unknownScheme) {
            return Stream.empty();
        }
    }
}
