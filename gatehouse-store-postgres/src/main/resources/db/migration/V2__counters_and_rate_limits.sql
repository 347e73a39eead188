-- Version 2: what instances on one database must count together.

-- Counters kept until they expire: failed sign-ins per user name and per address, the last TOTP
-- step spent per user. Keys hold SHA-256 digests, never a user name as typed.
CREATE TABLE counters (
    key        text PRIMARY KEY,
    value      bigint NOT NULL,
    updated_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX counters_expires_at ON counters (expires_at);

-- Token buckets of the API rate limits, in Bucket4j's own layout (its state is a serialized
-- snapshot; expires_at is epoch milliseconds, set by Bucket4j and used to drop idle buckets).
CREATE TABLE rate_limit_buckets (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
