-- Listing 10,000 requests fast: the requester's name kept beside each request, one lower-case
-- search text (alias, API portal URL, requester name), and an index per sort order that covers
-- filtering and searching, so that a page is found without reading the wide rows.
ALTER TABLE connection_requests ADD COLUMN requester_name TEXT NOT NULL DEFAULT '';
ALTER TABLE connection_requests ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

CREATE TRIGGER connection_requests_search_text_on_insert AFTER INSERT ON connection_requests
BEGIN
    UPDATE connection_requests
    SET requester_name = (SELECT name FROM users WHERE users.id = NEW.requested_by),
        search_text = lower(NEW.api_portal_alias || char(31) || NEW.api_portal_url || char(31)
                            || (SELECT name FROM users WHERE users.id = NEW.requested_by))
    WHERE id = NEW.id;
END;

CREATE TRIGGER connection_requests_search_text_on_update
AFTER UPDATE OF api_portal_alias, api_portal_url, requested_by ON connection_requests
BEGIN
    UPDATE connection_requests
    SET requester_name = (SELECT name FROM users WHERE users.id = NEW.requested_by),
        search_text = lower(NEW.api_portal_alias || char(31) || NEW.api_portal_url || char(31)
                            || (SELECT name FROM users WHERE users.id = NEW.requested_by))
    WHERE id = NEW.id;
END;

UPDATE connection_requests
SET requester_name = (SELECT name FROM users WHERE users.id = requested_by),
    search_text = lower(api_portal_alias || char(31) || api_portal_url || char(31)
                        || (SELECT name FROM users WHERE users.id = requested_by));

DROP INDEX connection_requests_status;
DROP INDEX connection_requests_updated_at;
CREATE INDEX connection_requests_by_alias ON connection_requests(api_portal_alias COLLATE NOCASE, id, status, search_text);
CREATE INDEX connection_requests_by_requester ON connection_requests(requester_name COLLATE NOCASE, id, status, search_text);
CREATE INDEX connection_requests_by_requested_at ON connection_requests(requested_at, id, status, search_text);
CREATE INDEX connection_requests_by_updated_at ON connection_requests(updated_at, id, status, search_text);
CREATE INDEX connection_requests_by_status ON connection_requests(status, id, search_text);
