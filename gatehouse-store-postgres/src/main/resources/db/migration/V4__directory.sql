-- Version 4: the live directory (users, groups, memberships, permission sets, assignments, admin
-- keys), kept as opaque bodies under a kind and an id, with the unique keys the store enforces and
-- the change log every instance follows to keep its in-memory directory current.

-- One row: the directory's version (the last write's) and the oldest version the log still reaches
-- from (a reader at a lower version must load everything again). Every write updates this row first,
-- so its row lock puts the writes of all instances one after another, in version order.
CREATE TABLE directory_state (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint NOT NULL,
    log_floor bigint NOT NULL
);
INSERT INTO directory_state (version, log_floor) VALUES (0, 0);

-- unique_keys as the entry listed them (order kept); directory_unique_keys enforces them. A write
-- deletes every entry it touches (their keys go by the cascade) and inserts again those it keeps.
CREATE TABLE directory_entries (
    kind        text NOT NULL,
    id          text NOT NULL,
    unique_keys text[] NOT NULL,
    body        bytea NOT NULL,
    PRIMARY KEY (kind, id)
);

-- Which entry holds each unique key (a user name, an external id, a group's name, ...), across kinds.
CREATE TABLE directory_unique_keys (
    key  text PRIMARY KEY,
    kind text NOT NULL,
    id   text NOT NULL,
    FOREIGN KEY (kind, id) REFERENCES directory_entries (kind, id) ON DELETE CASCADE
);
CREATE INDEX directory_unique_keys_holder ON directory_unique_keys (kind, id);

-- The change log: each entry a write touched, at the write's version (seq: its place in the write).
-- The entry as it is now is read from directory_entries; the lines are purged an hour after written_at.
CREATE TABLE directory_log (
    version    bigint NOT NULL,
    seq        integer NOT NULL,
    kind       text NOT NULL,
    id         text NOT NULL,
    written_at timestamptz NOT NULL,
    PRIMARY KEY (version, seq)
);
CREATE INDEX directory_log_written_at ON directory_log (written_at);
