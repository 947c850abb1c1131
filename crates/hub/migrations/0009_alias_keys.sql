-- The form in which aliases are compared (plain_text::alias_key: NFKC, lower case, plain
-- spaces), so that an alias that only looks like another ("ＥＵ Production Portal") is taken.
-- Computed by the hub, which fills it in for rows that have none when it opens the database.
ALTER TABLE connection_requests ADD COLUMN alias_key TEXT;
CREATE INDEX connection_requests_by_alias_key ON connection_requests(alias_key);
