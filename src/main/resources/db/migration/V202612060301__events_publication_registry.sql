-- Spring Modulith's event publication registry (JDBC store): when a transaction publishes an event
-- that a transactional listener (the inbox, say) handles after the commit, one row per listener is
-- written in that same transaction, and removed once the listener has handled it. A row still here
-- after a crash is published again at the next start, so no listener loses an event. The columns are
-- Modulith's own schema (schema-h2.sql in spring-modulith-events-jdbc), written so that PostgreSQL
-- takes them too.
CREATE TABLE event_publication (
    id                UUID NOT NULL PRIMARY KEY,
    completion_date   TIMESTAMP WITH TIME ZONE,
    event_type        VARCHAR(512) NOT NULL,
    listener_id       VARCHAR(512) NOT NULL,
    publication_date  TIMESTAMP WITH TIME ZONE NOT NULL,
    serialized_event  VARCHAR(4000) NOT NULL
);
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id, completion_date);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
