package dev.sessiondb.store;

/**
 * A column a foreign tool writes that its table lacks, as the store's provider tells it.
 *
 * @param required whether the tool loses data without it (else the schema is only older)
 * @param fix      the statement that adds it
 */
public record SchemaGap(String column, boolean required, String fix) {
}
