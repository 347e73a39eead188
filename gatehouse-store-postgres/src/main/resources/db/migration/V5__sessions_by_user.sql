-- Version 5: finding every session of one user (to end them all at once, on an admin's request or a
-- password reset) reads an index instead of the whole table. The index holds the sort columns too, so
-- the user's sessions come out of it already oldest first.
CREATE INDEX sessions_user_name ON sessions (user_name, created_at, id);
