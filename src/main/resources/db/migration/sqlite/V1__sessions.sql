-- The first native layout: one row per session, the whole record as JSON text.
CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    session_key TEXT NOT NULL UNIQUE,
    record      TEXT NOT NULL
);
