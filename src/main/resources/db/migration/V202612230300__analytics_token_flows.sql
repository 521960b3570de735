-- Token flows for the ledger's figures (analytics.internal.TokenFlows): what moved, of which kind, per
-- transaction (so a reorganisation can take it back), and per day and kind (what the chart reads).
-- Amounts in base units (a millionth of a token); addresses are not kept.
CREATE TABLE analytics_token_moves (
    tx_id     VARCHAR(64) NOT NULL,
    flow      VARCHAR(24) NOT NULL,   -- fees, transfers, pharmacy, appointments: one more kind is one more value
    move_day  DATE        NOT NULL,
    amount    BIGINT      NOT NULL,
    height    BIGINT      NOT NULL,
    PRIMARY KEY (tx_id, flow)
);
CREATE INDEX analytics_token_moves_height_idx ON analytics_token_moves (height);

CREATE TABLE analytics_token_days (
    move_day  DATE        NOT NULL,
    flow      VARCHAR(24) NOT NULL,
    moves     BIGINT      NOT NULL,
    amount    BIGINT      NOT NULL,
    PRIMARY KEY (move_day, flow)
);

-- the read model is counted again from the first block, so the flows of the blocks already applied are counted too
DELETE FROM analytics_cell_patients;
DELETE FROM analytics_cells;
DELETE FROM analytics_facts;
DELETE FROM analytics_blocks;
UPDATE analytics_progress SET applied_height = 0 WHERE id = 1;
