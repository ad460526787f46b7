package dev.sessiondb.store;

/** Whether opening a store may create it. Reading commands never create anything. */
public enum OpenMode {
    /** The store must exist; its files and schema are left exactly as they are. */
    EXISTING,
    /** Create an empty store in the native layout (or the layout asked for) when there is none. */
    CREATE_IF_MISSING
}
