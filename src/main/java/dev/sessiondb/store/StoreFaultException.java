package dev.sessiondb.store;

/**
 * A fault a store met, in its own words and with its name first ("sqlite:x.db: the SQLite file is
 * damaged; restore it ..."): a job whose line names several stores says which one met it.
 */
public final class StoreFaultException extends StoreException {

    private final String store;
    private final StoreFaults.Fault fault;

    /** @param cause what the driver reported, or null when the store found the fault itself */
    public StoreFaultException(String store, StoreFaults.Fault fault, Throwable cause) {
        super(store + ": " + fault.what() + "; " + fault.todo(), cause);
        this.store = store;
        this.fault = fault;
    }

    /** The fault with the store's name before what it is. */
    StoreFaults.Fault named() {
        return new StoreFaults.Fault(store + ": " + fault.what(), fault.todo());
    }
}
