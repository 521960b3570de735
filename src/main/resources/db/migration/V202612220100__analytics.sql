-- The analytics read model (analytics.internal.FactStore), fed from the home node's main chain by
-- analytics.internal.AnalyticsFeed. Aggregates only: no name, address or free text. A patient is
-- counted by their ledger address (pseudonymous; never shown), and only as often as suppression needs.

-- One fact per transaction and figure (a diagnosis anchored, a prescription issued or dispensed...),
-- kept so a reorganisation can take back what it applied above a height, and so a rebuild can compare.
CREATE TABLE analytics_facts (
    tx_id       VARCHAR(64)  NOT NULL,
    figure      VARCHAR(40)  NOT NULL,
    key_parts   VARCHAR(200) NOT NULL,   -- the figure's key parts joined by |
    fact_day    DATE         NOT NULL,
    scope       VARCHAR(60)  NOT NULL,   -- provider:<id>, or none
    patient_ref VARCHAR(42)  NOT NULL,
    height      BIGINT       NOT NULL,
    PRIMARY KEY (tx_id, figure)
);
CREATE INDEX analytics_facts_height_idx ON analytics_facts (height);
CREATE INDEX analytics_facts_day_idx ON analytics_facts (figure, fact_day);

-- The cells the facts count in: every level (month, quarter, year, all), every combination of key
-- parts and their totals (*), the fact's scope and all scopes (*). patients counts distinct patients
-- up to the suppression threshold (5): above it a cell is simply shown.
CREATE TABLE analytics_cells (
    figure       VARCHAR(40)  NOT NULL,
    key_parts    VARCHAR(200) NOT NULL,
    cell_level   VARCHAR(8)   NOT NULL,
    bucket_start DATE         NOT NULL,
    scope        VARCHAR(60)  NOT NULL,
    events       BIGINT       NOT NULL,
    patients     BIGINT       NOT NULL,
    PRIMARY KEY (figure, key_parts, cell_level, bucket_start, scope)
);

-- Who is counted in a cell while it has fewer patients than the threshold, and with how many facts,
-- so distinct patients stay exact where suppression looks at them.
CREATE TABLE analytics_cell_patients (
    figure       VARCHAR(40)  NOT NULL,
    key_parts    VARCHAR(200) NOT NULL,
    cell_level   VARCHAR(8)   NOT NULL,
    bucket_start DATE         NOT NULL,
    scope        VARCHAR(60)  NOT NULL,
    patient_ref  VARCHAR(42)  NOT NULL,
    facts        BIGINT       NOT NULL,
    PRIMARY KEY (figure, key_parts, cell_level, bucket_start, scope, patient_ref)
);

-- Each block applied, by height, so a reorganisation is found (the main chain no longer has that hash
-- at that height) and taken back down to the last block both share.
-- It also keeps what the ledger charts draw per block: its time, difficulty, transactions, and the
-- home node's mempool size when the block was applied (unknown, null, for blocks applied in a catch-up).
CREATE TABLE analytics_blocks (
    height       BIGINT                   NOT NULL PRIMARY KEY,
    block_hash   VARCHAR(64)              NOT NULL,
    block_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    difficulty   BIGINT                   NOT NULL,
    transactions INTEGER                  NOT NULL,
    mempool      INTEGER
);

-- The height of the last block applied.
CREATE TABLE analytics_progress (
    id             INTEGER NOT NULL PRIMARY KEY,
    applied_height BIGINT  NOT NULL
);
INSERT INTO analytics_progress (id, applied_height) VALUES (1, 0);
