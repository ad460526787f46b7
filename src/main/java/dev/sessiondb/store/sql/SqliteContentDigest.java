package dev.sessiondb.store.sql;

import dev.sessiondb.files.LockSafeReads;
import dev.sessiondb.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What a SQLite database holds, as a digest of its pages as a reader sees them ({@link PageChecks}): each page in its WAL's last committed
 * version ({@link SqliteWalFrames}), else as the database file has it. A checkpoint copies those versions into the file
 * byte for byte (and empties or deletes the WAL), so it leaves the digest as it was; a commit changes at least one page.
 * It reads the whole database (0.13-0.3 s a 250 MB file on a warm cache, see BENCHMARKS.md), so each digest is kept for
 * the look of the files it was taken under and taken again only once they moved.
 */
final class SqliteContentDigest {

    private static final int PAGE_SIZE_OFFSET = 16;
    private static final int PAGES_READ_AT_ONCE = 256;
    private static final int KEPT = 16;
    /** Digests by database and the look of its files (sizes, times, identities, the WAL's last commit), the newest kept. */
    private static final Map<String, String> RECENT = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    private SqliteContentDigest() {
    }

    /** The digest of {@code database} as it is now; {@code filesLook} is a look that moves whenever its files are written. */
    static String of(Path database, String filesLook) {
        String key = database.toAbsolutePath() + "\n" + filesLook;
        synchronized (RECENT) {
            String known = RECENT.get(key);
            if (known != null) {
                return known;
            }
        }
        String digest = take(database);
        synchronized (RECENT) {
            RECENT.put(key, digest);
        }
        return digest;
    }

    private static String take(Path database) {
        Path walFile = Path.of(database + "-wal");
        try (FileChannel wal = openIfThere(walFile)) {
            SqliteWalFrames frames = wal == null ? SqliteWalFrames.NONE : SqliteWalFrames.read(wal);
            return LockSafeReads.read(database, file -> digest(file, wal, frames));
        } catch (NoSuchFileException absent) {
            return "absent";
        } catch (IOException e) {
            throw new StoreException(database + ": cannot read the SQLite file (" + e.getMessage() + "); check that it is readable", e);
        }
    }

    private static String digest(FileChannel file, FileChannel wal, SqliteWalFrames frames) throws IOException {
        int pageSize = frames.pagesAtCommit().isPresent() ? frames.pageSize() : pageSizeOf(file);
        PageChecks pageChecks = new PageChecks();
        if (pageSize == 0) {
            return pageChecks.digest();
        }
        long pages = frames.pagesAtCommit().map(Integer::longValue).orElse((file.size() + pageSize - 1) / pageSize);
        ByteBuffer block = ByteBuffer.allocate(PAGES_READ_AT_ONCE * pageSize);
        ByteBuffer page = ByteBuffer.allocate(pageSize);
        for (long first = 1; first <= pages; first += PAGES_READ_AT_ONCE) {
            block.clear();
            int read = SqliteWalFrames.readFully(file, block, (first - 1) * pageSize);
            // past the file's end a page is in the WAL, or SQLite reads it as zeros
            Arrays.fill(block.array(), read, block.capacity(), (byte) 0);
            for (long number = first; number < first + PAGES_READ_AT_ONCE && number <= pages; number++) {
                Long inWal = frames.pages().get((int) number);
                if (inWal == null) {
                    pageChecks.add(block.array(), (int) (number - first) * pageSize, pageSize);
                } else {
                    page.clear();
                    SqliteWalFrames.readFully(wal, page, inWal);
                    pageChecks.add(page.array(), 0, pageSize);
                }
            }
        }
        return pageChecks.digest();
    }

    /**
     * Each page's CRC-32 and CRC-32C, which the processor computes (a page read costs more), and one SHA-256 of those in page
     * order: a page changed at random keeps both checks about once in 2^64.
     */
    private static final class PageChecks {
        private final CRC32 crc32 = new CRC32();
        private final CRC32C crc32c = new CRC32C();
        private final ByteBuffer checks = ByteBuffer.allocate(8);
        private final MessageDigest sha256 = sha256();

        void add(byte[] bytes, int offset, int length) {
            crc32.reset();
            crc32.update(bytes, offset, length);
            crc32c.reset();
            crc32c.update(bytes, offset, length);
            checks.clear();
            checks.putInt((int) crc32.getValue()).putInt((int) crc32c.getValue());
            sha256.update(checks.array());
        }

        String digest() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    /** The page size the database file's header gives; 0 for a file too short to have one (a new database). */
    private static int pageSizeOf(FileChannel file) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(2);
        if (SqliteWalFrames.readFully(file, header, PAGE_SIZE_OFFSET) < 2) {
            return 0;
        }
        int size = Short.toUnsignedInt(header.getShort(0));
        return size == 1 ? 65536 : size;
    }

    private static FileChannel openIfThere(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
