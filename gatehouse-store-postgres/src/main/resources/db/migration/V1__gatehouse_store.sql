-- Gatehouse store, version 1: one table per record kind, every expiry indexed for the purge.
-- Secrets are never stored: only their SHA-256 (bytea). Times are timestamptz at millisecond precision.

CREATE TABLE meta (
    name  text PRIMARY KEY,
    value bytea NOT NULL
);

CREATE TABLE sessions (
    id         text PRIMARY KEY,
    user_name  text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    ended_at   timestamptz
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE tokens (
    id         text PRIMARY KEY,
    kind       text NOT NULL,
    hash       bytea NOT NULL,
    session_id text NOT NULL,
    client_id  text NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz
);
CREATE INDEX tokens_expires_at ON tokens (expires_at);

CREATE TABLE role_sessions (
    access_key_id      text PRIMARY KEY,
    session_token_hash bytea NOT NULL,
    account_id         text NOT NULL,
    role_name          text NOT NULL,
    user_name          text NOT NULL,
    sign_in_session_id text NOT NULL,
    issued_at          timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL
);
CREATE INDEX role_sessions_expires_at ON role_sessions (expires_at);

CREATE TABLE clients (
    client_id     text PRIMARY KEY,
    secret_hash   bytea NOT NULL,
    client_name   text NOT NULL,
    client_type   text NOT NULL,
    scopes        text[] NOT NULL,
    redirect_uris text[] NOT NULL,
    grant_types   text[] NOT NULL,
    issued_at     timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX clients_expires_at ON clients (expires_at);

CREATE TABLE device_authorizations (
    id               text PRIMARY KEY,
    device_code_hash bytea NOT NULL,
    user_code        text NOT NULL,
    client_id        text NOT NULL,
    client_name      text NOT NULL,
    scopes           text[] NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    interval_seconds integer NOT NULL,
    polls            integer NOT NULL,
    last_polled_at   timestamptz,
    state            text NOT NULL,
    session_id       text
);
CREATE UNIQUE INDEX device_authorizations_user_code ON device_authorizations (user_code);
CREATE INDEX device_authorizations_expires_at ON device_authorizations (expires_at);

CREATE TABLE authorization_codes (
    id             text PRIMARY KEY,
    code_hash      bytea NOT NULL,
    client_id      text NOT NULL,
    redirect_uri   text NOT NULL,
    code_challenge text NOT NULL,
    scopes         text[] NOT NULL,
    session_id     text NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used           boolean NOT NULL
);
CREATE INDEX authorization_codes_expires_at ON authorization_codes (expires_at);
