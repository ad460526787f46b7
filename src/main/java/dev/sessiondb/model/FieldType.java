package dev.sessiondb.model;

/** How a known session field is typed, which decides how SQL layouts store it. */
public enum FieldType {
    TEXT, TIMESTAMP, BOOLEAN, INTEGER, JSON
}
