package dev.sessiondb.store;

/** Whether opening a store may create it. Reading commands never create anything. */
public enum OpenMode {
    /** The store must exist; its files and schema are left exactly as they are. */
    EXISTING,
    /** Create an empty store in the native layout (or the layout asked for) when there is none. */
    CREATE_IF_MISSING,
    /**
     * As {@link #CREATE_IF_MISSING}, for a new store built beside its final name and renamed
     * into place only when complete: a crash leaves only a file nobody reads, so the store may
     * skip what guards a live file against one (SQLite's journal and syncs); the provider's
     * commit makes the file durable before the rename.
     */
    STAGED
}
