-- The ledger explorer's read model of the home node's main chain, fed by the ledger's events and
-- rebuilt from the chain's blocks when empty (explorer.ExplorerFeed). Sized for a million
-- transactions: every page is one index range, keyset-paged, never a scan.

-- One receipt per transaction the home node committed or refused for good, keyed by transaction id,
-- so an event delivered twice or a reorganisation's re-announcement (with its new block) updates it.
-- A refusal is not on the chain, so a rebuild restores only committed receipts.
CREATE TABLE explorer_receipts (
    tx_id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    status          VARCHAR(16)   NOT NULL,          -- COMMITTED or REFUSED
    height          BIGINT,                          -- null while refused
    tx_index        INTEGER,
    block_hash      VARCHAR(64),
    block_time      TIMESTAMP WITH TIME ZONE,
    sender          VARCHAR(42)   NOT NULL,
    nonce           BIGINT,                          -- null for a refusal (the event does not carry it)
    contract        VARCHAR(80)   NOT NULL,
    method          VARCHAR(80)   NOT NULL,
    fee             BIGINT        NOT NULL,
    refusal_rule    VARCHAR(120),
    refusal_message VARCHAR(1000)
);
CREATE INDEX explorer_receipts_position_idx ON explorer_receipts (height, tx_index);

-- What each transaction did besides its fee, in order: TOKENS (payer, payee, amount: as the wallet's
-- token effects say) or CONSENT (change, the request's, grant's or emergency's id, patient, doctor,
-- and a detail of categories, purpose, durations and hashes: never clinical content).
CREATE TABLE explorer_effects (
    tx_id       VARCHAR(64)  NOT NULL,
    seq         INTEGER      NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    payer       VARCHAR(42),
    payee       VARCHAR(42),
    amount      BIGINT,
    change_name VARCHAR(40),
    subject_id  VARCHAR(64),
    patient     VARCHAR(42),
    doctor      VARCHAR(42),
    detail      VARCHAR(1000),
    PRIMARY KEY (tx_id, seq)
);

-- Every committed transaction under every address it concerns (sender, addresses among its
-- arguments, each side of its effects), for an account's page: newest first by (height, index).
CREATE TABLE explorer_address_txs (
    address  VARCHAR(42) NOT NULL,
    tx_id    VARCHAR(64) NOT NULL,
    height   BIGINT      NOT NULL,
    tx_index INTEGER     NOT NULL,
    PRIMARY KEY (address, tx_id)
);
CREATE INDEX explorer_address_txs_page_idx ON explorer_address_txs (address, height DESC, tx_index DESC);
CREATE INDEX explorer_address_txs_tx_idx ON explorer_address_txs (tx_id);

-- How far the read model has applied the main chain: the last height whose transactions are all in.
CREATE TABLE explorer_progress (
    id             INTEGER NOT NULL PRIMARY KEY,
    applied_height BIGINT  NOT NULL
);
INSERT INTO explorer_progress (id, applied_height) VALUES (1, 0);
