-- Rate-limit buckets need no durability: after a crash PostgreSQL empties an unlogged table, which
-- only refills every bucket. Unlogged, their updates write no WAL, so a bucket's transaction commits
-- without waiting for a flush to disk (which every request with a stale bucket would otherwise pay).
ALTER TABLE rate_limit_buckets SET UNLOGGED;
