-- The first native layout: one row per session, the whole record as JSON text.
CREATE TABLE sessions (
    session_key TEXT PRIMARY KEY,
    record      TEXT NOT NULL
);
