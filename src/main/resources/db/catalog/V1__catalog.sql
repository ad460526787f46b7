-- SessionDB Admin's own catalog (dev.sessiondb.catalog): never a password in any column.
CREATE TABLE saved_store (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    locator   VARCHAR(2000) NOT NULL UNIQUE,
    position  INTEGER NOT NULL,
    added_at  TIMESTAMP NOT NULL
);

CREATE TABLE job_run (
    run_id       VARCHAR(200) PRIMARY KEY,
    kind         VARCHAR(40) NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    sources      VARCHAR(4000),
    target       VARCHAR(2000),
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    outcome      VARCHAR(40),
    counts       VARCHAR(4000),
    report_path  VARCHAR(2000),
    backup_id    VARCHAR(300),
    undone_at    TIMESTAMP
);
CREATE INDEX job_run_started ON job_run (started_at);
CREATE INDEX job_run_backup ON job_run (backup_id);

CREATE TABLE backup_entry (
    id           VARCHAR(300) PRIMARY KEY,
    run_id       VARCHAR(200),
    reason       VARCHAR(4000) NOT NULL,
    locator      VARCHAR(2000) NOT NULL,
    format       VARCHAR(20) NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    records      BIGINT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    restored_at  TIMESTAMP
);
CREATE INDEX backup_entry_created ON backup_entry (created_at);
