-- Sessions keep only a SHA-256 hash of the token the cookie carries, and the times that end
-- them: idle too long, or too old. Sessions of before are dropped (their users sign in again).
DROP TABLE sessions;
CREATE TABLE sessions (
    token_hash   BLOB PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    -- Unix seconds.
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
