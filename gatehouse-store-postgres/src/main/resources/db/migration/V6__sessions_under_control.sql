-- Version 6 (sessions under control): how each sign-in session was made, where each token went, role
-- sessions an admin ended, and the audit trail. Every added column is nullable or has a constant
-- default, so PostgreSQL adds it without rewriting the table; rows written before read back as
-- "not recorded" (sign_in_method 'UNRECORDED', no client, address or User-Agent; no ended_at).

ALTER TABLE sessions
    ADD COLUMN sign_in_method text NOT NULL DEFAULT 'UNRECORDED',
    ADD COLUMN client_name    text,
    ADD COLUMN source_address text,
    ADD COLUMN user_agent     text;

ALTER TABLE tokens ADD COLUMN source_address text;

ALTER TABLE role_sessions ADD COLUMN ended_at timestamptz;

-- A session's tokens and the role sessions issued from it, oldest first straight out of the index
-- (ties by id in code-point order, as Java compares strings, whatever the database's collation).
CREATE INDEX tokens_session_id ON tokens (session_id, issued_at, id COLLATE "C");
CREATE INDEX role_sessions_sign_in_session_id
    ON role_sessions (sign_in_session_id, issued_at, access_key_id COLLATE "C");

-- The audit trail. The id (AuditIds: the time in milliseconds, 13 digits, then random characters) sorts
-- as the records' times do; collation "C" compares it byte by byte, as Java does, so that "newest first"
-- is a backward scan of the primary key and a page's last id is where the next page starts.
-- details holds the record's further facts as name, value, name, value, ... (names in order).
CREATE TABLE audit_records (
    id             text COLLATE "C" PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    event          text NOT NULL,
    outcome        text NOT NULL,
    user_name      text,
    user_id        text,
    session_id     text,
    client_name    text,
    client_id      text,
    source_address text,
    request_id     text,
    details        text[] NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX audit_records_expires_at ON audit_records (expires_at);
-- A user's records and one event's records, newest first, within the id range a query scans.
CREATE INDEX audit_records_user_id ON audit_records (user_id, id) WHERE user_id IS NOT NULL;
CREATE INDEX audit_records_user_name ON audit_records (user_name, id) WHERE user_name IS NOT NULL;
CREATE INDEX audit_records_event ON audit_records (event, id);
