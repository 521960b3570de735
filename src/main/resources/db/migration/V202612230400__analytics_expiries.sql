-- Prescriptions issued and when they expire (analytics.internal.Expiries): an expiry is not a
-- transaction, so the analytics feed counts it when the first block at or after that time is applied,
-- if the prescription was neither dispensed in full nor cancelled by then. Taken back by height on a
-- reorganisation, as the facts are.
CREATE TABLE analytics_expiries (
    rx_id          VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at     TIMESTAMP   NOT NULL,
    issued_height  BIGINT      NOT NULL,
    expired_height BIGINT
);
CREATE INDEX analytics_expiries_due_idx ON analytics_expiries (expired_height, expires_at);
CREATE INDEX analytics_expiries_height_idx ON analytics_expiries (issued_height);

-- counted again from the first block, so the prescriptions already issued are registered too
DELETE FROM analytics_token_moves;
DELETE FROM analytics_token_days;
DELETE FROM analytics_cell_patients;
DELETE FROM analytics_cells;
DELETE FROM analytics_facts;
DELETE FROM analytics_blocks;
UPDATE analytics_progress SET applied_height = 0 WHERE id = 1;
